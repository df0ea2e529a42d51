#pragma once

#include "Result.h"
#include "trace/AuditReport.h"
#include "trace/CandidateFinder.h"
#include "trace/PieceLocator.h"
#include "trace/QuotePlacer.h"
#include "trace/TurnTexts.h"

namespace warrant {

// Gives one printed quotation its verdict against what the cited participants said (rules in
// docs/audit.md):
//  1. placed in a cited participant's turn with no word changed in content → verbatim,
//     near-verbatim or ambiguous (a short quotation found several times is simply verbatim);
//  2. else the interviewer's words in their interviews → interviewer-words;
//  3. else another participant's words (the index's candidates) → misattributed;
//  4. else every piece found on its own, in different turns → spliced (or misattributed when
//     no piece is the cited participant's), each piece listed;
//  5. else placed at a cited participant's turn with words changed → altered;
//  6. else not-found, or scare-quote for a short quotation.
class QuoteVerifier {
public:
    // Quotations of at most this many words are short: a scare quote when nobody said them.
    static constexpr int kShortQuoteWords = 3;
    // Passages the index proposes as other speakers of a quotation.
    static constexpr int kCandidatePassages = 20;

    QuoteVerifier(TurnTexts& turns, CandidateFinder* finder, SpellingTolerance::CorpusWords corpusWords)
        : m_turns(turns), m_finder(finder), m_placer(std::move(corpusWords)) {}

    // Fails only when the project or the index cannot be read.
    Result<AuditQuote> verify(const QString& quote, const QStringList& citedParticipants);

private:
    struct Context;
    bool verifiedAtCited(Context& c, AuditQuote& result);
    Result<bool> saidByOthers(Context& c, AuditQuote& result);
    Result<bool> pieced(Context& c, AuditQuote& result);
    void notFound(Context& c, AuditQuote& result) const;
    Result<std::vector<const TurnText*>> candidateTurns(const QString& words, const QStringList& excluded);
    EvidenceLocation locate(const TurnText& turn, qsizetype start, qsizetype end) const;

    TurnTexts& m_turns;
    CandidateFinder* m_finder;
    QuotePlacer m_placer;
};

} // namespace warrant
