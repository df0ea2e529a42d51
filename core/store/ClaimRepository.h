#pragma once

#include "Result.h"
#include "trace/AuditReport.h"

#include <vector>

namespace warrant {

class Project;

struct StoredClaim {
    qint64 id = 0;
    qint64 sourceId = 0;
    qsizetype start = 0; // code points into the manuscript
    qsizetype end = 0;
    QString origin;      // "detected" or "user"
};

struct EvidenceLink {
    qint64 id = 0;
    qint64 claimId = 0;
    qint64 segmentId = 0;
    qint64 sourceId = 0;
    qsizetype start = 0;
    qsizetype end = 0;
    EvidenceStance stance = EvidenceStance::Supports;
    QString origin;      // "verified quote" or "user"
};

// Claims of manuscripts and the evidence linked to them. Detected claims are replaced when a
// manuscript is audited again; claims a user marked, merged or split are kept.
class ClaimRepository {
public:
    explicit ClaimRepository(Project& project) : m_project(project) {}

    Result<std::vector<StoredClaim>> claims(qint64 sourceId);
    // Stores detected claims, keeping user claims and every claim that has links.
    Result<std::vector<StoredClaim>> syncDetected(qint64 sourceId, const std::vector<std::pair<qsizetype, qsizetype>>& spans);
    Result<qint64> addClaim(qint64 sourceId, qsizetype start, qsizetype end);
    Status mergeClaims(qint64 first, qint64 second);
    Result<qint64> splitClaim(qint64 claimId, qsizetype at);

    Result<qint64> link(qint64 claimId, qint64 sourceId, qsizetype start, qsizetype end, EvidenceStance stance,
                        const QString& origin);
    Status setStance(qint64 linkId, EvidenceStance stance);
    Status unlink(qint64 linkId);
    Result<std::vector<EvidenceLink>> links(qint64 claimId);

private:
    Project& m_project;
};

} // namespace warrant
