#include "exchange/QdcWriter.h"

#include "exchange/QdeWriter.h"

#include <QXmlStreamWriter>

namespace warrant {

QByteArray QdcWriter::write(const std::vector<qda::Code>& codes, const QString& origin) {
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(QStringLiteral("urn:QDA-XML:codebook:1.0"));
    xml.writeStartElement(QStringLiteral("CodeBook"));
    if (!origin.isEmpty()) xml.writeAttribute(QStringLiteral("origin"), QdeWriter::xmlSafe(origin));
    // The schema requires <Codes> and at least one Code in it; an empty codebook still writes the
    // element so the file reads back as "no codes" rather than as a malformed file.
    xml.writeStartElement(QStringLiteral("Codes"));
    QdeWriter::writeCodes(xml, codes, false);
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
}

} // namespace warrant
