#include "import/FileImporter.h"

#include "import/DocxReader.h"
#include "import/OdtReader.h"
#include "import/ParticipantResolver.h"
#include "import/SubtitleReader.h"
#include "import/TextDecoder.h"
#include "import/TurnDetector.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace warrant {

namespace {

constexpr qint64 kMaxFileSize = 256LL * 1024 * 1024; // far above any transcript; keeps memory bounded

Result<ImportedDocument> fromPlainText(const QString& text, TurnDetector::HeaderLayout layout,
                                       const SpeakerMapping& mapping) {
    ImportedDocument doc;
    doc.text = text;
    DetectedTranscript detected = TurnDetector(mapping, layout).detect(text);
    doc.header = std::move(detected.header);
    doc.turns = std::move(detected.turns);
    return doc;
}

Result<ImportedDocument> fromExtracted(const Result<ExtractedText>& extracted, const SpeakerMapping& mapping) {
    if (!extracted) return extracted.error();
    // Turns are detected on the body alone (see ExtractedText); the body is a prefix of the text.
    auto doc = fromPlainText(extracted->body, TurnDetector::HeaderLayout::Paragraphs, mapping);
    doc->text = extracted->composed();
    return doc;
}

Result<ImportedDocument> readByFormat(const QByteArray& bytes, const QString& format, const QString& name,
                                      const ImportOptions& options) {
    if (format == u"docx") return fromExtracted(DocxReader::read(bytes, name), options.speakers);
    if (format == u"odt") return fromExtracted(OdtReader::read(bytes, name), options.speakers);
    const auto text = TextDecoder::decode(bytes, name, options.encoding);
    if (!text) return text.error();
    if (format == u"vtt" || format == u"srt") {
        const auto kind = format == u"vtt" ? SubtitleReader::Format::WebVtt : SubtitleReader::Format::Srt;
        return SubtitleReader::read(text.value(), kind, name, options.speakers);
    }
    return fromPlainText(text.value(), TurnDetector::HeaderLayout::Lines, options.speakers);
}

Error unsupportedType(const QString& name, const QString& format) {
    const QString type = format.isEmpty() ? QStringLiteral("no extension") : u'.' + format;
    return makeError(QStringLiteral("%1: unsupported file type (%2; supported: .%3)")
                         .arg(name, type, FileImporter::supportedExtensions().join(QStringLiteral(", ."))));
}

} // namespace

QStringList FileImporter::supportedExtensions() {
    return {QStringLiteral("txt"), QStringLiteral("md"),  QStringLiteral("docx"),
            QStringLiteral("odt"), QStringLiteral("vtt"), QStringLiteral("srt")};
}

bool FileImporter::isSupported(const QString& path) {
    return supportedExtensions().contains(QFileInfo(path).suffix().toLower());
}

Result<ImportedDocument> FileImporter::importFile(const QString& path, const ImportOptions& options) {
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (!isSupported(path)) return unsupportedType(name, info.suffix().toLower());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("%1: cannot open (%2)").arg(name, file.errorString()));
    if (file.size() > kMaxFileSize)
        return makeError(QStringLiteral("%1: too large to import (over 256 MiB)").arg(name));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return makeError(QStringLiteral("%1: cannot read (%2)").arg(name, file.errorString()));
    return importBytes(bytes, path, options);
}

Result<ImportedDocument> FileImporter::importBytes(const QByteArray& bytes, const QString& fileName,
                                                   const ImportOptions& options) {
    const QFileInfo info(fileName);
    const QString name = info.fileName();
    const QString format = info.suffix().toLower();
    if (!supportedExtensions().contains(format)) return unsupportedType(name, format);
    if (bytes.isEmpty()) return makeError(QStringLiteral("%1: the file is empty").arg(name));

    auto doc = readByFormat(bytes, format, name, options);
    if (!doc) return doc;
    if (doc->text.trimmed().isEmpty()) return makeError(QStringLiteral("%1: contains no text").arg(name));
    doc->format = format;
    doc->title = info.completeBaseName();
    doc->participantCode = ParticipantResolver::resolve(options.participantCode, *doc, name, options.speakers);
    // Each turn learns who spoke it, so mappings such as "A" → the transcript's participant or
    // "Resp 1" → R8 reach the project.
    for (ImportedTurn& turn : doc->turns)
        if (!turn.isInterviewer) turn.participantCode = options.speakers.participantCode(turn.speakerLabel, doc->participantCode);
    return doc;
}

QString FileImporter::sha256Hex(const QByteArray& bytes) {
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace warrant
