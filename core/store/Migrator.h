#pragma once

#include "Result.h"
#include "store/Schema.h"

#include <vector>

namespace warrant {

class SqliteDatabase;

// Brings a project file up to the newest schema version, one migration per transaction,
// after copying the file aside. A file from a newer Warrant is refused untouched.
class Migrator {
public:
    explicit Migrator(std::vector<Migration> migrations = schema::migrations());

    // `displayName` names the file in messages. Returns the path of the backup, if one was made.
    Result<QString> migrate(SqliteDatabase& db, const QString& path) const;

    int targetVersion() const;

private:
    std::vector<Migration> m_migrations;
};

} // namespace warrant
