#include "store/MemoRepository.h"

#include "store/Project.h"

namespace warrant {

namespace {
const char* tableFor(MemoTarget target) {
    switch (target) {
    case MemoTarget::Source: return "sources";
    case MemoTarget::Participant: return "participants";
    case MemoTarget::Code: return "codes";
    case MemoTarget::Segment: return "segments";
    case MemoTarget::Project: return nullptr;
    }
    return nullptr;
}
} // namespace

Status MemoRepository::checkTarget(MemoTarget target, qint64 targetId) {
    const char* table = tableFor(target);
    if (!table) return {};
    auto n = m_project.db().queryInt(
        QStringLiteral("SELECT count(*) FROM %1 WHERE id = %2").arg(QString::fromLatin1(table)).arg(targetId));
    if (!n) return n.error();
    if (*n == 0) return makeError(QStringLiteral("no %1 with id %2 to attach the memo to").arg(memoTargetName(target)).arg(targetId));
    return {};
}

Result<qint64> MemoRepository::add(MemoTarget target, qint64 targetId, const QString& title, const QString& body) {
    if (body.trimmed().isEmpty()) return makeError(QStringLiteral("a memo needs some text"));
    qint64 id = 0;
    Status s = m_project.mutate(QStringLiteral("memo.add"),
                                QStringLiteral("added the memo '%1' on %2").arg(title.isEmpty() ? body.left(40) : title,
                                                                          memoTargetName(target)),
                                [&]() -> Status {
        if (Status t = checkTarget(target, targetId); !t) return t;
        SqliteStatement insert = m_project.db().prepare(QStringLiteral(
            "INSERT INTO memos(target_kind, target_id, title, body, coder_id, created_at, updated_at) "
            "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?6)"));
        insert.bind(1, memoTargetName(target)).bind(3, title).bind(4, body).bind(5, m_project.coderId());
        insert.bind(6, Project::nowText());
        if (target == MemoTarget::Project) insert.bindNull(2);
        else insert.bind(2, targetId);
        if (!insert.run()) return makeError(insert.error());
        id = m_project.db().lastInsertId();
        return {};
    });
    if (!s) return s.error();
    return id;
}

Status MemoRepository::update(qint64 id, const QString& title, const QString& body) {
    return m_project.mutate(QStringLiteral("memo.edit"), QStringLiteral("edited memo %1").arg(id), [&]() -> Status {
        SqliteStatement update = m_project.db().prepare(
            QStringLiteral("UPDATE memos SET title = ?1, body = ?2, updated_at = ?3 WHERE id = ?4"));
        update.bind(1, title).bind(2, body).bind(3, Project::nowText()).bind(4, id);
        if (!update.run()) return makeError(update.error());
        if (m_project.db().changes() == 0) return makeError(QStringLiteral("memo %1 does not exist").arg(id));
        return {};
    });
}

Status MemoRepository::remove(qint64 id) {
    return m_project.mutate(QStringLiteral("memo.delete"), QStringLiteral("deleted memo %1").arg(id), [&]() -> Status {
        SqliteStatement del = m_project.db().prepare(QStringLiteral("DELETE FROM memos WHERE id = ?1"));
        del.bind(1, id);
        if (!del.run()) return makeError(del.error());
        if (m_project.db().changes() == 0) return makeError(QStringLiteral("memo %1 does not exist").arg(id));
        return {};
    });
}

Result<std::vector<Memo>> MemoRepository::list(std::optional<MemoTarget> target, qint64 targetId) {
    QString sql = QStringLiteral(
        "SELECT m.id, m.target_kind, ifnull(m.target_id, 0), m.title, m.body, c.name, m.created_at, m.updated_at "
        "FROM memos m JOIN coders c ON c.id = m.coder_id");
    if (target) sql += QStringLiteral(" WHERE m.target_kind = ?1 AND ifnull(m.target_id, 0) = ?2");
    sql += QStringLiteral(" ORDER BY m.id");
    SqliteStatement rows = m_project.db().prepare(sql);
    if (target) rows.bind(1, memoTargetName(*target)).bind(2, targetId);
    std::vector<Memo> memos;
    while (rows.next()) {
        Memo m;
        m.id = rows.int64(0);
        parseMemoTarget(rows.text(1), &m.target);
        m.targetId = rows.int64(2);
        m.title = rows.text(3);
        m.body = rows.text(4);
        m.coder = rows.text(5);
        m.createdAt = QDateTime::fromString(rows.text(6), Qt::ISODateWithMs);
        m.updatedAt = QDateTime::fromString(rows.text(7), Qt::ISODateWithMs);
        memos.push_back(std::move(m));
    }
    if (rows.failed()) return makeError(rows.error());
    return memos;
}

} // namespace warrant
