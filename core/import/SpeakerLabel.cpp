#include "import/SpeakerLabel.h"

namespace warrant {

namespace {

constexpr qsizetype kMaxLabelLength = 30;
constexpr int kMaxLabelWords = 4;

bool isLabelChar(QChar c) {
    return c.isLetterOrNumber() || c == u'.' || c == u' ' || c == u'-';
}

bool isTranscriptionNote(const QString& label) {
    static const QStringList notes = {
        QStringLiteral("pause"),     QStringLiteral("laughs"),      QStringLiteral("laughter"),
        QStringLiteral("inaudible"), QStringLiteral("crosstalk"),   QStringLiteral("unclear"),
        QStringLiteral("silence"),   QStringLiteral("interruption"), QStringLiteral("overlapping"),
        QStringLiteral("coughs"),    QStringLiteral("sic"),         QStringLiteral("sighs"),
        QStringLiteral("end"),       QStringLiteral("break"),       QStringLiteral("redacted")};
    return notes.contains(label.toCaseFolded());
}

// "5.6 Pragmatism" or "3 Findings": a numbered heading, not a speaker.
bool startsWithSectionNumber(const QStringList& words) {
    if (words.size() < 2) return false;
    for (QChar c : words.front())
        if (!c.isDigit() && c != u'.') return false;
    return true;
}

// Shape checks shared by both forms; `label` is already trimmed.
bool isPlausible(const QString& label, const SpeakerMapping& mapping) {
    if (label.isEmpty() || label.size() > kMaxLabelLength) return false;
    bool hasLetter = false;
    for (QChar c : label) {
        if (!isLabelChar(c)) return false;
        hasLetter = hasLetter || c.isLetter();
    }
    if (!hasLetter || !label.front().isLetterOrNumber()) return false;
    const QStringList words = label.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.size() > kMaxLabelWords || startsWithSectionNumber(words)) return false;
    if (mapping.isKnownLabel(label)) return true;
    // A lowercase word means a sentence ("He said: no"); caseless scripts pass.
    for (const QString& w : words)
        if (w.front().isLower()) return false;
    return true;
}

bool looksLikeCode(const QString& label) {
    bool hasDigit = false, hasLower = false;
    for (QChar c : label) {
        hasDigit = hasDigit || c.isDigit();
        hasLower = hasLower || c.isLower();
    }
    return hasDigit || !hasLower;
}

qsizetype skipSpaces(QStringView line, qsizetype i) {
    while (i < line.size() && (line[i] == u' ' || line[i] == u'\t')) ++i;
    return i;
}

bool atBoundary(QStringView line, qsizetype i) { return i >= line.size() || line[i].isSpace(); }

} // namespace

std::optional<LabelMatch> SpeakerLabel::match(QStringView line, const SpeakerMapping& mapping) {
    qsizetype pos = 0;
    QStringView emphasis; // Markdown "**" or "__" wrapped around the label
    if (line.startsWith(u"**") || line.startsWith(u"__")) {
        emphasis = line.first(2);
        pos = 2;
    }
    auto skipEmphasis = [&](qsizetype i) {
        return (!emphasis.isEmpty() && line.sliced(i).startsWith(emphasis)) ? i + emphasis.size() : i;
    };

    if (pos < line.size() && line[pos] == u'[') {
        const qsizetype close = line.indexOf(u']', pos + 1);
        if (close < 0 || close - pos - 1 > kMaxLabelLength) return std::nullopt;
        const QString label = line.sliced(pos + 1, close - pos - 1).trimmed().toString();
        qsizetype after = skipEmphasis(close + 1);
        const bool colon = after < line.size() && line[after] == u':';
        if (colon) after = skipEmphasis(after + 1);
        if (!atBoundary(line, after) || !isPlausible(label, mapping) || isTranscriptionNote(label))
            return std::nullopt;
        if (!colon && !looksLikeCode(label) && !mapping.isKnownLabel(label)) return std::nullopt;
        return LabelMatch{label, skipSpaces(line, after)};
    }

    const qsizetype colon = line.indexOf(u':', pos);
    if (colon < 0 || colon - pos > kMaxLabelLength + emphasis.size()) return std::nullopt;
    QStringView raw = line.sliced(pos, colon - pos);
    if (!raw.isEmpty() && raw.front().isSpace()) return std::nullopt; // indented: not at line start
    qsizetype after = colon + 1;
    if (!emphasis.isEmpty()) {
        if (raw.endsWith(emphasis)) raw.chop(emphasis.size()); // **R8**:
        else after = skipEmphasis(after);                      // **R8:**
    }
    const QString label = raw.trimmed().toString();
    if (!atBoundary(line, after) || !isPlausible(label, mapping)) return std::nullopt;
    return LabelMatch{label, skipSpaces(line, after)};
}

} // namespace warrant
