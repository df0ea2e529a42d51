#include "trace/AuditStore.h"

#include "store/Project.h"
#include "trace/TurnTexts.h"
#include "trace/report/AuditJsonReader.h"
#include "trace/report/AuditJsonWriter.h"

#include <algorithm>
#include <map>
#include <set>

namespace warrant {

Result<std::vector<AuditStore::PlannedClaim>> AuditStore::plan(qint64 sourceId,
                                                               const ClaimRepository::Spans& detected) {
    auto plan = ClaimRepository(m_project).planDetected(sourceId, detected);
    if (!plan) return plan.error();
    qint64 next = 0;
    for (const StoredClaim& c : plan->claims)
        next = std::max(next, c.id);
    for (qint64 id : plan->dropped)
        next = std::max(next, id);
    std::vector<PlannedClaim> planned;
    for (StoredClaim c : plan->claims) {
        const bool stored = c.id != 0;
        if (!stored) c.id = ++next;
        planned.push_back({c, stored});
    }
    return planned;
}

std::vector<ClaimRepository::Span> AuditStore::verifiedSpans(const AuditClaim& claim) {
    std::vector<ClaimRepository::Span> spans;
    for (const AuditQuote& q : claim.quotes)
        if (isVerified(q.verdict) && q.found)
            spans.push_back({q.found->sourceId, q.found->start, q.found->end});
    std::sort(spans.begin(), spans.end());
    spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
    return spans;
}

Result<bool> AuditStore::unchanged(qint64 sourceId, const ClaimRepository::Spans& detected,
                                   const AuditReport& report) {
    ClaimRepository claims(m_project);
    auto plan = claims.planDetected(sourceId, detected);
    if (!plan) return plan.error();
    if (plan->changes()) return false;
    for (const AuditClaim& c : report.claims) {
        auto links = claims.links(c.id);
        if (!links) return links.error();
        std::set<ClaimRepository::Span> stored, verifiedStored;
        for (const EvidenceLink& l : *links) {
            stored.insert({l.sourceId, l.start, l.end});
            if (l.origin == QStringLiteral("verified quote"))
                verifiedStored.insert({l.sourceId, l.start, l.end});
        }
        const std::vector<ClaimRepository::Span> wanted = verifiedSpans(c);
        for (const ClaimRepository::Span& s : wanted)
            if (!stored.count(s)) return false;
        for (const ClaimRepository::Span& s : verifiedStored)
            if (!std::binary_search(wanted.begin(), wanted.end(), s)) return false;
    }
    return true;
}

Status AuditStore::refreshLinkIds(AuditClaim& claim) {
    auto links = ClaimRepository(m_project).links(claim.id);
    if (!links) return links.error();
    for (AuditEvidence& e : claim.evidence)
        for (const EvidenceLink& l : *links)
            if (l.sourceId == e.location.sourceId && l.start == e.location.start && l.end == e.location.end &&
                e.linkId == 0 && e.origin == QStringLiteral("verified quote")) {
                e.linkId = l.id;
                e.segmentId = l.segmentId;
            }
    return {};
}

Status AuditStore::storeClaims(qint64 sourceId, const ClaimRepository::Spans& detected, AuditReport& report) {
    ClaimRepository claims(m_project);
    auto stored = claims.syncDetected(sourceId, detected);
    if (!stored) return stored.error();
    std::map<std::pair<qsizetype, qsizetype>, qint64> idOf;
    for (const StoredClaim& c : *stored) idOf[{c.start, c.end}] = c.id;
    for (AuditClaim& c : report.claims) {
        const auto id = idOf.find({c.start, c.end});
        if (id == idOf.end())
            return makeError(QStringLiteral("claim %1:%2 of %3 was not stored").arg(c.start).arg(c.end).arg(report.manuscript));
        c.id = id->second;
        if (auto linked = claims.syncVerifiedLinks(c.id, verifiedSpans(c)); !linked) return linked.error();
        if (Status r = refreshLinkIds(c); !r) return r;
    }
    return {};
}

Result<bool> AuditStore::save(qint64 sourceId, const ClaimRepository::Spans& detected, AuditReport& report) {
    auto same = unchanged(sourceId, detected, report);
    if (!same) return same.error();
    ClaimRepository claims(m_project);
    auto previous = claims.storedReport(sourceId);
    if (!previous) return previous.error();
    if (*same && *previous && **previous == QString::fromUtf8(AuditJsonWriter::write(report))) return false;
    Status s = m_project.mutate(QStringLiteral("audit.save"), QStringLiteral("stored the audit of %1").arg(report.manuscript),
                                [&]() -> Status {
        if (!*same)
            if (Status stored = storeClaims(sourceId, detected, report); !stored) return stored;
        return claims.storeReport(sourceId, QString::fromUtf8(AuditJsonWriter::write(report)));
    });
    if (!s) return s.error();
    return true;
}

Result<std::optional<AuditReport>> AuditStore::lastReport(qint64 sourceId) {
    auto json = ClaimRepository(m_project).storedReport(sourceId);
    if (!json) return json.error();
    if (!*json) return std::optional<AuditReport>();
    auto report = AuditJsonReader::read((*json)->toUtf8());
    if (!report) return report.error();
    // The passages around each place, as a fresh audit shows them side by side.
    TurnTexts turns(m_project);
    const auto withContext = [&](EvidenceLocation& l) {
        if (l.sourceId == 0) return;
        if (const TurnText* t = turns.at(l.sourceId, l.start)) l.context = t->text;
    };
    for (AuditClaim& c : report->claims) {
        for (AuditQuote& q : c.quotes) {
            if (q.found) withContext(*q.found);
            for (EvidenceLocation& l : q.alsoFound) withContext(l);
        }
        for (AuditEvidence& e : c.evidence) withContext(e.location);
    }
    return std::optional<AuditReport>(std::move(*report));
}

} // namespace warrant
