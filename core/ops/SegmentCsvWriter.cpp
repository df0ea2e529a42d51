#include "SegmentCsvWriter.h"

#include "text/CsvReader.h"

#include <QSaveFile>

namespace warrant {

QStringList SegmentCsvWriter::header() {
    return {QStringLiteral("code"),  QStringLiteral("participant"), QStringLiteral("source"),
            QStringLiteral("turn"),  QStringLiteral("start"),       QStringLiteral("end"),
            QStringLiteral("coder"), QStringLiteral("coding_id"),   QStringLiteral("text")};
}

QString SegmentCsvWriter::toCsv(const std::vector<CodedSegment>& segments) {
    QString csv = CsvReader::formatRow(header());
    for (const CodedSegment& s : segments) {
        csv += CsvReader::formatRow({s.codePath, s.participantCode, s.sourceTitle,
                                     s.turnNumber > 0 ? QString::number(s.turnNumber) : QString(),
                                     QString::number(s.start), QString::number(s.end), s.coder,
                                     QString::number(s.codingId), s.text});
    }
    return csv;
}

Status SegmentCsvWriter::write(const QString& path, const std::vector<CodedSegment>& segments) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    const QByteArray bytes = toCsv(segments).toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return makeError(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    return {};
}

} // namespace warrant
