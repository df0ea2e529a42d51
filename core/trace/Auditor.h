#pragma once

#include "Result.h"
#include "trace/AuditReport.h"
#include "trace/CandidateFinder.h"
#include "trace/EvidenceGatherer.h"

#include <QSet>

#include <functional>

namespace warrant {

class ClaimChecks;
class Project;
class QuoteChecker;
struct ManuscriptReading;
struct StoredClaim;

// A manuscript to audit that is not (or not yet) a source of the project, such as a file a
// reviewer audits without importing it.
struct Manuscript {
    qint64 sourceId = 0; // 0 when not stored in the project
    QString title;
    QString text;
};

// Audits a manuscript against the project, as a pipeline of stages with one job each:
//   read (ManuscriptReader: citations, quotations, sentences, claims) → plan the claims
//   (AuditStore) → verify each quotation (QuoteChecker) → gather evidence (EvidenceGatherer) →
//   checks (ClaimChecks) → tally → save, when asked, in one change (AuditStore).
// Nothing is written unless the caller asks to save.
class Auditor {
public:
    static constexpr double kSuggestionRelevance = EvidenceGatherer::kSuggestionRelevance;
    static constexpr double kClaimVocabularyCoverage = EvidenceGatherer::kClaimVocabularyCoverage;

    enum class Save { No, Yes };

    Auditor(Project& project, CandidateFinder* finder) : m_project(project), m_finder(finder) {}

    // A manuscript source of the project; with Save::Yes its claims and the verified quotations'
    // links are stored (the workbench's evidence view does; the CLI only with --save).
    Result<AuditReport> audit(qint64 manuscriptSourceId, const QSet<QString>& failOn, Save save = Save::No);
    // Any manuscript text, stored or not; never writes.
    Result<AuditReport> audit(const Manuscript& manuscript, const QSet<QString>& failOn);

    // Asked between claims; when it says yes the audit stops with an error and stores nothing.
    void setCancelCheck(std::function<bool()> cancelled) { m_cancelled = std::move(cancelled); }

    // Verdicts and checks that count as findings unless the caller chooses otherwise.
    static QSet<QString> defaultFailOn();
    // Reads "--fail-on" names (verdicts and checks, comma-separated); an error names the unknown one.
    static Result<QSet<QString>> parseFailOn(const QString& names);

private:
    Result<AuditReport> run(const Manuscript& manuscript, const QSet<QString>& failOn, Save save);
    // The stages every claim goes through, with what they share.
    struct Stages;
    Result<AuditClaim> auditClaim(Stages& stages, const StoredClaim& claim, bool stored);

    Project& m_project;
    CandidateFinder* m_finder;
    std::function<bool()> m_cancelled;
};

} // namespace warrant
