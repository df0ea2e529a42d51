#include "store/SqliteSliceReader.h"

#include "store/SqliteDatabase.h"

#include <algorithm>
#include <sqlite3.h>

namespace warrant {

SqliteSliceReader::SqliteSliceReader(SqliteDatabase& db, const char* table, const char* column)
    : m_db(db), m_table(table), m_column(column) {}

SqliteSliceReader::~SqliteSliceReader() {
    sqlite3_blob_close(m_blob);
}

Error SqliteSliceReader::failure(qint64 rowid, int code) const {
    return makeError(QStringLiteral("%1.%2 row %3: %4")
                         .arg(QLatin1String(m_table), QLatin1String(m_column))
                         .arg(rowid)
                         .arg(QString::fromUtf8(sqlite3_errstr(code))));
}

Result<QByteArray> SqliteSliceReader::read(qint64 rowid, qint64 offset, qint64 length) {
    int rc = SQLITE_OK;
    if (m_blob) rc = sqlite3_blob_reopen(m_blob, rowid);
    if (!m_blob || rc != SQLITE_OK) {
        // After a failed reopen the handle is unusable: start afresh.
        sqlite3_blob_close(m_blob);
        m_blob = nullptr;
        rc = sqlite3_blob_open(m_db.handle(), "main", m_table, m_column, rowid, 0, &m_blob);
        if (rc != SQLITE_OK) {
            sqlite3_blob_close(m_blob);
            m_blob = nullptr;
            return failure(rowid, rc);
        }
    }
    const qint64 size = sqlite3_blob_bytes(m_blob);
    const qint64 from = std::clamp<qint64>(offset, 0, size);
    const qint64 count = std::clamp<qint64>(length, 0, size - from);
    QByteArray bytes(qsizetype(count), Qt::Uninitialized);
    if (count) rc = sqlite3_blob_read(m_blob, bytes.data(), int(count), int(from));
    if (rc != SQLITE_OK) return failure(rowid, rc);
    return bytes;
}

} // namespace warrant
