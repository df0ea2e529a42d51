#include "trace/report/AuditJsonReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace warrant {

namespace {

QStringList strings(const QJsonValue& v) {
    QStringList out;
    for (const QJsonValue& x : v.toArray()) out << x.toString();
    return out;
}

qsizetype offset(const QJsonObject& o, const char* key) { return qsizetype(o.value(QLatin1String(key)).toInteger()); }

EvidenceLocation location(const QJsonObject& o) {
    EvidenceLocation l;
    l.participant = o.value(QStringLiteral("participant")).toString();
    l.interviewer = o.value(QStringLiteral("interviewer")).toBool();
    l.sourceId = o.value(QStringLiteral("source_id")).toInteger();
    l.source = o.value(QStringLiteral("source")).toString();
    l.turn = o.value(QStringLiteral("turn")).toInt();
    l.start = offset(o, "start");
    l.end = offset(o, "end");
    l.text = o.value(QStringLiteral("text")).toString();
    return l;
}

AuditCitation citation(const QJsonObject& o) {
    return {o.value(QStringLiteral("text")).toString(), offset(o, "start"), offset(o, "end"),
            strings(o.value(QStringLiteral("participants"))), strings(o.value(QStringLiteral("unknown"))),
            strings(o.value(QStringLiteral("literature")))};
}

Result<AuditQuote> quote(const QJsonObject& o) {
    AuditQuote q;
    q.text = o.value(QStringLiteral("text")).toString();
    q.start = offset(o, "start");
    q.end = offset(o, "end");
    q.block = o.value(QStringLiteral("block")).toBool();
    if (!parseQuoteVerdict(o.value(QStringLiteral("verdict")).toString(), &q.verdict))
        return makeError(QStringLiteral("unknown verdict '%1'").arg(o.value(QStringLiteral("verdict")).toString()));
    q.citedParticipants = strings(o.value(QStringLiteral("cited_participants")));
    if (o.value(QStringLiteral("found")).isObject()) q.found = location(o.value(QStringLiteral("found")).toObject());
    for (const QJsonValue& l : o.value(QStringLiteral("also_found")).toArray()) q.alsoFound.push_back(location(l.toObject()));
    q.similarity = o.value(QStringLiteral("similarity")).toDouble();
    q.diff = o.value(QStringLiteral("diff")).toString();
    q.explanation = o.value(QStringLiteral("explanation")).toString();
    return q;
}

AuditEvidence evidence(const QJsonObject& o) {
    AuditEvidence e;
    e.linkId = o.value(QStringLiteral("link_id")).toInteger();
    e.segmentId = o.value(QStringLiteral("segment_id")).toInteger();
    parseEvidenceStance(o.value(QStringLiteral("stance")).toString(), &e.stance);
    e.origin = o.value(QStringLiteral("origin")).toString();
    e.relevance = o.value(QStringLiteral("relevance")).toDouble();
    e.location = location(o.value(QStringLiteral("location")).toObject());
    return e;
}

Result<AuditClaim> claim(const QJsonObject& o) {
    AuditClaim c;
    c.id = o.value(QStringLiteral("id")).toInteger();
    c.section = o.value(QStringLiteral("section")).toString();
    c.text = o.value(QStringLiteral("text")).toString();
    c.start = offset(o, "start");
    c.end = offset(o, "end");
    for (const QJsonValue& x : o.value(QStringLiteral("citations")).toArray()) c.citations.push_back(citation(x.toObject()));
    for (const QJsonValue& x : o.value(QStringLiteral("quotes")).toArray()) {
        auto q = quote(x.toObject());
        if (!q) return q.error();
        c.quotes.push_back(std::move(*q));
    }
    for (const QJsonValue& x : o.value(QStringLiteral("evidence")).toArray()) c.evidence.push_back(evidence(x.toObject()));
    for (const QJsonValue& x : o.value(QStringLiteral("checks")).toArray()) {
        const QJsonObject k = x.toObject();
        AuditCheck check;
        if (!parseClaimCheck(k.value(QStringLiteral("check")).toString(), &check.check))
            return makeError(QStringLiteral("unknown check '%1'").arg(k.value(QStringLiteral("check")).toString()));
        check.message = k.value(QStringLiteral("message")).toString();
        check.participants = strings(k.value(QStringLiteral("participants")));
        c.checks.push_back(std::move(check));
    }
    return c;
}

std::map<QString, int> counts(const QJsonValue& v) {
    std::map<QString, int> out;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) out[it.key()] = it.value().toInt();
    return out;
}

} // namespace

Result<AuditReport> AuditJsonReader::read(const QByteArray& json) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) return makeError(QStringLiteral("the stored audit report is not valid JSON: %1").arg(parseError.errorString()));
    const QJsonObject root = doc.object();
    AuditReport report;
    report.manuscript = root.value(QStringLiteral("manuscript")).toString();
    report.projectFile = root.value(QStringLiteral("project")).toString();
    for (const QJsonValue& x : root.value(QStringLiteral("claims")).toArray()) {
        auto c = claim(x.toObject());
        if (!c) return makeError(QStringLiteral("the stored audit report of %1: %2").arg(report.manuscript, c.errorMessage()));
        report.claims.push_back(std::move(*c));
    }
    const QJsonObject summary = root.value(QStringLiteral("summary")).toObject();
    report.verdictCounts = counts(summary.value(QStringLiteral("verdicts")));
    report.checkCounts = counts(summary.value(QStringLiteral("checks")));
    report.findings = summary.value(QStringLiteral("findings")).toInt();
    return report;
}

} // namespace warrant
