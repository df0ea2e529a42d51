#include "SqliteBaseline.h"

#include "IndexCatalog.h"
#include "PassageLoader.h"

#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <map>
#include <set>
#include <vector>

namespace warrant::bench {

namespace {

class Statement {
public:
    Statement(sqlite3* db, const char* sql) { m_rc = sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr); }
    ~Statement() { sqlite3_finalize(m_stmt); }
    bool ok() const { return m_rc == SQLITE_OK; }
    sqlite3_stmt* get() const { return m_stmt; }
    void bind(int i, const QString& v) { sqlite3_bind_text(m_stmt, i, v.toUtf8().constData(), -1, SQLITE_TRANSIENT); }
    void bind(int i, qint64 v) { sqlite3_bind_int64(m_stmt, i, v); }
    int step() { return sqlite3_step(m_stmt); }
    void reset() {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    qint64 int64(int c) const { return sqlite3_column_int64(m_stmt, c); }
    QString text(int c) const {
        return QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, c)), sqlite3_column_bytes(m_stmt, c));
    }
    bool isNull(int c) const { return sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }

private:
    sqlite3_stmt* m_stmt = nullptr;
    int m_rc = SQLITE_OK;
};

Error sqlError(sqlite3* db, const QString& what) {
    return makeError(QStringLiteral("%1: %2").arg(what, QString::fromUtf8(sqlite3_errmsg(db))));
}

QString likePattern(const QString& words) {
    QString p = words;
    p.replace(u'\\', QStringLiteral("\\\\")).replace(u'%', QStringLiteral("\\%")).replace(u'_', QStringLiteral("\\_"));
    return u'%' + p + u'%';
}

QString quoteFts(const QString& s) {
    QString q = s;
    q.replace(u'"', QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

} // namespace

SqliteBaseline::~SqliteBaseline() {
    if (m_db) sqlite3_close(m_db);
}

bool SqliteBaseline::fts5Available(QString* detail) {
    sqlite3* db = nullptr;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
        if (detail) *detail = QStringLiteral("cannot open an in-memory SQLite database");
        sqlite3_close(db);
        return false;
    }
    bool listed = false;
    {
        Statement s(db, "PRAGMA compile_options");
        while (s.ok() && s.step() == SQLITE_ROW)
            if (s.text(0) == QStringLiteral("ENABLE_FTS5")) listed = true;
    }
    const bool loads = sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x)", nullptr, nullptr, nullptr) == SQLITE_OK;
    if (detail)
        *detail = QStringLiteral("SQLite %1: %2").arg(QString::fromLatin1(sqlite3_libversion()),
                                                       loads ? (listed ? QStringLiteral("ENABLE_FTS5 in PRAGMA compile_options")
                                                                       : QStringLiteral("FTS5 module present"))
                                                             : QStringLiteral("no FTS5 (ENABLE_FTS5 not in PRAGMA compile_options)"));
    sqlite3_close(db);
    return loads;
}

Status SqliteBaseline::exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const QString m = QString::fromUtf8(message ? message : "error");
        sqlite3_free(message);
        return makeError(QStringLiteral("%1: %2 (%3)").arg(m_path, m, QString::fromLatin1(sql).left(60)));
    }
    return {};
}

qint64 SqliteBaseline::fileSize() const { return QFileInfo(m_path).size(); }

Result<SqliteBaseline::LoadFigures> SqliteBaseline::load(Project& project, const QString& databasePath) {
    QFile::remove(databasePath);
    m_path = databasePath;
    if (sqlite3_open(databasePath.toUtf8().constData(), &m_db) != SQLITE_OK) return sqlError(m_db, databasePath);
    if (Status s = exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                        "CREATE TABLE passages (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, start_pos INTEGER NOT NULL,"
                        " participant TEXT NOT NULL, codes TEXT NOT NULL, text TEXT NOT NULL)");
        !s)
        return s.error();

    // The passages exactly as the index cuts them, with their codes and the codes' ancestors.
    auto catalog = IndexCatalog::load(project);
    if (!catalog) return catalog.error();
    m_codeIds.clear();
    for (const auto& [id, code] : catalog->codes) m_codeIds.insert(code.path, id);
    auto passages = PassageLoader(project, *catalog).load();
    if (!passages) return passages.error();

    LoadFigures figures;
    if (Status s = exec("BEGIN"); !s) return s.error();
    Statement insert(m_db, "INSERT INTO passages (id, source_id, start_pos, participant, codes, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert.ok()) return sqlError(m_db, databasePath);
    qint64 nextId = 1;
    for (const Passage& p : *passages) {
        QString codeText = QStringLiteral(" ");
        for (qint64 c : p.codeIds) codeText += QStringLiteral("c%1 ").arg(c);
        auto who = catalog->participants.find(p.participantId);
        insert.bind(1, nextId++);
        insert.bind(2, p.sourceId);
        insert.bind(3, qint64(p.start));
        insert.bind(4, p.interviewer || who == catalog->participants.end() ? QString() : who->second.code);
        insert.bind(5, codeText);
        const QByteArray utf8 = p.text.toUtf8();
        sqlite3_bind_text(insert.get(), 6, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        if (insert.step() != SQLITE_DONE) return sqlError(m_db, databasePath);
        insert.reset();
        ++figures.passages;
        figures.textBytes += utf8.size();
    }
    if (Status s = exec("COMMIT; PRAGMA wal_checkpoint(TRUNCATE)"); !s) return s.error();
    figures.tableBytes = fileSize();
    return figures;
}

Result<SqliteBaseline::FtsFigures> SqliteBaseline::buildFts5() {
    const qint64 before = fileSize();
    const auto t0 = std::chrono::steady_clock::now();
    if (Status s = exec("BEGIN;"
                        "CREATE VIRTUAL TABLE fts USING fts5(participant, codes, text, tokenize = 'porter unicode61');"
                        "INSERT INTO fts (rowid, participant, codes, text) SELECT id, participant, codes, text FROM passages;"
                        "INSERT INTO fts (fts) VALUES ('optimize');"
                        "COMMIT;"
                        "PRAGMA wal_checkpoint(TRUNCATE)");
        !s)
        return s.error();
    FtsFigures f;
    f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    f.indexBytes = fileSize() - before;
    return f;
}

QString SqliteBaseline::fts5Expression(const BenchQuery& q, const QHash<QString, qint64>& codeIds) {
    const QString w1 = QStringLiteral("text : ") + quoteFts(q.word1);
    switch (q.kind) {
    case QueryKind::Single: return w1;
    case QueryKind::Phrase: return QStringLiteral("text : ") + quoteFts(q.word1 + u' ' + q.word2);
    case QueryKind::And: return w1 + QStringLiteral(" AND text : ") + quoteFts(q.word2);
    case QueryKind::Participant: return QStringLiteral("participant : ") + quoteFts(q.participant) + QStringLiteral(" AND ") + w1;
    case QueryKind::Code:
        return QStringLiteral("codes : ") + quoteFts(QStringLiteral("c%1").arg(codeIds.value(q.codePath, -1))) +
               QStringLiteral(" AND ") + w1;
    }
    return w1;
}

Result<SqliteBaseline::QueryOutcome> SqliteBaseline::fts5(const BenchQuery& query, int limit) {
    Statement s(m_db, "SELECT rowid, participant, text, snippet(fts, 2, '\u00AB', '\u00BB', '\u2026', 24) FROM fts "
                      "WHERE fts MATCH ?1 ORDER BY rank LIMIT ?2");
    if (!s.ok()) return sqlError(m_db, m_path);
    s.bind(1, fts5Expression(query, m_codeIds));
    s.bind(2, qint64(limit));
    QueryOutcome out;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        const QString text = s.text(2);
        const QString snippet = s.text(3);
        ++out.rows;
        if (snippet.contains(u'\u00AB') && !text.isEmpty()) ++out.snippetsWithMark;
    }
    if (rc != SQLITE_DONE) return sqlError(m_db, m_path);
    out.matches = out.rows;
    return out;
}

Result<SqliteBaseline::QueryOutcome> SqliteBaseline::like(const BenchQuery& query, int limit) {
    QByteArray sql = "SELECT id, text FROM passages WHERE ";
    switch (query.kind) {
    case QueryKind::Single:
    case QueryKind::Phrase: sql += "text LIKE ?1 ESCAPE '\\'"; break;
    case QueryKind::And: sql += "text LIKE ?1 ESCAPE '\\' AND text LIKE ?2 ESCAPE '\\'"; break;
    case QueryKind::Participant: sql += "participant = ?2 AND text LIKE ?1 ESCAPE '\\'"; break;
    case QueryKind::Code: sql += "codes LIKE ?2 AND text LIKE ?1 ESCAPE '\\'"; break;
    }
    Statement s(m_db, sql.constData());
    if (!s.ok()) return sqlError(m_db, m_path);
    const QString first = query.kind == QueryKind::Phrase ? query.word1 + u' ' + query.word2 : query.word1;
    s.bind(1, likePattern(first));
    if (query.kind == QueryKind::And) s.bind(2, likePattern(query.word2));
    if (query.kind == QueryKind::Participant) s.bind(2, query.participant);
    if (query.kind == QueryKind::Code) s.bind(2, QStringLiteral("% c%1 %").arg(m_codeIds.value(query.codePath, -1)));
    QueryOutcome out;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        ++out.matches;
        if (out.rows >= limit) continue;
        // A snippet as a naive implementation would make one: the first match with context.
        const QString text = s.text(1);
        const qsizetype at = text.indexOf(first, 0, Qt::CaseInsensitive);
        if (at >= 0) {
            const qsizetype from = std::max<qsizetype>(0, at - 60);
            const QString snippet = text.mid(from, at - from) + u'\u00AB' + text.mid(at, first.size()) + u'\u00BB' +
                                    text.mid(at + first.size(), 60);
            if (!snippet.isEmpty()) ++out.snippetsWithMark;
        }
        ++out.rows;
    }
    if (rc != SQLITE_DONE) return sqlError(m_db, m_path);
    return out;
}

} // namespace warrant::bench
