#include "JsonOutput.h"

#include "model/ChangeLogEntry.h"
#include "model/Code.h"
#include "model/Memo.h"
#include "model/Participant.h"
#include "ops/ProjectSummary.h"
#include "store/CodingRepository.h"

#include <QJsonDocument>

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
        {QStringLiteral("words"), s.words},
    };
}

} // namespace warrant::cli
