#pragma once

#include "Result.h"
#include "store/ClaimRepository.h"
#include "trace/AuditReport.h"

#include <optional>

namespace warrant {

class Project;

// The audit's only writer. Before the checks it plans which claims the manuscript has (stored
// claims kept, new detections numbered after them) without writing; after them, when asked, it
// stores the detected claims and the verified quotations' links in one change, and writes
// nothing at all when an earlier audit already stored exactly this.
class AuditStore {
  public:
    explicit AuditStore(Project& project) : m_project(project) {}

    struct PlannedClaim {
        StoredClaim claim;
        bool stored = false; // already in the project (its links count as evidence)
    };
    // The claims an audit of these detected spans covers, in text order. Claims not stored yet
    // get numbers after the highest stored one of this manuscript.
    Result<std::vector<PlannedClaim>> plan(qint64 sourceId, const ClaimRepository::Spans& detected);

    // Stores the claims and links of `report` (made from `detected`), updating its claim ids and
    // link ids. Returns whether anything was written.
    // The report itself is stored with them (and alone, when only verdicts changed).
    Result<bool> save(qint64 sourceId, const ClaimRepository::Spans& detected, AuditReport& report);

    // The last stored audit of a manuscript, with each location's passage read back in; nullopt
    // when it was never stored.
    Result<std::optional<AuditReport>> lastReport(qint64 sourceId);

  private:
    static std::vector<ClaimRepository::Span> verifiedSpans(const AuditClaim& claim);
    Result<bool> unchanged(qint64 sourceId, const ClaimRepository::Spans& detected,
                           const AuditReport& report);
    Status refreshLinkIds(AuditClaim& claim);
    Status storeClaims(qint64 sourceId, const ClaimRepository::Spans& detected, AuditReport& report);

    Project& m_project;
};

} // namespace warrant
