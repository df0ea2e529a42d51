#pragma once

#include "CorpusGenerator.h"
#include "Result.h"

#include <QHash>
#include <QString>

struct sqlite3;

namespace warrant {
class Project;
}

namespace warrant::bench {

// The baselines the Xapian index is compared with: SQLite FTS5 (porter tokenizer) and a naive
// LIKE '%word%' scan, over the same passages the index holds: they come from the index's own
// PassageLoader, so both are cut and coded alike.
class SqliteBaseline {
public:
    struct LoadFigures {
        qint64 passages = 0;
        qint64 textBytes = 0;   // UTF-8 bytes of passage text
        qint64 tableBytes = 0;  // the SQLite file after the plain passages table
    };
    struct FtsFigures {
        double seconds = 0;     // INSERT … SELECT into the FTS5 table + 'optimize'
        qint64 indexBytes = 0;  // growth of the SQLite file (FTS5 keeps its own copy of the text)
    };
    struct QueryOutcome {
        qint64 matches = 0;     // LIKE: all matching passages; FTS5: rows returned (≤ limit)
        int rows = 0;
        int snippetsWithMark = 0;
    };

    SqliteBaseline() = default;
    ~SqliteBaseline();
    SqliteBaseline(const SqliteBaseline&) = delete;
    SqliteBaseline& operator=(const SqliteBaseline&) = delete;

    // True when this SQLite has FTS5 (PRAGMA compile_options lists ENABLE_FTS5 or the module loads).
    static bool fts5Available(QString* detail);

    // Creates `databasePath` and fills the plain table `passages(id, source_id, start_pos,
    // participant, codes, text)` with the project's passages.
    Result<LoadFigures> load(Project& project, const QString& databasePath);
    Result<FtsFigures> buildFts5();

    // `limit` hits, each with a snippet, as SearchIndex::search does with snippets on.
    Result<QueryOutcome> fts5(const BenchQuery& query, int limit = 20);
    Result<QueryOutcome> like(const BenchQuery& query, int limit = 20);

    static QString fts5Expression(const BenchQuery& query, const QHash<QString, qint64>& codeIds);

private:
    Status exec(const char* sql);
    qint64 fileSize() const;

    sqlite3* m_db = nullptr;
    QString m_path;
    QHash<QString, qint64> m_codeIds; // code path → id
};

} // namespace warrant::bench
