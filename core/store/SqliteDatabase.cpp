#include "store/SqliteDatabase.h"

#include <QFileInfo>
#include <QUrl>

#include <sqlite3.h>

namespace warrant {

SqliteDatabase::~SqliteDatabase() { close(); }

Status SqliteDatabase::open(const QString& path, bool readOnly) {
    return openWith(path, path, readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
}

Status SqliteDatabase::openImmutable(const QString& path) {
    const QByteArray encoded = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toEncoded();
    return openWith(QString::fromUtf8(encoded) + QStringLiteral("?immutable=1"), path, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
}

Status SqliteDatabase::openWith(const QString& name, const QString& path, int flags) {
    close();
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(name.toUtf8().constData(), &db, flags | SQLITE_OPEN_FULLMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("out of memory");
        sqlite3_close(db);
        return makeError(QStringLiteral("%1: cannot open (%2)").arg(path, message));
    }
    sqlite3_busy_timeout(db, 5000);
    sqlite3_extended_result_codes(db, 1);
    m_db = db;
    m_path = path;
    return {};
}

void SqliteDatabase::close() {
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

Status SqliteDatabase::exec(const QString& sql) {
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        const QString text = QString::fromUtf8(message ? message : sqlite3_errmsg(m_db));
        sqlite3_free(message);
        return makeError(text);
    }
    return {};
}

SqliteStatement SqliteDatabase::prepare(const QString& sql) {
    sqlite3_stmt* stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &stmt, nullptr) != SQLITE_OK) {
        qWarning("SQL prepare failed: %s in %s", sqlite3_errmsg(m_db), utf8.constData());
        return SqliteStatement(m_db, nullptr);
    }
    return SqliteStatement(m_db, stmt);
}

Result<qint64> SqliteDatabase::queryInt(const QString& sql) {
    SqliteStatement stmt = prepare(sql);
    if (!stmt.valid()) return makeError(lastError());
    if (!stmt.next()) return makeError(stmt.failed() ? stmt.error() : QStringLiteral("no row for: ") + sql);
    return stmt.int64(0);
}

qint64 SqliteDatabase::lastInsertId() const { return sqlite3_last_insert_rowid(m_db); }

int SqliteDatabase::changes() const { return sqlite3_changes(m_db); }

QString SqliteDatabase::lastError() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }

} // namespace warrant
