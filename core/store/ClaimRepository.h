#pragma once

#include "Result.h"
#include "model/Evidence.h"

#include <optional>
#include <tuple>
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

    using Spans = std::vector<std::pair<qsizetype, qsizetype>>; // code points

    Result<std::vector<StoredClaim>> claims(qint64 sourceId);
    // What storing a new detection would leave, without writing: the claims that stay (user
    // claims, claims with user links, detected claims detected again) and the new detected claims
    // (id 0) for spans no staying claim overlaps, in text order; `dropped` lists the claims it
    // would delete.
    struct DetectionPlan {
        std::vector<StoredClaim> claims;
        std::vector<qint64> dropped;
        bool changes() const;
    };
    Result<DetectionPlan> planDetected(qint64 sourceId, const Spans& spans);
    // Stores that plan (inside or outside a mutation) and returns the claims with their ids.
    Result<std::vector<StoredClaim>> syncDetected(qint64 sourceId, const Spans& spans);

    struct Span {
        qint64 sourceId = 0;
        qsizetype start = 0;
        qsizetype end = 0;
        bool operator<(const Span& o) const { return std::tie(sourceId, start, end) < std::tie(o.sourceId, o.start, o.end); }
        bool operator==(const Span& o) const = default;
    };
    // Makes the claim's links of origin "verified quote" exactly `verified`: adds the new ones,
    // removes those no longer verified, leaves unchanged links (and their dates) alone. Returns
    // whether anything changed.
    Result<bool> syncVerifiedLinks(qint64 claimId, const std::vector<Span>& verified);
    Result<qint64> addClaim(qint64 sourceId, qsizetype start, qsizetype end);
    Status mergeClaims(qint64 first, qint64 second);
    Result<qint64> splitClaim(qint64 claimId, qsizetype at);

    Result<qint64> link(qint64 claimId, qint64 sourceId, qsizetype start, qsizetype end, EvidenceStance stance,
                        const QString& origin);
    Status setStance(qint64 linkId, EvidenceStance stance);
    Status unlink(qint64 linkId);
    Result<std::vector<EvidenceLink>> links(qint64 claimId);

    // The last stored audit report of a manuscript (JSON, as the audit writes it), if any.
    Result<std::optional<QString>> storedReport(qint64 sourceId);
    // Replaces it; call inside Project::mutate (the audit's store does).
    Status storeReport(qint64 sourceId, const QString& json);

private:
    Project& m_project;
};

} // namespace warrant
