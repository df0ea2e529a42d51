#pragma once

#include "Result.h"
#include "trace/AuditReport.h"
#include "trace/CandidateFinder.h"
#include "trace/TurnTexts.h"

#include <optional>

namespace warrant {

class Project;

// The claim's own words: quotations and citations removed, for relevance and quantifiers.
QString claimOwnWords(const QString& claimText);

// The audit's evidence stage: puts together what supports each claim — its verified quotations,
// the links stored for it (a user's links, earlier verified quotations), and for participants
// cited without a quotation, their passage most like the claim (a suggestion). A claim cited
// without quotations whose informative words the cited participants never use is off-subject:
// its suggestions are dropped, so the checks call it unsupported.
class EvidenceGatherer {
  public:
    // A participant's best passage must score at least this share of the best passage anyone has
    // for the claim's words (BM25) to count as suggested evidence.
    static constexpr double kSuggestionRelevance = 0.15;
    // Below this share of the claim's informative words (weighted by rarity) used by the cited
    // participants, a claim cited without quotations is about something they never spoke of.
    static constexpr double kClaimVocabularyCoverage = 0.25;

    EvidenceGatherer(Project& project, TurnTexts& turns, CandidateFinder* finder)
        : m_project(project), m_turns(turns), m_finder(finder) {}

    struct Gathered {
        QStringList citedWithoutQuote;                       // cited by citations, not for a quotation
        std::optional<CandidateFinder::Coverage> offSubject; // when the claim is about something else
    };
    // Fills claim.evidence; the links of a `stored` claim count.
    Result<Gathered> gather(AuditClaim& claim, bool stored);

    EvidenceLocation locationOf(qint64 sourceId, qsizetype start, qsizetype end);

  private:
    Status addStoredLinks(AuditClaim& claim);
    Status addSuggestions(AuditClaim& claim, const QStringList& participants);
    Result<std::optional<CandidateFinder::Coverage>> offSubject(AuditClaim& claim,
                                                                const QStringList& participants);

    Project& m_project;
    TurnTexts& m_turns;
    CandidateFinder* m_finder;
};

} // namespace warrant
