#include "store/ExchangeRepository.h"

#include "store/Project.h"
#include "store/SqliteDatabase.h"
#include "store/SqliteStatement.h"

#include <QCryptographicHash>

namespace warrant {

QString ExchangeRepository::timeText(const QDateTime& at) {
    // A time the other tool did not record becomes the time of the import, as for any new row.
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : Project::nowText();
}

Result<qint64> ExchangeRepository::coder(const QString& name) {
    const QString who = name.trimmed().isEmpty() ? m_project.coderName() : name.trimmed();
    if (auto known = m_coders.constFind(who); known != m_coders.constEnd()) return *known;
    SqliteDatabase& db = m_project.db();
    SqliteStatement find = db.prepare(QStringLiteral("SELECT id FROM coders WHERE name = ?1"));
    find.bind(1, who);
    qint64 id = 0;
    if (find.next()) {
        id = find.int64(0);
    } else {
        SqliteStatement insert = db.prepare(QStringLiteral("INSERT INTO coders(name, created_at) VALUES(?1, ?2)"));
        insert.bind(1, who).bind(2, Project::nowText());
        if (!insert.run()) return makeError(QStringLiteral("coder %1: %2").arg(who, insert.error()));
        id = db.lastInsertId();
    }
    m_coders.insert(who, id);
    return id;
}

Result<qint64> ExchangeRepository::segment(qint64 sourceId, qsizetype start, qsizetype end, const QString& text) {
    SqliteDatabase& db = m_project.db();
    SqliteStatement insert = db.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO segments(source_id, start_pos, end_pos, text, text_hash) VALUES(?1, ?2, ?3, ?4, ?5)"));
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
    insert.bind(1, sourceId).bind(2, qint64(start)).bind(3, qint64(end)).bind(4, text).bind(5, hash);
    if (!insert.run()) return makeError(insert.error());
    if (db.changes() > 0) return db.lastInsertId();
    SqliteStatement find =
        db.prepare(QStringLiteral("SELECT id FROM segments WHERE source_id = ?1 AND start_pos = ?2 AND end_pos = ?3"));
    find.bind(1, sourceId).bind(2, qint64(start)).bind(3, qint64(end));
    if (!find.next()) return makeError(QStringLiteral("segment %1:%2 of source %3 was not stored").arg(start).arg(end).arg(sourceId));
    return find.int64(0);
}

Result<bool> ExchangeRepository::coding(qint64 segmentId, qint64 codeId, qint64 coderId, const QDateTime& createdAt) {
    SqliteStatement insert = m_project.db().prepare(QStringLiteral(
        "INSERT OR IGNORE INTO codings(segment_id, code_id, coder_id, created_at) VALUES(?1, ?2, ?3, ?4)"));
    insert.bind(1, segmentId).bind(2, codeId).bind(3, coderId).bind(4, timeText(createdAt));
    if (!insert.run()) return makeError(insert.error());
    return m_project.db().changes() > 0;
}

Result<qint64> ExchangeRepository::memo(MemoTarget target, qint64 targetId, const QString& title, const QString& body,
                                        qint64 coderId, const QDateTime& createdAt, const QDateTime& updatedAt) {
    SqliteStatement insert = m_project.db().prepare(QStringLiteral(
        "INSERT INTO memos(target_kind, target_id, title, body, coder_id, created_at, updated_at) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    insert.bind(1, memoTargetName(target)).bind(3, title).bind(4, body).bind(5, coderId);
    insert.bind(6, timeText(createdAt)).bind(7, timeText(updatedAt.isValid() ? updatedAt : createdAt));
    if (target == MemoTarget::Project) insert.bindNull(2);
    else insert.bind(2, targetId);
    if (!insert.run()) return makeError(insert.error());
    return m_project.db().lastInsertId();
}

Result<qint64> ExchangeRepository::addSet(const CodeSourceSet& set) {
    SqliteDatabase& db = m_project.db();
    SqliteStatement insert = db.prepare(QStringLiteral("INSERT INTO sets(name, description) VALUES(?1, ?2)"));
    insert.bind(1, set.name).bind(2, set.description);
    if (!insert.run()) return makeError(QStringLiteral("set %1: %2").arg(set.name, insert.error()));
    const qint64 id = db.lastInsertId();
    SqliteStatement member =
        db.prepare(QStringLiteral("INSERT INTO set_members(set_id, code_id, source_id) VALUES(?1, ?2, ?3)"));
    const auto add = [&](std::optional<qint64> code, std::optional<qint64> source) -> Status {
        member.reset();
        member.bind(1, id).bind(2, code).bind(3, source);
        if (!member.run()) return makeError(QStringLiteral("set %1: %2").arg(set.name, member.error()));
        return {};
    };
    for (qint64 code : set.codeIds)
        if (Status s = add(code, std::nullopt); !s) return s.error();
    for (qint64 source : set.sourceIds)
        if (Status s = add(std::nullopt, source); !s) return s.error();
    return id;
}

Result<qint64> ExchangeRepository::addExternalSource(const ExternalSource& source) {
    SqliteStatement insert = m_project.db().prepare(QStringLiteral(
        "INSERT INTO external_sources(name, kind, path, selections, codings, imported_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6)"));
    insert.bind(1, source.name).bind(2, source.kind).bind(3, source.path).bind(4, source.selections);
    insert.bind(5, source.codings).bind(6, Project::nowText());
    if (!insert.run()) return makeError(QStringLiteral("%1: %2").arg(source.name, insert.error()));
    return m_project.db().lastInsertId();
}

Result<QHash<qint64, ExchangeRepository::SegmentRange>> ExchangeRepository::segmentRanges() {
    SqliteStatement rows = m_project.db().prepare(QStringLiteral("SELECT id, source_id, start_pos, end_pos FROM segments"));
    QHash<qint64, SegmentRange> all;
    while (rows.next()) all.insert(rows.int64(0), {rows.int64(1), qsizetype(rows.int64(2)), qsizetype(rows.int64(3))});
    if (rows.failed()) return makeError(rows.error());
    return all;
}

Result<std::vector<CodeSourceSet>> ExchangeRepository::sets() {
    SqliteDatabase& db = m_project.db();
    SqliteStatement rows = db.prepare(QStringLiteral("SELECT id, name, description FROM sets ORDER BY id"));
    std::vector<CodeSourceSet> all;
    while (rows.next()) all.push_back({rows.int64(0), rows.text(1), rows.text(2), {}, {}});
    if (rows.failed()) return makeError(rows.error());
    SqliteStatement members = db.prepare(QStringLiteral(
        "SELECT set_id, code_id, source_id FROM set_members ORDER BY rowid"));
    while (members.next())
        for (CodeSourceSet& s : all)
            if (s.id == members.int64(0)) {
                if (!members.isNull(1)) s.codeIds.push_back(members.int64(1));
                if (!members.isNull(2)) s.sourceIds.push_back(members.int64(2));
            }
    if (members.failed()) return makeError(members.error());
    return all;
}

Result<std::vector<ExternalSource>> ExchangeRepository::externalSources() {
    SqliteStatement rows = m_project.db().prepare(
        QStringLiteral("SELECT id, name, kind, path, selections, codings FROM external_sources ORDER BY id"));
    std::vector<ExternalSource> all;
    while (rows.next())
        all.push_back({rows.int64(0), rows.text(1), rows.text(2), rows.text(3), int(rows.int64(4)), int(rows.int64(5))});
    if (rows.failed()) return makeError(rows.error());
    return all;
}

} // namespace warrant
