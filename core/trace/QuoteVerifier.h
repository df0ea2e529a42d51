#pragma once

#include "trace/AuditReport.h"
#include "trace/CandidateFinder.h"
#include "trace/QuoteFragments.h"
#include "trace/TurnTexts.h"

namespace warrant {

// Checks one printed quotation against what the cited participants said.
//
// Thresholds (documented in docs/audit.md):
//  - verbatim: every fragment occurs word for word (after normalisation) in order in one turn;
//  - near-verbatim: every fragment aligns (edlib, edit distance over characters) with similarity
//    >= kNearSimilarity, and every differing word is a filler, punctuation or a spelling variant
//    (edit distance <= 2 on a word of 4+ letters);
//  - altered: similarity >= kAlteredSimilarity but content words differ;
//  - below kAlteredSimilarity the quotation is not at that place at all.
class QuoteVerifier {
public:
    static constexpr double kNearSimilarity = 0.85;
    static constexpr double kAlteredSimilarity = 0.70;

    QuoteVerifier(TurnTexts& turns, CandidateFinder* finder) : m_turns(turns), m_finder(finder) {}
    AuditQuote verify(const QString& quote, const QStringList& citedParticipants);

    struct Placement {
        const TurnText* turn = nullptr;
        double similarity = 0;
        qsizetype start = 0; // UTF-16 in turn->text
        qsizetype end = 0;
        QString diff;
        bool contentDiffers = false;
    };
    // The best placement of the quotation in one turn, or none.
    static std::optional<Placement> place(const std::vector<QuoteFragment>& fragments, const TurnText& turn);

private:
    std::optional<Placement> bestIn(const std::vector<QuoteFragment>& fragments, const std::vector<const TurnText*>& turns,
                                    int* equallyGood = nullptr);
    std::optional<std::pair<Placement, Placement>> splice(const QString& quote, const std::vector<const TurnText*>& turns);
    EvidenceLocation locate(const Placement& p) const;

    TurnTexts& m_turns;
    CandidateFinder* m_finder;
};

} // namespace warrant
