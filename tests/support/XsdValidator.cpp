#include "XsdValidator.h"

#include <QFile>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

namespace warrant::test {

namespace {

void collect(void* context, const char* format, ...) {
    char buffer[1024];
    va_list args;
    va_start(args, format);
    vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    *static_cast<QString*>(context) += QString::fromUtf8(buffer);
}

} // namespace

XsdResult validateAgainstXsd(const QByteArray& document, const QString& xsdPath) {
    XsdResult result;
    QFile file(xsdPath);
    if (!file.open(QIODevice::ReadOnly)) {
        result.errors = QStringLiteral("cannot read %1").arg(xsdPath);
        return result;
    }
    const QByteArray schemaBytes = file.readAll();
    xmlSchemaParserCtxtPtr parser = xmlSchemaNewMemParserCtxt(schemaBytes.constData(), int(schemaBytes.size()));
    xmlSchemaSetParserErrors(parser, collect, collect, &result.errors);
    xmlSchemaPtr schema = xmlSchemaParse(parser);
    xmlSchemaFreeParserCtxt(parser);
    if (!schema) {
        result.errors.prepend(QStringLiteral("the schema %1 does not parse: ").arg(xsdPath));
        return result;
    }
    xmlDocPtr doc = xmlReadMemory(document.constData(), int(document.size()), "document.xml", nullptr, XML_PARSE_NONET);
    if (!doc) {
        result.errors += QStringLiteral("the document is not well-formed XML");
    } else {
        xmlSchemaValidCtxtPtr validator = xmlSchemaNewValidCtxt(schema);
        xmlSchemaSetValidErrors(validator, collect, collect, &result.errors);
        result.ok = xmlSchemaValidateDoc(validator, doc) == 0;
        xmlSchemaFreeValidCtxt(validator);
        xmlFreeDoc(doc);
    }
    xmlSchemaFree(schema);
    return result;
}

} // namespace warrant::test
