#include "store/Migrator.h"

#include "store/SqliteDatabase.h"

#include <QFile>
#include <QFileInfo>

namespace warrant {

Migrator::Migrator(std::vector<Migration> migrations) : m_migrations(std::move(migrations)) {}

int Migrator::targetVersion() const { return m_migrations.empty() ? 0 : m_migrations.back().version; }

Result<QString> Migrator::migrate(SqliteDatabase& db, const QString& path) const {
    const QString name = QFileInfo(path).fileName();
    auto version = db.queryInt(QStringLiteral("PRAGMA user_version"));
    if (!version) return makeError(QStringLiteral("%1: %2").arg(name, version.errorMessage()));
    const int target = targetVersion();
    if (*version > target)
        return makeError(QStringLiteral("%1 was written by a newer Warrant (project format %2; this Warrant "
                                        "reads up to format %3). Open it with a newer Warrant.")
                             .arg(name)
                             .arg(*version)
                             .arg(target));
    if (*version == target) return QString();

    // A file that already holds data is copied before its first migration, so a failed or
    // unwanted upgrade can always be undone by hand.
    QString backup;
    if (*version > 0) {
        backup = QStringLiteral("%1.v%2.bak").arg(path).arg(*version);
        QFile::remove(backup);
        SqliteStatement copy = db.prepare(QStringLiteral("VACUUM INTO ?1"));
        copy.bind(1, backup);
        if (!copy.run())
            return makeError(QStringLiteral("%1: cannot write the backup %2 before upgrading (%3)")
                                 .arg(name, backup, copy.error()));
    }

    for (const Migration& step : m_migrations) {
        if (step.version <= *version) continue;
        if (Status s = db.exec(QStringLiteral("BEGIN IMMEDIATE")); !s) return s.error();
        Status applied = db.exec(step.sql);
        if (applied) applied = db.exec(QStringLiteral("PRAGMA user_version = %1").arg(step.version));
        if (!applied) {
            (void)db.exec(QStringLiteral("ROLLBACK"));
            return makeError(QStringLiteral("%1: upgrading to project format %2 failed (%3); the file is "
                                            "unchanged")
                                 .arg(name)
                                 .arg(step.version)
                                 .arg(applied.errorMessage()));
        }
        if (Status s = db.exec(QStringLiteral("COMMIT")); !s) return s.error();
    }
    return backup;
}

} // namespace warrant
