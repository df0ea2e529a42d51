#pragma once

#include "Result.h"
#include "store/SqliteStatement.h"

#include <QString>

struct sqlite3;

namespace warrant {

// Owns one sqlite3 connection. Thin on purpose: SQL stays visible at the call site.
class SqliteDatabase {
public:
    SqliteDatabase() = default;
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    Status open(const QString& path, bool readOnly);
    // Read-only, promising SQLite that nobody changes the file while it is open: the way to read
    // a WAL project whose folder cannot be written (no -shm file can be made).
    Status openImmutable(const QString& path);
    void close();
    bool isOpen() const { return m_db != nullptr; }

    // Executes one or more statements that return no rows.
    Status exec(const QString& sql);
    // Prepares one statement; an invalid statement reports its error through prepareError().
    SqliteStatement prepare(const QString& sql);
    Result<qint64> queryInt(const QString& sql);

    qint64 lastInsertId() const;
    int changes() const;
    QString lastError() const;
    QString path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

private:
    Status openWith(const QString& name, const QString& path, int flags);
    sqlite3* m_db = nullptr;
    QString m_path;
};

} // namespace warrant
