#include "trace/ManuscriptStructure.h"

#include <QRegularExpression>
#include <QSet>

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

ManuscriptStructure ManuscriptStructure::of(const QString& text, const std::vector<std::pair<qsizetype, qsizetype>>& protectedSpans) {
    ManuscriptStructure m;
    auto isProtected = [&](qsizetype at) {
        for (const auto& [a, b] : protectedSpans)
            if (at >= a && at < b) return true;
        return false;
    };
    // Paragraphs: blocks separated by blank lines.
    static const QRegularExpression blank(QStringLiteral("\\n[ \\t]*\\n"));
    QString section;
    qsizetype at = 0;
    while (at < text.size()) {
        auto m2 = blank.match(text, at);
        const qsizetype end = m2.hasMatch() ? m2.capturedStart() : text.size();
        const QString block = text.mid(at, end - at).trimmed();
        if (!block.isEmpty()) {
            ManuscriptParagraph p;
            p.start = at;
            while (p.start < end && text.at(p.start).isSpace()) ++p.start;
            p.end = end;
            p.blockQuote = block.startsWith(u'>');
            // Headings: Markdown "#", or a short line without final punctuation ("5.2 Partnership").
            const bool markdownHeading = block.startsWith(u'#');
            const bool shortLine = !block.contains(u'\n') && block.size() < 90 && !block.endsWith(u'.') &&
                                   !block.endsWith(u':') && !isQuoteMark(block.back()) && block.at(0).isLetterOrNumber() &&
                                   !block.startsWith(QStringLiteral("interview"), Qt::CaseInsensitive);
            p.heading = markdownHeading || (shortLine && block.split(u' ').size() <= 12);
            if (p.heading) section = QString(block).remove(QRegularExpression(QStringLiteral("^#+\\s*")));
            p.section = section;
            m.paragraphs.push_back(p);
        }
        at = m2.hasMatch() ? m2.capturedEnd() : text.size();
    }
    // Sentences inside each non-heading paragraph.
    for (int i = 0; i < int(m.paragraphs.size()); ++i) {
        const ManuscriptParagraph& p = m.paragraphs[size_t(i)];
        if (p.heading) continue;
        if (p.blockQuote) { // a block quotation is one unit
            m.sentences.push_back({p.start, p.end, i, p.section});
            continue;
        }
        qsizetype start = p.start;
        for (qsizetype c = p.start; c < p.end; ++c) {
            const QChar ch = text.at(c);
            if ((ch != u'.' && ch != u'?' && ch != u'!') || isProtected(c)) continue;
            if (ch == u'.' && c + 1 < p.end && text.at(c + 1) == u'.') { // an ellipsis
                while (c + 1 < p.end && text.at(c + 1) == u'.') ++c;
                continue;
            }
            if (ch == u'.' && !endsSentence(text, c)) continue;
            qsizetype end = c + 1;
            while (end < p.end && (isQuoteMark(text.at(end)) || text.at(end) == u')')) ++end;
            m.sentences.push_back({start, end, i, p.section});
            start = end;
            while (start < p.end && text.at(start).isSpace()) ++start;
            c = end - 1;
        }
        if (start < p.end && !text.mid(start, p.end - start).trimmed().isEmpty())
            m.sentences.push_back({start, p.end, i, p.section});
    }
    return m;
}

} // namespace warrant
