#include "trace/report/AuditJsonWriter.h"

#include "trace/report/AuditFacts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace warrant {

namespace {

double rounded(double value) {
    if (!std::isfinite(value)) return 0;
    return std::round(value * 1000.0) / 1000.0;
}

QJsonArray strings(const QStringList& list) {
    return QJsonArray::fromStringList(list);
}

QJsonObject location(const EvidenceLocation& l) {
    return QJsonObject{
        {QStringLiteral("participant"), l.participant},
        {QStringLiteral("interviewer"), l.interviewer},
        {QStringLiteral("source_id"), l.sourceId},
        {QStringLiteral("source"), l.source},
        {QStringLiteral("turn"), l.turn},
        {QStringLiteral("start"), qint64(l.start)},
        {QStringLiteral("end"), qint64(l.end)},
        {QStringLiteral("text"), l.text},
    };
}

QJsonObject citation(const AuditCitation& c) {
    return QJsonObject{
        {QStringLiteral("text"), c.text},
        {QStringLiteral("start"), qint64(c.start)},
        {QStringLiteral("end"), qint64(c.end)},
        {QStringLiteral("participants"), strings(c.participants)},
        {QStringLiteral("unknown"), strings(c.unknown)},
        {QStringLiteral("literature"), strings(c.literature)},
    };
}

QJsonObject quote(const AuditQuote& q) {
    QJsonArray also;
    for (const EvidenceLocation& l : q.alsoFound)
        also.append(location(l));
    return QJsonObject{
        {QStringLiteral("text"), q.text},
        {QStringLiteral("start"), qint64(q.start)},
        {QStringLiteral("end"), qint64(q.end)},
        {QStringLiteral("block"), q.block},
        {QStringLiteral("verdict"), quoteVerdictName(q.verdict)},
        {QStringLiteral("cited_participants"), strings(q.citedParticipants)},
        {QStringLiteral("found"), q.found ? QJsonValue(location(*q.found)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("also_found"), also},
        {QStringLiteral("similarity"), rounded(q.similarity)},
        {QStringLiteral("diff"), q.diff},
        {QStringLiteral("explanation"), q.explanation},
    };
}

QJsonObject evidence(const AuditEvidence& e) {
    return QJsonObject{
        {QStringLiteral("link_id"), e.linkId},
        {QStringLiteral("segment_id"), e.segmentId},
        {QStringLiteral("stance"), evidenceStanceName(e.stance)},
        {QStringLiteral("origin"), e.origin},
        {QStringLiteral("relevance"), rounded(e.relevance)},
        {QStringLiteral("location"), location(e.location)},
    };
}

QJsonObject check(const AuditCheck& c) {
    return QJsonObject{
        {QStringLiteral("check"), claimCheckName(c.check)},
        {QStringLiteral("message"), c.message},
        {QStringLiteral("participants"), strings(c.participants)},
    };
}

QJsonObject claim(const AuditClaim& c) {
    QJsonArray citations, quotes, evidenceItems, checks;
    for (const AuditCitation& x : c.citations)
        citations.append(citation(x));
    for (const AuditQuote& x : c.quotes)
        quotes.append(quote(x));
    for (const AuditEvidence& x : c.evidence)
        evidenceItems.append(evidence(x));
    for (const AuditCheck& x : c.checks)
        checks.append(check(x));
    return QJsonObject{
        {QStringLiteral("id"), c.id},           {QStringLiteral("section"), c.section},
        {QStringLiteral("text"), c.text},       {QStringLiteral("start"), qint64(c.start)},
        {QStringLiteral("end"), qint64(c.end)}, {QStringLiteral("citations"), citations},
        {QStringLiteral("quotes"), quotes},     {QStringLiteral("evidence"), evidenceItems},
        {QStringLiteral("checks"), checks},
    };
}

QJsonObject counts(const std::map<QString, int>& map) {
    QJsonObject o;
    for (const auto& [name, n] : map)
        o.insert(name, n);
    return o;
}

} // namespace

QByteArray AuditJsonWriter::write(const AuditReport& report) {
    QJsonArray claims;
    for (const AuditClaim& c : report.claims)
        claims.append(claim(c));
    const QJsonObject summary{
        {QStringLiteral("verdicts"), counts(AuditFacts::verdictCounts(report))},
        {QStringLiteral("checks"), counts(AuditFacts::checkCounts(report))},
        {QStringLiteral("claims"), int(report.claims.size())},
        {QStringLiteral("quotes"), AuditFacts::quoteCount(report)},
        {QStringLiteral("findings"), report.findings},
    };
    const QJsonObject root{
        {QStringLiteral("manuscript"), report.manuscript},
        {QStringLiteral("project"), report.projectFile},
        {QStringLiteral("claims"), claims},
        {QStringLiteral("summary"), summary},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace warrant
