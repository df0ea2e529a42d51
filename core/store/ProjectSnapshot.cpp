#include "store/ProjectSnapshot.h"

#include "store/Project.h"

#include <QFileInfo>
#include <QStringList>

namespace warrant {

namespace {

QString quoted(const QString& identifier) {
    QString s = identifier;
    return u'"' + s.replace(u'"', QStringLiteral("\"\"")) + u'"';
}

// Tables in creation order (parents before the tables that refer to them), without SQLite's own,
// the append-only change log and the coders.
Result<QStringList> restorableTables(SqliteDatabase& db) {
    SqliteStatement list = db.prepare(QStringLiteral(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT IN ('change_log', 'coders') ORDER BY rowid"));
    QStringList tables;
    while (list.next()) tables << list.text(0);
    if (list.failed()) return makeError(list.error());
    return tables;
}

} // namespace

Result<ProjectSnapshot> ProjectSnapshot::take(Project& project, const QString& file) {
    if (QFileInfo::exists(file)) return makeError(QStringLiteral("%1: already exists").arg(file));
    SqliteStatement vacuum = project.db().prepare(QStringLiteral("VACUUM INTO ?1"));
    vacuum.bind(1, file);
    if (!vacuum.run())
        return makeError(QStringLiteral("%1: cannot copy the project to %2 (%3)").arg(project.fileName(), file, vacuum.error()));
    return ProjectSnapshot(file);
}

Status ProjectSnapshot::restore(Project& project, const QString& action, const QString& detail, ChangeNotice notice) const {
    SqliteDatabase& db = project.db();
    SqliteStatement attach = db.prepare(QStringLiteral("ATTACH DATABASE ?1 AS snapshot"));
    attach.bind(1, m_file);
    if (!attach.run())
        return makeError(QStringLiteral("%1: cannot read the snapshot %2 (%3)").arg(project.fileName(), m_file, attach.error()));
    auto tables = restorableTables(db);
    Status status = tables ? Status() : tables.error();
    if (status) {
        status = project.mutate(action, detail, [&]() -> Status {
            if (Status s = db.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON")); !s) return s;
            // Children first when emptying, parents first when filling.
            for (auto t = tables->crbegin(); t != tables->crend(); ++t)
                if (Status s = db.exec(QStringLiteral("DELETE FROM main.%1").arg(quoted(*t))); !s) return s;
            for (const QString& t : *tables)
                if (Status s = db.exec(QStringLiteral("INSERT INTO main.%1 SELECT * FROM snapshot.%1").arg(quoted(t))); !s)
                    return s;
            return {};
        }, std::move(notice));
    }
    (void)db.exec(QStringLiteral("DETACH DATABASE snapshot"));
    return status;
}

} // namespace warrant
