#include "trace/QuoteExtractor.h"

#include "trace/ManuscriptStructure.h"

#include <QRegularExpression>

#include <algorithm>

namespace warrant {

namespace {

struct Span {
    qsizetype start;
    qsizetype end;
};

bool isWordChar(const QString& s, qsizetype i) { return i >= 0 && i < s.size() && s.at(i).isLetterOrNumber(); }

// A straight single quote opens a quotation before a word, or before an editorial mark that can
// start one: "'[the cluster] got too big'", "'(and) then'", "'…and so'".
bool opensWithSingleQuote(const QString& s, qsizetype i) {
    if (isWordChar(s, i - 1) || i + 1 >= s.size()) return false;
    const QChar next = s.at(i + 1);
    return next.isLetterOrNumber() || next == u'[' || next == u'(' || next == u'\u2026' ||
           (next == u'.' && i + 3 < s.size() && s.at(i + 2) == u'.' && s.at(i + 3) == u'.');
}

QChar closingMark(QChar open) {
    if (open == u'\u2018') return u'\u2019';
    if (open == u'\u201C') return u'\u201D';
    if (open == u'"' || open == u'\'') return open;
    return {};
}

// Inline quotations: pairs of matching marks within one paragraph. Straight single quotes must not
// be apostrophes (letters on both sides).
std::vector<Span> inlineQuotes(const QString& text) {
    std::vector<Span> spans;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar open = text.at(i);
        const QChar close = closingMark(open);
        if (close.isNull()) continue;
        if (open == u'\'' && !opensWithSingleQuote(text, i)) continue;
        if (open == u'"' && i + 1 < n && text.at(i + 1).isSpace()) continue;
        const qsizetype limit = std::min(n, i + 1 + QuoteExtractor::kMaxInlineQuote);
        for (qsizetype j = i + 1; j < limit; ++j) {
            const QChar c = text.at(j);
            if (c == u'\n' && j + 1 < n && text.at(j + 1) == u'\n') break; // paragraph end
            if (c != close) continue;
            // A curly or straight apostrophe inside a word ("don’t") does not close the quote.
            if ((close == u'\u2019' || close == u'\'') && isWordChar(text, j - 1) && isWordChar(text, j + 1)) continue;
            if (close == u'\'' && text.at(j - 1).isSpace()) continue;
            spans.push_back({i + 1, j});
            i = j;
            break;
        }
    }
    return spans;
}

QString stripBlockMarkers(const QString& block) {
    static const QRegularExpression marker(QStringLiteral("(?m)^[ \\t]*>[ \\t]?"));
    return QString(block).remove(marker);
}

bool endsSentenceAt(const QString& text, qsizetype at) {
    const QChar c = text.at(at);
    if (c == u'?' || c == u'!') return at + 1 == text.size() || text.at(at + 1).isSpace();
    return c == u'.' && ManuscriptStructure::endsSentence(text, at);
}

bool paragraphBreakAt(const QString& text, qsizetype at) {
    return text.at(at) == u'\n' && at + 1 < text.size() && text.at(at + 1) == u'\n';
}

// The sentence around `at`, without crossing a paragraph: where an interview citation makes
// every quotation in it evidence.
Span sentenceOf(const QString& text, qsizetype at) {
    qsizetype s = at;
    while (s > 0 && !paragraphBreakAt(text, s - 1) && !endsSentenceAt(text, s - 1)) --s;
    qsizetype e = at;
    while (e < text.size() && !paragraphBreakAt(text, e)) {
        if (endsSentenceAt(text, e)) {
            ++e;
            break;
        }
        ++e;
    }
    return {s, e};
}

int wordCount(const QString& text) {
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return int(text.split(space, Qt::SkipEmptyParts).size());
}

class Extraction {
public:
    Extraction(const QString& text, const std::vector<Citation>& citations) : m_text(text), m_citations(citations) {}

    // The citation starting within `within` characters after `at`, with only spaces,
    // punctuation, markup and line breaks between.
    const Citation* citationAfter(qsizetype at, qsizetype within) const {
        auto it = std::lower_bound(m_citations.begin(), m_citations.end(), at,
                                   [](const Citation& c, qsizetype a) { return c.start < a; });
        if (it == m_citations.end() || it->start - at > within) return nullptr;
        for (qsizetype i = at; i < it->start; ++i)
            if (m_text.at(i).isLetterOrNumber()) return nullptr;
        return &*it;
    }

    // The interview citation of the quotation's sentence that closes its clause: the first after
    // the quotation, else the last before it.
    const Citation* interviewCitationFor(const Span& quote, const Span& sentence) const {
        auto it = std::lower_bound(m_citations.begin(), m_citations.end(), sentence.start,
                                   [](const Citation& c, qsizetype a) { return c.start < a; });
        const Citation* before = nullptr;
        for (; it != m_citations.end() && it->start < sentence.end; ++it) {
            if (!it->isInterview()) continue;
            if (it->start >= quote.end) return &*it;
            before = &*it;
        }
        return before;
    }

    std::vector<ExtractedQuote> blocks() {
        std::vector<ExtractedQuote> quotes;
        static const QRegularExpression mdBlock(QStringLiteral("(?m)(^[ \\t]*>.*(?:\\n[ \\t]*>.*)*)"));
        for (auto it = mdBlock.globalMatch(m_text); it.hasNext();) {
            const auto m = it.next();
            m_blocks.push_back({m.capturedStart(), m.capturedEnd()});
        }
        // A whole paragraph in quote marks followed by a citation on the next line.
        static const QRegularExpression quotedParagraph(
            QStringLiteral("(?m)^[ \\t]*[\"\u201C\u2018']([^\\n]+)[\"\u201D\u2019'][ \\t]*$"));
        for (auto it = quotedParagraph.globalMatch(m_text); it.hasNext();) {
            const auto m = it.next();
            if (citationAfter(m.capturedEnd(), 4)) m_blocks.push_back({m.capturedStart(1), m.capturedEnd(1)});
        }
        std::sort(m_blocks.begin(), m_blocks.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
        for (const Span& b : m_blocks) {
            ExtractedQuote q;
            QString body = stripBlockMarkers(m_text.mid(b.start, b.end - b.start)).trimmed();
            // Quote marks around a block ("“This is the world of politics.”") are not its words.
            static const QRegularExpression wrapped(QStringLiteral("^[\"\u201C\u2018'](.*)[\"\u201D\u2019']$"),
                                                    QRegularExpression::DotMatchesEverythingOption);
            if (auto w = wrapped.match(body); w.hasMatch()) body = w.captured(1);
            q.text = body.trimmed();
            q.start = b.start;
            q.end = b.end;
            q.block = true;
            if (const Citation* c = citationAfter(b.end, 6)) {
                q.citation = *c;
                q.citationFollows = true;
            }
            if (!q.text.isEmpty()) quotes.push_back(q);
        }
        return quotes;
    }

    bool insideBlock(qsizetype at) const {
        auto it = std::upper_bound(m_blocks.begin(), m_blocks.end(), at + 1, [](qsizetype a, const Span& b) { return a < b.start; });
        // Blocks do not nest; the last one starting at or before `at + 1` is the only candidate.
        return it != m_blocks.begin() && at <= std::prev(it)->end + 1;
    }

    std::optional<ExtractedQuote> inlineQuote(const Span& s) const {
        ExtractedQuote q;
        q.text = m_text.mid(s.start, s.end - s.start).trimmed();
        q.start = s.start;
        q.end = s.end;
        if (const Citation* c = citationAfter(s.end + 1, 4)) {
            q.citation = *c;
            q.citationFollows = true;
        } else if (const Citation* c = interviewCitationFor(s, sentenceOf(m_text, s.start))) {
            q.citation = *c;
        }
        // Without an interview citation in its sentence, a word or two in quote marks is a
        // scare quote, not evidence.
        const bool cited = q.citation && (q.citationFollows || q.citation->isInterview());
        if (!cited && wordCount(q.text) < 3) return std::nullopt;
        if (q.text.isEmpty()) return std::nullopt;
        return q;
    }

private:
    const QString& m_text;
    const std::vector<Citation>& m_citations;
    std::vector<Span> m_blocks;
};

} // namespace

std::vector<ExtractedQuote> QuoteExtractor::extract(const QString& text) const {
    return extract(text, m_citations.parseAll(text));
}

std::vector<ExtractedQuote> QuoteExtractor::extract(const QString& text, const std::vector<Citation>& citations) const {
    Extraction extraction(text, citations);
    std::vector<ExtractedQuote> quotes = extraction.blocks();
    for (const Span& s : inlineQuotes(text)) {
        if (extraction.insideBlock(s.start)) continue;
        if (auto q = extraction.inlineQuote(s)) quotes.push_back(std::move(*q));
    }
    std::sort(quotes.begin(), quotes.end(), [](const ExtractedQuote& a, const ExtractedQuote& b) { return a.start < b.start; });
    return quotes;
}

} // namespace warrant
