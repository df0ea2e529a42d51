#include "JsonOutput.h"

#include "model/ChangeLogEntry.h"
#include "model/Code.h"
#include "model/Memo.h"
#include "model/Participant.h"
#include "ops/ProjectSummary.h"
#include "SearchResults.h"
#include "store/CodingRepository.h"

#include <QJsonDocument>
#include <QJsonValue>

namespace warrant::cli {

void JsonOutput::write(QTextStream& out, const QJsonObject& object) {
    out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    out.flush();
}

void JsonOutput::write(QTextStream& out, const QJsonArray& array) {
    out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    out.flush();
}

QString JsonOutput::dateTime(const QDateTime& at) {
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject JsonOutput::segment(const CodedSegment& s) {
    return QJsonObject{
        {QStringLiteral("codingId"), s.codingId},
        {QStringLiteral("segmentId"), s.segmentId},
        {QStringLiteral("sourceId"), s.sourceId},
        {QStringLiteral("source"), s.sourceTitle},
        {QStringLiteral("start"), qint64(s.start)},
        {QStringLiteral("end"), qint64(s.end)},
        {QStringLiteral("text"), s.text},
        {QStringLiteral("codeId"), s.codeId},
        {QStringLiteral("code"), s.codePath},
        {QStringLiteral("coder"), s.coder},
        {QStringLiteral("participant"), s.participantCode},
        {QStringLiteral("turn"), s.turnNumber},
        {QStringLiteral("citation"), s.citation()},
        {QStringLiteral("createdAt"), dateTime(s.createdAt)},
    };
}

QJsonObject JsonOutput::code(const Code& c, const QString& path, int segments, int totalSegments) {
    return QJsonObject{
        {QStringLiteral("id"), c.id},
        {QStringLiteral("parentId"), c.parentId},
        {QStringLiteral("name"), c.name},
        {QStringLiteral("path"), path},
        {QStringLiteral("colour"), c.colour},
        {QStringLiteral("description"), c.description},
        {QStringLiteral("inclusion"), c.inclusion},
        {QStringLiteral("exclusion"), c.exclusion},
        {QStringLiteral("example"), c.example},
        {QStringLiteral("segments"), segments},
        {QStringLiteral("totalSegments"), totalSegments},
    };
}

QJsonObject JsonOutput::participant(const Participant& p) {
    QJsonObject attributes;
    QJsonObject types;
    for (const ParticipantAttribute& a : p.attributes) {
        attributes.insert(a.name, a.value);
        types.insert(a.name, a.type);
    }
    return QJsonObject{
        {QStringLiteral("id"), p.id},
        {QStringLiteral("code"), p.code},
        {QStringLiteral("displayName"), p.displayName},
        {QStringLiteral("attributes"), attributes},
        {QStringLiteral("attributeTypes"), types},
    };
}

QJsonObject JsonOutput::memo(const Memo& m, const QString& targetName) {
    return QJsonObject{
        {QStringLiteral("id"), m.id},
        {QStringLiteral("target"), memoTargetName(m.target)},
        {QStringLiteral("targetId"), m.targetId},
        {QStringLiteral("targetName"), targetName},
        {QStringLiteral("title"), m.title},
        {QStringLiteral("body"), m.body},
        {QStringLiteral("coder"), m.coder},
        {QStringLiteral("createdAt"), dateTime(m.createdAt)},
        {QStringLiteral("updatedAt"), dateTime(m.updatedAt)},
    };
}

QJsonObject JsonOutput::logEntry(const ChangeLogEntry& e) {
    return QJsonObject{
        {QStringLiteral("id"), e.id},         {QStringLiteral("at"), dateTime(e.at)},
        {QStringLiteral("coder"), e.coder},   {QStringLiteral("action"), e.action},
        {QStringLiteral("detail"), e.detail},
    };
}

QJsonObject JsonOutput::summary(const ProjectSummary& s) {
    return QJsonObject{
        {QStringLiteral("file"), s.fileName},       {QStringLiteral("schemaVersion"), s.schemaVersion},
        {QStringLiteral("sources"), s.sources},     {QStringLiteral("transcripts"), s.transcripts},
        {QStringLiteral("documents"), s.documents}, {QStringLiteral("manuscripts"), s.manuscripts},
        {QStringLiteral("turns"), s.turns},         {QStringLiteral("participants"), s.participants},
        {QStringLiteral("codes"), s.codes},         {QStringLiteral("segments"), s.segments},
        {QStringLiteral("codings"), s.codings},     {QStringLiteral("coders"), s.coders},
        {QStringLiteral("memos"), s.memos},         {QStringLiteral("changes"), s.changes},
        {QStringLiteral("words"), s.words},         {QStringLiteral("sets"), s.sets},
        {QStringLiteral("externalSources"), s.externalSources},
    };
}

namespace {

QJsonArray facetArray(const std::vector<FacetCount>& facets) {
    QJsonArray array;
    for (const FacetCount& f : facets)
        array.append(QJsonObject{{QStringLiteral("value"), f.value}, {QStringLiteral("count"), f.count}});
    return array;
}

} // namespace

QJsonObject JsonOutput::searchResults(const QString& query, const SearchResults& results, bool kwic, bool facets) {
    QJsonArray hits;
    for (const SearchHit& h : results.hits) {
        QJsonArray matches;
        for (const auto& [start, end] : h.matches)
            matches.append(QJsonArray{qint64(start), qint64(end)});
        hits.append(QJsonObject{
            {QStringLiteral("rank"), h.rank},
            {QStringLiteral("passage_id"), h.passageId},
            {QStringLiteral("source_id"), h.sourceId},
            {QStringLiteral("source"), h.sourceTitle},
            {QStringLiteral("kind"), h.sourceKind},
            {QStringLiteral("participant"), h.participantCode},
            {QStringLiteral("interviewer"), h.interviewer},
            {QStringLiteral("turn"), h.turnNumber},
            {QStringLiteral("start"), qint64(h.start)},
            {QStringLiteral("end"), qint64(h.end)},
            {QStringLiteral("media_time_ms"), h.mediaTimeMs ? QJsonValue(*h.mediaTimeMs) : QJsonValue()},
            {QStringLiteral("weight"), h.weight},
            {QStringLiteral("snippet"), h.snippet},
            {QStringLiteral("matches"), matches},
            {QStringLiteral("text"), h.text},
        });
    }
    QJsonObject object{
        {QStringLiteral("query"), query},
        {QStringLiteral("total"), results.total},
        {QStringLiteral("suggestion"),
         results.suggestion.isEmpty() ? QJsonValue() : QJsonValue(results.suggestion)},
        {QStringLiteral("hits"), hits},
    };
    if (kwic) {
        QJsonArray lines;
        for (const KwicLine& k : results.kwic) {
            const int rank = k.hitIndex < qsizetype(results.hits.size()) ? results.hits[size_t(k.hitIndex)].rank : 0;
            lines.append(QJsonObject{
                {QStringLiteral("hit"), qint64(k.hitIndex)},
                {QStringLiteral("rank"), rank},
                {QStringLiteral("left"), k.left},
                {QStringLiteral("match"), k.match},
                {QStringLiteral("right"), k.right},
                {QStringLiteral("start"), qint64(k.start)},
                {QStringLiteral("end"), qint64(k.end)},
            });
        }
        object.insert(QStringLiteral("kwic"), lines);
    }
    if (facets)
        object.insert(QStringLiteral("facets"), QJsonObject{
                                                    {QStringLiteral("participant"), facetArray(results.byParticipant)},
                                                    {QStringLiteral("group"), facetArray(results.byGroup)},
                                                    {QStringLiteral("code"), facetArray(results.byCode)},
                                                });
    return object;
}

} // namespace warrant::cli
