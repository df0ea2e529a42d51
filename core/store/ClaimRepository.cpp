#include "store/ClaimRepository.h"

#include "store/CodingRepository.h"
#include "store/Project.h"

#include <QCryptographicHash>

#include <algorithm>
#include <set>

namespace warrant {

namespace {

StoredClaim readClaim(const SqliteStatement& r) {
    return {r.int64(0), r.int64(1), r.int64(2), r.int64(3), r.text(4)};
}

} // namespace

Result<std::vector<StoredClaim>> ClaimRepository::claims(qint64 sourceId) {
    SqliteStatement rows = m_project.db().prepare(QStringLiteral(
        "SELECT id, source_id, start_pos, end_pos, origin FROM claims WHERE source_id = ?1 ORDER BY start_pos, id"));
    rows.bind(1, sourceId);
    std::vector<StoredClaim> out;
    while (rows.next()) out.push_back(readClaim(rows));
    if (rows.failed()) return makeError(rows.error());
    return out;
}

bool ClaimRepository::DetectionPlan::changes() const {
    return !dropped.empty() || std::any_of(claims.begin(), claims.end(), [](const StoredClaim& c) { return c.id == 0; });
}

Result<ClaimRepository::DetectionPlan> ClaimRepository::planDetected(qint64 sourceId, const Spans& spans) {
    SqliteStatement rows = m_project.db().prepare(QStringLiteral(
        "SELECT c.id, c.source_id, c.start_pos, c.end_pos, c.origin, EXISTS(SELECT 1 FROM evidence_links l WHERE l.claim_id = c.id "
        "AND l.origin = 'user') FROM claims c WHERE c.source_id = ?1 ORDER BY c.start_pos, c.id"));
    rows.bind(1, sourceId);
    const std::set<std::pair<qsizetype, qsizetype>> detected(spans.begin(), spans.end());
    DetectionPlan plan;
    while (rows.next()) {
        const StoredClaim c = readClaim(rows);
        const bool userLinked = rows.int64(5) != 0;
        if (c.origin != QStringLiteral("detected") || userLinked || detected.count({c.start, c.end})) plan.claims.push_back(c);
        else plan.dropped.push_back(c.id);
    }
    if (rows.failed()) return makeError(rows.error());
    const std::vector<StoredClaim> staying = plan.claims;
    for (const auto& [a, b] : spans) {
        const bool covered = std::any_of(staying.begin(), staying.end(), [&](const StoredClaim& c) { return c.start < b && a < c.end; });
        if (!covered) plan.claims.push_back({0, sourceId, a, b, QStringLiteral("detected")});
    }
    std::stable_sort(plan.claims.begin(), plan.claims.end(), [](const StoredClaim& x, const StoredClaim& y) { return x.start < y.start; });
    return plan;
}

Result<std::vector<StoredClaim>> ClaimRepository::syncDetected(qint64 sourceId, const Spans& spans) {
    auto plan = planDetected(sourceId, spans);
    if (!plan) return plan.error();
    if (!plan->changes()) return plan->claims;
    Status s = m_project.mutate(QStringLiteral("claims.detect"), QStringLiteral("detected the claims of source %1").arg(sourceId), [&]() -> Status {
        SqliteDatabase& db = m_project.db();
        SqliteStatement drop = db.prepare(QStringLiteral("DELETE FROM claims WHERE id = ?1"));
        for (qint64 id : plan->dropped) {
            drop.reset();
            drop.bind(1, id);
            if (!drop.run()) return makeError(drop.error());
        }
        SqliteStatement insert = db.prepare(QStringLiteral(
            "INSERT INTO claims(source_id, start_pos, end_pos, origin, created_at) VALUES(?1, ?2, ?3, 'detected', ?4)"));
        for (StoredClaim& c : plan->claims) {
            if (c.id != 0) continue;
            insert.reset();
            insert.bind(1, sourceId).bind(2, qint64(c.start)).bind(3, qint64(c.end)).bind(4, Project::nowText());
            if (!insert.run()) return makeError(insert.error());
            c.id = db.lastInsertId();
        }
        return {};
    });
    if (!s) return s.error();
    return plan->claims;
}

Result<bool> ClaimRepository::syncVerifiedLinks(qint64 claimId, const std::vector<Span>& verified) {
    auto existing = links(claimId);
    if (!existing) return existing.error();
    std::set<Span> wanted(verified.begin(), verified.end());
    std::vector<qint64> stale;
    for (const EvidenceLink& l : *existing) {
        const Span at{l.sourceId, l.start, l.end};
        if (wanted.erase(at) > 0) continue;      // already linked, as a verified quote or by a user
        if (l.origin == QStringLiteral("verified quote")) stale.push_back(l.id);
    }
    if (stale.empty() && wanted.empty()) return false;
    Status s = m_project.mutate(QStringLiteral("evidence.verified"), QStringLiteral("updated the verified quotations of claim %1").arg(claimId),
                                [&]() -> Status {
        for (qint64 id : stale)
            if (Status u = unlink(id); !u) return u;
        for (const Span& at : wanted)
            if (auto l = link(claimId, at.sourceId, at.start, at.end, EvidenceStance::Supports, QStringLiteral("verified quote")); !l)
                return l.error();
        return {};
    });
    if (!s) return s.error();
    return true;
}

Result<qint64> ClaimRepository::addClaim(qint64 sourceId, qsizetype start, qsizetype end) {
    qint64 id = 0;
    Status s = m_project.mutate(QStringLiteral("claim.add"), QStringLiteral("marked %1:%2 as a claim").arg(start).arg(end), [&]() -> Status {
        SqliteStatement insert = m_project.db().prepare(QStringLiteral(
            "INSERT INTO claims(source_id, start_pos, end_pos, origin, created_at) VALUES(?1, ?2, ?3, 'user', ?4)"));
        insert.bind(1, sourceId).bind(2, qint64(start)).bind(3, qint64(end)).bind(4, Project::nowText());
        if (!insert.run()) return makeError(insert.error());
        id = m_project.db().lastInsertId();
        return {};
    });
    if (!s) return s.error();
    return id;
}

Status ClaimRepository::mergeClaims(qint64 first, qint64 second) {
    return m_project.mutate(QStringLiteral("claim.merge"), QStringLiteral("merged claims %1 and %2").arg(first).arg(second), [&]() -> Status {
        SqliteDatabase& db = m_project.db();
        const QString sql = QStringLiteral(
            "UPDATE claims SET start_pos = min(start_pos, (SELECT start_pos FROM claims WHERE id = %2)), "
            "end_pos = max(end_pos, (SELECT end_pos FROM claims WHERE id = %2)), origin = 'user' WHERE id = %1 AND "
            "source_id = (SELECT source_id FROM claims WHERE id = %2); "
            "UPDATE OR IGNORE evidence_links SET claim_id = %1 WHERE claim_id = %2; DELETE FROM claims WHERE id = %2;")
                                .arg(first)
                                .arg(second);
        if (Status s = db.exec(sql); !s) return s;
        auto n = db.queryInt(QStringLiteral("SELECT count(*) FROM claims WHERE id = %1").arg(first));
        if (!n || *n == 0) return makeError(QStringLiteral("claims %1 and %2 cannot be merged").arg(first).arg(second));
        return {};
    });
}

Result<qint64> ClaimRepository::splitClaim(qint64 claimId, qsizetype at) {
    qint64 newId = 0;
    Status s = m_project.mutate(QStringLiteral("claim.split"), QStringLiteral("split claim %1 at %2").arg(claimId).arg(at), [&]() -> Status {
        SqliteDatabase& db = m_project.db();
        SqliteStatement get = db.prepare(QStringLiteral("SELECT source_id, start_pos, end_pos FROM claims WHERE id = ?1"));
        get.bind(1, claimId);
        if (!get.next()) return makeError(QStringLiteral("claim %1 does not exist").arg(claimId));
        const qint64 source = get.int64(0), start = get.int64(1), end = get.int64(2);
        if (at <= start || at >= end) return makeError(QStringLiteral("split point %1 is outside claim %2").arg(at).arg(claimId));
        SqliteStatement shrink = db.prepare(QStringLiteral("UPDATE claims SET end_pos = ?1, origin = 'user' WHERE id = ?2"));
        shrink.bind(1, qint64(at)).bind(2, claimId);
        if (!shrink.run()) return makeError(shrink.error());
        SqliteStatement insert = db.prepare(QStringLiteral(
            "INSERT INTO claims(source_id, start_pos, end_pos, origin, created_at) VALUES(?1, ?2, ?3, 'user', ?4)"));
        insert.bind(1, source).bind(2, qint64(at)).bind(3, end).bind(4, Project::nowText());
        if (!insert.run()) return makeError(insert.error());
        newId = db.lastInsertId();
        return {};
    });
    if (!s) return s.error();
    return newId;
}

Result<qint64> ClaimRepository::link(qint64 claimId, qint64 sourceId, qsizetype start, qsizetype end, EvidenceStance stance,
                                     const QString& origin) {
    qint64 id = 0;
    Status s = m_project.mutate(QStringLiteral("evidence.link"),
                                QStringLiteral("linked %1:%2 of source %3 to claim %4 (%5)").arg(start).arg(end).arg(sourceId).arg(claimId).arg(evidenceStanceName(stance)),
                                [&]() -> Status {
        SqliteDatabase& db = m_project.db();
        // The evidence span becomes a segment, as coded text does, so it can be re-anchored.
        SqliteStatement find = db.prepare(QStringLiteral("SELECT id FROM segments WHERE source_id = ?1 AND start_pos = ?2 AND end_pos = ?3"));
        find.bind(1, sourceId).bind(2, qint64(start)).bind(3, qint64(end));
        qint64 segment = 0;
        if (find.next()) {
            segment = find.int64(0);
        } else {
            SqliteStatement slice = db.prepare(QStringLiteral("SELECT substr(text, ?2 + 1, ?3 - ?2), length(text) FROM sources WHERE id = ?1"));
            slice.bind(1, sourceId).bind(2, qint64(start)).bind(3, qint64(end));
            if (!slice.next() || start < 0 || end > slice.int64(1) || start >= end)
                return makeError(QStringLiteral("evidence range %1:%2 is outside source %3").arg(start).arg(end).arg(sourceId));
            const QString text = slice.text(0);
            SqliteStatement insert = db.prepare(QStringLiteral(
                "INSERT INTO segments(source_id, start_pos, end_pos, text, text_hash) VALUES(?1, ?2, ?3, ?4, ?5)"));
            insert.bind(1, sourceId).bind(2, qint64(start)).bind(3, qint64(end)).bind(4, text);
            insert.bind(5, QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex()));
            if (!insert.run()) return makeError(insert.error());
            segment = db.lastInsertId();
        }
        SqliteStatement insert = db.prepare(QStringLiteral(
            "INSERT INTO evidence_links(claim_id, segment_id, stance, origin, coder_id, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6) "
            "ON CONFLICT(claim_id, segment_id) DO UPDATE SET stance = excluded.stance"));
        insert.bind(1, claimId).bind(2, segment).bind(3, evidenceStanceName(stance)).bind(4, origin);
        insert.bind(5, m_project.coderId()).bind(6, Project::nowText());
        if (!insert.run()) return makeError(insert.error());
        SqliteStatement get = db.prepare(QStringLiteral("SELECT id FROM evidence_links WHERE claim_id = ?1 AND segment_id = ?2"));
        get.bind(1, claimId).bind(2, segment);
        if (!get.next()) return makeError(QStringLiteral("claim %1 does not exist").arg(claimId));
        id = get.int64(0);
        return {};
    });
    if (!s) return s.error();
    return id;
}

Status ClaimRepository::setStance(qint64 linkId, EvidenceStance stance) {
    return m_project.mutate(QStringLiteral("evidence.stance"), QStringLiteral("set evidence %1 to %2").arg(linkId).arg(evidenceStanceName(stance)),
                            [&]() -> Status {
        SqliteStatement u = m_project.db().prepare(QStringLiteral("UPDATE evidence_links SET stance = ?1 WHERE id = ?2"));
        u.bind(1, evidenceStanceName(stance)).bind(2, linkId);
        if (!u.run()) return makeError(u.error());
        if (m_project.db().changes() == 0) return makeError(QStringLiteral("evidence link %1 does not exist").arg(linkId));
        return {};
    });
}

Status ClaimRepository::unlink(qint64 linkId) {
    return m_project.mutate(QStringLiteral("evidence.unlink"), QStringLiteral("removed evidence link %1").arg(linkId), [&]() -> Status {
        SqliteStatement d = m_project.db().prepare(QStringLiteral("DELETE FROM evidence_links WHERE id = ?1"));
        d.bind(1, linkId);
        if (!d.run()) return makeError(d.error());
        if (m_project.db().changes() == 0) return makeError(QStringLiteral("evidence link %1 does not exist").arg(linkId));
        return {};
    });
}

Result<std::vector<EvidenceLink>> ClaimRepository::links(qint64 claimId) {
    SqliteStatement rows = m_project.db().prepare(QStringLiteral(
        "SELECT l.id, l.claim_id, l.segment_id, s.source_id, s.start_pos, s.end_pos, l.stance, l.origin FROM evidence_links l "
        "JOIN segments s ON s.id = l.segment_id WHERE l.claim_id = ?1 ORDER BY l.id"));
    rows.bind(1, claimId);
    std::vector<EvidenceLink> out;
    while (rows.next()) {
        EvidenceLink l{rows.int64(0), rows.int64(1), rows.int64(2), rows.int64(3), rows.int64(4), rows.int64(5), {}, rows.text(7)};
        parseEvidenceStance(rows.text(6), &l.stance);
        out.push_back(l);
    }
    if (rows.failed()) return makeError(rows.error());
    return out;
}

Result<std::optional<QString>> ClaimRepository::storedReport(qint64 sourceId) {
    SqliteStatement row = m_project.db().prepare(QStringLiteral("SELECT report FROM audit_reports WHERE source_id = ?1"));
    row.bind(1, sourceId);
    if (row.next()) return std::optional<QString>(row.text(0));
    if (row.failed()) return makeError(row.error());
    return std::optional<QString>();
}

Status ClaimRepository::storeReport(qint64 sourceId, const QString& json) {
    SqliteStatement put = m_project.db().prepare(
        QStringLiteral("INSERT OR REPLACE INTO audit_reports(source_id, saved_at, report) VALUES(?1, ?2, ?3)"));
    put.bind(1, sourceId).bind(2, Project::nowText()).bind(3, json);
    return put.run() ? Status() : Status(makeError(put.error()));
}

} // namespace warrant
