#include "trace/ManuscriptStructure.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace warrant {

namespace {

const QSet<QString>& abbreviations() {
    static const QSet<QString> words = {
        QStringLiteral("al"),   QStringLiteral("e.g"),  QStringLiteral("i.e"),  QStringLiteral("eg"),   QStringLiteral("ie"),
        QStringLiteral("dr"),   QStringLiteral("mr"),   QStringLiteral("mrs"),  QStringLiteral("ms"),   QStringLiteral("prof"),
        QStringLiteral("st"),   QStringLiteral("vs"),   QStringLiteral("cf"),   QStringLiteral("p"),    QStringLiteral("pp"),
        QStringLiteral("no"),   QStringLiteral("vol"),  QStringLiteral("fig"),  QStringLiteral("ch"),   QStringLiteral("ed"),
        QStringLiteral("eds"),  QStringLiteral("approx"), QStringLiteral("ca"), QStringLiteral("viz"),  QStringLiteral("u.k"),
        QStringLiteral("u.s"),  QStringLiteral("jr"),   QStringLiteral("sr"),   QStringLiteral("dept"), QStringLiteral("govt")};
    return words;
}

bool isQuoteMark(QChar c) { return c == u'"' || c == u'\'' || c == u'\u201D' || c == u'\u2019' || c == u'\u201C' || c == u'\u2018'; }

} // namespace

bool ManuscriptStructure::endsSentence(const QString& text, qsizetype dot) {
    // The word before the dot, dots inside it kept ("e.g", "P.C").
    qsizetype s = dot;
    while (s > 0 && (text.at(s - 1).isLetterOrNumber() || (text.at(s - 1) == u'.' && s - 1 > 0 && text.at(s - 2).isLetter())))
        --s;
    const QString word = text.mid(s, dot - s);
    if (word.isEmpty()) return true;
    if (abbreviations().contains(word.toLower())) return false;
    // Initials: "P.C", "J.M", "J" in "J. Smith".
    static const QRegularExpression initials(QStringLiteral("^(?:[A-Z]\\.)*[A-Z]$"));
    if (initials.match(word).hasMatch()) return false;
    // What follows must start a sentence: a capital, a digit, a quotation or a bracket.
    qsizetype n = dot + 1;
    while (n < text.size() && isQuoteMark(text.at(n))) ++n;
    if (n >= text.size()) return true;
    if (!text.at(n).isSpace()) return false;
    while (n < text.size() && text.at(n).isSpace()) ++n;
    if (n >= text.size()) return true;
    const QChar next = text.at(n);
    return next.isUpper() || next.isDigit() || isQuoteMark(next) || next == u'(' || next == u'[' || next == u'>' || next == u'#';
}

namespace {

// Spans sorted by start with the furthest end so far: one binary search per full stop.
class ProtectedSpans {
public:
    explicit ProtectedSpans(std::vector<std::pair<qsizetype, qsizetype>> spans) : m_spans(std::move(spans)) {
        std::sort(m_spans.begin(), m_spans.end());
        for (size_t i = 1; i < m_spans.size(); ++i) m_spans[i].second = std::max(m_spans[i].second, m_spans[i - 1].second);
    }
    bool contains(qsizetype at) const {
        auto it = std::upper_bound(m_spans.begin(), m_spans.end(), at, [](qsizetype a, const auto& span) { return a < span.first; });
        return it != m_spans.begin() && at < std::prev(it)->second;
    }

private:
    std::vector<std::pair<qsizetype, qsizetype>> m_spans;
};

bool isFurniture(const QString& block) {
    static const QRegularExpression rule(QStringLiteral("^(?:-{3,}|\\*{3,}|_{3,})$"));
    static const QRegularExpression pageNumber(QStringLiteral("^(?:page\\s+)?\\d{1,4}$"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression footnote(QStringLiteral("^(?:<sup>\\d{1,3}</sup>|\\[\\^\\d{1,3}\\]:?|\\^\\d{1,3}|[\u00B9\u00B2\u00B3\u2070-\u2079]+)\\s*\\S"));
    return rule.match(block).hasMatch() || pageNumber.match(block).hasMatch() || footnote.match(block).hasMatch();
}

// A short line that stops on a word like these is a sentence a page break cut, not a heading.
bool endsOnFunctionWord(const QString& block) {
    static const QRegularExpression tail(QStringLiteral("\\b(?:the|a|an|and|or|but|of|to|in|on|at|by|for|with|from|that|which|"
                                                        "as|is|are|was|were|be|their|its|this|these|than)$"),
                                         QRegularExpression::CaseInsensitiveOption);
    return tail.match(block).hasMatch();
}

bool isHeading(const QString& block) {
    // Markdown "#", or a short line without final punctuation ("5.2 Partnership").
    if (block.startsWith(u'#')) return true;
    // A sentence inside, or a citation at the end ("(interview, R8)", "(DTI, 1998)"): prose.
    static const QRegularExpression prose(QStringLiteral("[.?!]\\s+\\S|\\([^()]*[,;\\d][^()]*\\)$"));
    const bool shortLine = !block.contains(u'\n') && block.size() < 90 && !block.endsWith(u'.') && !block.endsWith(u':') &&
                           !block.endsWith(u',') && !isQuoteMark(block.back()) && block.at(0).isLetterOrNumber() &&
                           !block.at(0).isLower() && !block.startsWith(QStringLiteral("interview"), Qt::CaseInsensitive) &&
                           !prose.match(block).hasMatch() && !endsOnFunctionWord(block);
    return shortLine && block.split(u' ').size() <= 12;
}

// A paragraph that stops in mid-sentence, as text taken from a PDF does at a page break.
bool endsMidSentence(const QString& text, const ManuscriptParagraph& p) {
    qsizetype e = p.end;
    while (e > p.start && text.at(e - 1).isSpace()) --e;
    return e > p.start && (text.at(e - 1).isLetterOrNumber() || text.at(e - 1) == u',');
}

// "## **6.1 Political influence**" → "6.1 Political influence".
QString headingText(const QString& block) {
    static const QRegularExpression marks(QStringLiteral("^#+\\s*|^(?:\\*\\*|__)|(?:\\*\\*|__)$"));
    QString heading = block;
    heading.remove(marks);
    return heading.remove(marks).trimmed();
}

// The next blank line at or after `from`: [start, end) of "\n[ \t]*\n", or {size, size}. A scan, not a
// regular expression: QRegularExpression::match from an offset checks the whole subject each time,
// which made reading quadratic in the manuscript's length.
std::pair<qsizetype, qsizetype> nextBlankLine(const QString& text, qsizetype from) {
    const qsizetype n = text.size();
    for (qsizetype i = text.indexOf(u'\n', from); i >= 0; i = text.indexOf(u'\n', i + 1)) {
        qsizetype j = i + 1;
        while (j < n && (text.at(j) == u' ' || text.at(j) == u'\t')) ++j;
        if (j < n && text.at(j) == u'\n') return {i, j + 1};
    }
    return {n, n};
}

std::vector<ManuscriptParagraph> paragraphsOf(const QString& text) {
    std::vector<ManuscriptParagraph> out;
    QString section;
    qsizetype at = 0;
    while (at < text.size()) {
        const auto [end, next] = nextBlankLine(text, at);
        const QString block = text.mid(at, end - at).trimmed();
        if (!block.isEmpty()) {
            ManuscriptParagraph p;
            p.start = at;
            while (p.start < end && text.at(p.start).isSpace()) ++p.start;
            p.end = end;
            p.blockQuote = block.startsWith(u'>');
            p.furniture = !p.blockQuote && isFurniture(block);
            p.heading = !p.furniture && isHeading(block);
            if (p.heading) section = headingText(block);
            p.section = section;
            out.push_back(p);
        }
        at = next;
    }
    return out;
}

// Cuts one paragraph into sentences at full stops, question and exclamation marks that end one.
template <typename Emit>
void splitSentences(const QString& text, const ManuscriptParagraph& p, const ProtectedSpans& protectedSpans, Emit emit) {
    qsizetype start = p.start;
    for (qsizetype c = p.start; c < p.end; ++c) {
        const QChar ch = text.at(c);
        if ((ch != u'.' && ch != u'?' && ch != u'!') || protectedSpans.contains(c)) continue;
        if (ch == u'.' && c + 1 < p.end && text.at(c + 1) == u'.') { // an ellipsis
            while (c + 1 < p.end && text.at(c + 1) == u'.') ++c;
            continue;
        }
        if (ch == u'.' && !ManuscriptStructure::endsSentence(text, c)) continue;
        qsizetype end = c + 1;
        while (end < p.end && (isQuoteMark(text.at(end)) || text.at(end) == u')')) ++end;
        emit(start, end);
        start = end;
        while (start < p.end && text.at(start).isSpace()) ++start;
        c = end - 1;
    }
    if (start < p.end && !text.mid(start, p.end - start).trimmed().isEmpty()) emit(start, p.end);
}

} // namespace

ManuscriptStructure ManuscriptStructure::of(const QString& text, const std::vector<std::pair<qsizetype, qsizetype>>& protectedSpans) {
    ManuscriptStructure m;
    const ProtectedSpans isProtected(protectedSpans);
    m.paragraphs = paragraphsOf(text);
    // A sentence a page break cut: the next paragraph, when it starts in lower case after nothing
    // but page furniture, finishes it.
    constexpr qsizetype kNone = -1;
    qsizetype unfinished = kNone; // index into m.sentences
    qsizetype unfinishedEnd = 0;
    for (int i = 0; i < int(m.paragraphs.size()); ++i) {
        const ManuscriptParagraph& p = m.paragraphs[size_t(i)];
        if (p.heading) {
            unfinished = kNone;
            continue;
        }
        if (p.blockQuote) { // a block quotation is one unit
            m.sentences.push_back({p.start, p.end, i, p.section});
            unfinished = kNone;
            continue;
        }
        qsizetype continues = kNone;
        if (!p.furniture && unfinished != kNone && text.at(p.start).isLower()) {
            continues = unfinished;
            m.interruptions.emplace_back(unfinishedEnd, p.start);
        }
        splitSentences(text, p, isProtected, [&](qsizetype start, qsizetype end) {
            if (continues != kNone) m.sentences[size_t(continues)].end = end;
            else m.sentences.push_back({start, end, i, p.section});
            continues = kNone;
        });
        if (p.furniture) continue;
        unfinished = kNone;
        if (endsMidSentence(text, p) && !m.sentences.empty()) {
            unfinished = qsizetype(m.sentences.size()) - 1;
            unfinishedEnd = p.end;
        }
    }
    return m;
}

QString ManuscriptStructure::textOf(const QString& text, qsizetype start, qsizetype end) const {
    QString out;
    qsizetype at = start;
    for (const auto& [a, b] : interruptions) {
        if (a <= start || b >= end) continue;
        out += QStringView(text).mid(at, a - at).trimmed();
        out += u' ';
        at = b;
    }
    out += QStringView(text).mid(at, end - at);
    // A claim's words, not its Markdown: block-quotation markers ("> ") go.
    if (out.contains(u'>')) {
        static const QRegularExpression marker(QStringLiteral("(^|\\n)[ \\t]*(?:>[ \\t]?)+"));
        out.replace(marker, QStringLiteral("\\1"));
    }
    return out.trimmed();
}

bool ManuscriptStructure::interrupted(qsizetype start, qsizetype end, qsizetype at) const {
    for (const auto& [a, b] : interruptions)
        if (a > start && b < end && a <= at && at < b) return true;
    return false;
}

} // namespace warrant
