#include "trace/ManuscriptReader.h"

#include "trace/QuoteExtractor.h"

#include <algorithm>
#include <utility>

namespace warrant {

namespace {

template <typename T>
std::pair<size_t, size_t> startingIn(const std::vector<T>& items, qsizetype start, qsizetype end) {
    const auto byStart = [](const T& item, qsizetype at) { return item.start < at; };
    const auto first = std::lower_bound(items.begin(), items.end(), start, byStart);
    const auto last = std::lower_bound(first, items.end(), end, byStart);
    return {size_t(first - items.begin()), size_t(last - items.begin())};
}

} // namespace

QString ManuscriptReading::sectionAt(qsizetype at) const {
    const auto& ps = structure.paragraphs;
    auto it = std::upper_bound(ps.begin(), ps.end(), at,
                               [](qsizetype a, const ManuscriptParagraph& p) { return a < p.start; });
    if (it == ps.begin()) return {};
    return std::prev(it)->section;
}

std::pair<size_t, size_t> ManuscriptReading::citationsIn(qsizetype start, qsizetype end) const {
    return startingIn(citations, start, end);
}

std::pair<size_t, size_t> ManuscriptReading::quotesIn(qsizetype start, qsizetype end) const {
    return startingIn(quotes, start, end);
}

Result<ManuscriptReading> ManuscriptReader::read(const QString& text, const QString& title) const {
    if (text.size() > kMaxCharacters)
        return makeError(
            QStringLiteral("%1 is too large to audit: %2 million characters, the limit is %3 million")
                .arg(title)
                .arg(double(text.size()) / 1e6, 0, 'f', 1)
                .arg(kMaxCharacters / 1000000));
    ManuscriptReading r;
    r.citations = m_citations.parseAll(text);
    r.quotes = QuoteExtractor(m_citations).extract(text, r.citations);
    std::vector<std::pair<qsizetype, qsizetype>> protectedSpans;
    protectedSpans.reserve(r.quotes.size() + r.citations.size());
    for (const ExtractedQuote& q : r.quotes)
        protectedSpans.emplace_back(q.start, q.end);
    for (const Citation& c : r.citations)
        protectedSpans.emplace_back(c.start, c.end);
    r.structure = ManuscriptStructure::of(text, protectedSpans);
    r.claims = claimsOf(text, r);
    return r;
}

std::vector<ClaimSpan> ManuscriptReader::claimsOf(const QString& text, const ManuscriptReading& reading) {
    std::vector<ClaimSpan> claims;
    const ManuscriptSentence* previous = nullptr;
    for (const ManuscriptSentence& s : reading.structure.sentences) {
        const ManuscriptSentence* before = std::exchange(previous, &s);
        const auto [c0, c1] = reading.citationsIn(s.start, s.end);
        const auto [q0, q1] = reading.quotesIn(s.start, s.end);
        if (c0 == c1 && q0 == q1) continue;
        // A sentence that is nothing but a citation ("interview, P.C" under a block quotation, or
        // "… not listened to. (interview, R2, R7).") cites the sentence before it.
        const bool onlyCitation =
            c1 > c0 && QStringView(text).mid(s.start, s.end - s.start).trimmed().size() <=
                           reading.citations[c1 - 1].text.size() + 3;
        if (onlyCitation && !claims.empty() && s.start - claims.back().end <= 6)
            claims.back().end = s.end;
        else if (onlyCitation && before && before->paragraph == s.paragraph && before->end <= s.start)
            claims.push_back({before->start, s.end});
        else
            claims.push_back({s.start, s.end});
    }
    return claims;
}

} // namespace warrant
