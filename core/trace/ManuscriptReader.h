#pragma once

#include "Result.h"
#include "trace/CitationParser.h"
#include "trace/ExtractedQuote.h"
#include "trace/ManuscriptStructure.h"

#include <vector>

namespace warrant {

// A stretch of manuscript the audit treats as one claim: a sentence that carries a citation or a
// quotation (a citation standing alone under a block quotation joins it). UTF-16 offsets.
struct ClaimSpan {
    qsizetype start = 0;
    qsizetype end = 0;
};

// Everything the audit reads from a manuscript's text, each found once: its citations, its
// quotations, its sections and sentences, and the claims they form. All lists are in text order.
struct ManuscriptReading {
    std::vector<Citation> citations;
    std::vector<ExtractedQuote> quotes;
    ManuscriptStructure structure;
    std::vector<ClaimSpan> claims;

    // The section the UTF-16 position lies in ("" before the first heading).
    QString sectionAt(qsizetype at) const;
    // Indices of the citations / quotations that start inside [start, end).
    std::pair<size_t, size_t> citationsIn(qsizetype start, qsizetype end) const;
    std::pair<size_t, size_t> quotesIn(qsizetype start, qsizetype end) const;
};

class ManuscriptReader {
  public:
    // The largest manuscript the audit reads, in UTF-16 characters (about 2.5 million words, a
    // couple of dozen theses): past it the audit refuses with a message instead of running for
    // minutes on what is most likely not a manuscript.
    static constexpr qsizetype kMaxCharacters = 16 * 1024 * 1024;

    explicit ManuscriptReader(const CitationParser& citations) : m_citations(citations) {}

    // Fails only for a text past kMaxCharacters; `title` names it in that message.
    Result<ManuscriptReading> read(const QString& text, const QString& title) const;

  private:
    static std::vector<ClaimSpan> claimsOf(const QString& text, const ManuscriptReading& reading);
    const CitationParser& m_citations;
};

} // namespace warrant
