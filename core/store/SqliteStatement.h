#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace warrant {

// A prepared statement, finalised on destruction. Binding indices start at 1 as in SQLite.
class SqliteStatement {
public:
    SqliteStatement() = default;
    SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
    ~SqliteStatement();
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&& other) noexcept;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    bool valid() const { return m_stmt != nullptr; }

    SqliteStatement& bind(int index, qint64 value);
    SqliteStatement& bind(int index, int value) { return bind(index, qint64(value)); }
    SqliteStatement& bind(int index, const QString& value);
    SqliteStatement& bind(int index, const char* value) { return bind(index, QString::fromUtf8(value)); }
    SqliteStatement& bind(int index, const QByteArray& blob);
    SqliteStatement& bind(int index, std::optional<qint64> value);
    SqliteStatement& bindNull(int index);

    // Steps once. Returns true while a row is available; false when done. Errors are kept
    // and reported by error(); a failed step also returns false.
    bool next();
    // Runs a statement that returns no rows. Returns false on error.
    bool run();
    void reset();

    qint64 int64(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    bool isNull(int column) const;
    std::optional<qint64> optionalInt64(int column) const;

    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    QString m_error;
};

} // namespace warrant
