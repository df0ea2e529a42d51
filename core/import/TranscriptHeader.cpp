#include "import/TranscriptHeader.h"

namespace warrant {

QStringList TranscriptHeader::keys() {
    return {QStringLiteral("Participant"), QStringLiteral("Date"),     QStringLiteral("Interviewer"),
            QStringLiteral("Place"),       QStringLiteral("Duration"), QStringLiteral("Note")};
}

std::optional<std::pair<QString, QString>> TranscriptHeader::parseLine(QStringView line) {
    const qsizetype colon = line.indexOf(u':');
    if (colon <= 0) return std::nullopt;
    const QStringView key = line.first(colon);
    const QString value = line.sliced(colon + 1).trimmed().toString();
    for (const QString& known : keys()) {
        if (key.compare(known, Qt::CaseInsensitive) != 0) continue;
        if (value.isEmpty()) return std::nullopt;
        if (known == u"Interviewer") {
            const QStringList words = value.split(u' ', Qt::SkipEmptyParts);
            const bool sentenceEnd = value.endsWith(u'.') && words.back().front().isLower(); // not "J.M."
            const bool speech = value.endsWith(u'?') || value.endsWith(u'!') || sentenceEnd || words.size() > 6;
            if (speech) return std::nullopt;
        }
        return std::pair{known, value};
    }
    return std::nullopt;
}

QString TranscriptHeader::participant(const HeaderFields& header) {
    for (const auto& [key, value] : header)
        if (key == u"Participant") return value;
    return QString();
}

} // namespace warrant
