#include "exchange/QdpxSourceText.h"

#include "exchange/QdpxArchive.h"

#include <QStringDecoder>

namespace warrant {

Result<QString> QdpxSourceText::of(const qda::Source& source, const QdpxArchive& archive, const QString& basePath) {
    const bool pdf = source.kind == qda::SourceKind::Pdf;
    const bool inline_ = pdf ? !source.representationContent.isEmpty() : source.hasInlineText;
    if (inline_) return pdf ? source.representationContent : source.plainTextContent;
    const QString path = pdf ? source.representationPath : source.path;
    if (path.isEmpty())
        return makeError(QStringLiteral("source '%1' has neither a text file nor inline text").arg(source.name));
    auto bytes = archive.readSource(path, basePath);
    if (!bytes) return makeError(QStringLiteral("source '%1': %2").arg(source.name, bytes.errorMessage()));
    return decode(*bytes, QStringLiteral("source '%1' (%2)").arg(source.name, path));
}

Result<QString> QdpxSourceText::decode(const QByteArray& bytes, const QString& name) {
    // A BOM names the encoding; without one the standard's UTF-8 applies.
    const auto detected = QStringConverter::encodingForData(bytes);
    const QStringConverter::Encoding encoding = detected.value_or(QStringConverter::Utf8);
    if (encoding != QStringConverter::Utf8 && encoding != QStringConverter::Utf16LE &&
        encoding != QStringConverter::Utf16BE)
        return makeError(QStringLiteral("%1: unsupported text encoding (expected UTF-8 or UTF-16)").arg(name));
    // Keep the BOM as a character: some tools count it in their offsets.
    QStringDecoder decoder(encoding, QStringConverter::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return makeError(QStringLiteral("%1: the text is not valid %2").arg(name, encoding == QStringConverter::Utf8
                                                                                     ? QStringLiteral("UTF-8")
                                                                                     : QStringLiteral("UTF-16")));
    return text;
}

} // namespace warrant
