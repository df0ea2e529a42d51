#pragma once

#include "Result.h"

#include <QByteArray>

struct sqlite3_blob;

namespace warrant {

class SqliteDatabase;

// Reads byte ranges of one TEXT or BLOB column in place (SQLite's incremental blob I/O): a slice
// of a long transcript without loading the whole value. Moving to another row reuses the open
// handle, so reading many slices costs one statement. Keep it for one task, not for the
// lifetime of a connection: an open handle holds a read transaction.
class SqliteSliceReader {
  public:
    SqliteSliceReader(SqliteDatabase& db, const char* table, const char* column);
    ~SqliteSliceReader();
    SqliteSliceReader(const SqliteSliceReader&) = delete;
    SqliteSliceReader& operator=(const SqliteSliceReader&) = delete;

    // Bytes [offset, offset + length) of the row's value, clipped to the value.
    Result<QByteArray> read(qint64 rowid, qint64 offset, qint64 length);

  private:
    Error failure(qint64 rowid, int code) const;

    SqliteDatabase& m_db;
    const char* m_table;
    const char* m_column;
    sqlite3_blob* m_blob = nullptr;
};

} // namespace warrant
