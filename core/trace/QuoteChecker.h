#pragma once

#include "Result.h"
#include "trace/AuditReport.h"
#include "trace/CandidateFinder.h"
#include "trace/DocumentQuoteChecker.h"
#include "trace/ExtractedQuote.h"
#include "trace/QuoteVerifier.h"
#include "trace/TurnTexts.h"

#include <vector>

namespace warrant {

class Project;

// The audit's "locate and verify" stage: gives each extracted quotation its verdict. A quotation
// attributed to participants (by its own citation, else its claim's) is verified against what they
// said; one cited to literature is checked against the imported document, if any; otherwise it is
// literature or uncited.
class QuoteChecker {
  public:
    QuoteChecker(Project& project, TurnTexts& turns, CandidateFinder* finder);

    // `claimCitations`: the citations printed in the quotation's claim, in order.
    Result<AuditQuote> check(const ExtractedQuote& quote, const std::vector<const Citation*>& claimCitations);

    // Whether the project's transcripts and documents use a case-folded word: through the index
    // when there is one, else by reading the texts.
    static SpellingTolerance::CorpusWords corpusWords(Project& project, CandidateFinder* finder);

  private:
    Result<AuditQuote> checkLiterature(const ExtractedQuote& quote,
                                       const std::vector<const Citation*>& claimCitations);

    QuoteVerifier m_verifier;
    DocumentQuoteChecker m_documents;
};

} // namespace warrant
