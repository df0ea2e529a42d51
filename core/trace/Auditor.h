#pragma once

#include "Result.h"
#include "trace/AuditReport.h"
#include "trace/CandidateFinder.h"

#include <QSet>

#include <functional>

namespace warrant {

class Project;

// Audits a manuscript source of the project: finds its claims, citations and quotations,
// verifies every interview quotation against the cited participants' turns, links verified
// quotations as evidence, suggests evidence for claims that cite without quoting, and runs the
// claim checks.
class Auditor {
public:
    // A participant's best passage must score at least this share of the best passage anyone has
    // for the claim's words (BM25) to count as suggested evidence.
    static constexpr double kSuggestionRelevance = 0.15;
    // A claim cited without quotations is unsupported, whatever its suggestions, when the cited
    // participants use less than this share of its informative words (weighted by rarity).
    static constexpr double kClaimVocabularyCoverage = 0.25;

    Auditor(Project& project, CandidateFinder* finder) : m_project(project), m_finder(finder) {}
    Result<AuditReport> audit(qint64 manuscriptSourceId, const QSet<QString>& failOn);
    // Asked between claims; when it says yes the audit stops with an error (what it stored so far
    // stays, so callers that must leave no trace take a snapshot first, as the workbench does).
    void setCancelCheck(std::function<bool()> cancelled) { m_cancelled = std::move(cancelled); }

    // Verdicts and checks that count as findings unless the caller chooses otherwise.
    static QSet<QString> defaultFailOn();
    // The number of distinct participants a quantifier needs ("several" → 3), given how many
    // participants the project has; 0 when the phrase is not a quantifier about interviewees.
    static int quantifierNeeds(const QString& phrase, int participants);

private:
    Project& m_project;
    CandidateFinder* m_finder;
    std::function<bool()> m_cancelled;
};

} // namespace warrant
