#include "trace/QuoteExtractor.h"

#include <QRegularExpression>

#include <algorithm>

namespace warrant {

namespace {

struct Span {
    qsizetype start;
    qsizetype end;
};

bool isWordChar(const QString& s, qsizetype i) { return i >= 0 && i < s.size() && s.at(i).isLetterOrNumber(); }

// Inline quotations: pairs of matching marks on one paragraph. Straight single quotes must not
// be apostrophes (letters on both sides).
std::vector<Span> inlineQuotes(const QString& text) {
    std::vector<Span> spans;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar open = text.at(i);
        QChar close;
        if (open == u'\u2018') close = u'\u2019';
        else if (open == u'\u201C') close = u'\u201D';
        else if (open == u'"') close = u'"';
        else if (open == u'\'') close = u'\'';
        else continue;
        if (open == u'\'' && (isWordChar(text, i - 1) || !isWordChar(text, i + 1))) continue;
        if (open == u'"' && i + 1 < n && text.at(i + 1).isSpace()) continue;
        for (qsizetype j = i + 1; j < n; ++j) {
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
    QStringList lines = block.split(u'\n');
    for (QString& line : lines) {
        line.remove(QRegularExpression(QStringLiteral("^\\s*>\\s?")));
    }
    return lines.join(u'\n');
}

} // namespace

std::vector<ExtractedQuote> QuoteExtractor::extract(const QString& text) const {
    std::vector<ExtractedQuote> quotes;
    const std::vector<Citation> citations = m_citations.parseAll(text);

    auto citationAfter = [&](qsizetype at, qsizetype within) -> const Citation* {
        for (const Citation& c : citations)
            if (c.start >= at && c.start - at <= within) {
                // Only spaces, punctuation, markup and line breaks may lie between.
                const QString between = text.mid(at, c.start - at);
                if (between.contains(QRegularExpression(QStringLiteral("[A-Za-z0-9]")))) return nullptr;
                return &c;
            }
        return nullptr;
    };
    auto sentenceOf = [&](qsizetype at) -> Span {
        qsizetype s = at;
        while (s > 0 && !(text.at(s - 1) == u'\n' && s > 1 && text.at(s - 2) == u'\n')) {
            if ((text.at(s - 1) == u'.' || text.at(s - 1) == u'?' || text.at(s - 1) == u'!') && s < text.size() && text.at(s).isSpace()) break;
            --s;
        }
        qsizetype e = at;
        while (e < text.size() && !(text.at(e) == u'\n' && e + 1 < text.size() && text.at(e + 1) == u'\n')) {
            if ((text.at(e) == u'.' || text.at(e) == u'?' || text.at(e) == u'!') && (e + 1 == text.size() || text.at(e + 1).isSpace())) {
                ++e;
                break;
            }
            ++e;
        }
        return {s, e};
    };

    // Block quotations: runs of "> " lines, or a whole paragraph in quote marks followed by a
    // citation on the next line.
    std::vector<Span> blocks;
    static const QRegularExpression mdBlock(QStringLiteral("(?m)(^[ \\t]*>.*(?:\\n[ \\t]*>.*)*)"));
    for (auto it = mdBlock.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        blocks.push_back({m.capturedStart(), m.capturedEnd()});
    }
    static const QRegularExpression quotedParagraph(QStringLiteral("(?m)^[ \\t]*[\"\u201C\u2018']([^\\n]+)[\"\u201D\u2019'][ \\t]*$"));
    for (auto it = quotedParagraph.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (citationAfter(m.capturedEnd(), 4)) blocks.push_back({m.capturedStart(1), m.capturedEnd(1)});
    }
    for (const Span& b : blocks) {
        ExtractedQuote q;
        QString body = stripBlockMarkers(text.mid(b.start, b.end - b.start)).trimmed();
        // Strip quote marks around a block ("“This is the world of politics.”").
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
    auto insideBlock = [&](qsizetype at) {
        return std::any_of(blocks.begin(), blocks.end(), [at](const Span& b) { return at >= b.start - 1 && at <= b.end + 1; });
    };

    for (const Span& s : inlineQuotes(text)) {
        if (insideBlock(s.start)) continue;
        ExtractedQuote q;
        q.text = text.mid(s.start, s.end - s.start).trimmed();
        q.start = s.start;
        q.end = s.end;
        if (const Citation* c = citationAfter(s.end + 1, 4)) {
            q.citation = *c;
            q.citationFollows = true;
        } else {
            const Span sentence = sentenceOf(s.start);
            for (const Citation& c : citations)
                if (c.start >= sentence.start && c.start < sentence.end && c.isInterview()) {
                    q.citation = c;
                    break;
                }
        }
        const int words = int(q.text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).size());
        if (!q.citationFollows && words < 3) continue; // a scare quote, not evidence
        quotes.push_back(q);
    }
    std::sort(quotes.begin(), quotes.end(), [](const ExtractedQuote& a, const ExtractedQuote& b) { return a.start < b.start; });
    return quotes;
}

} // namespace warrant
