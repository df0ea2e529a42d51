#include "SqliteBaseline.h"

#include "text/TextOffsets.h"

#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <map>
#include <set>
#include <vector>

namespace warrant::bench {

namespace {

// ---- A copy of search/src/PassageSplitter.cpp (private to warrant_search), so the baselines
// ---- index the same passages. Keep in step with it; the benchmark warns when counts differ.
int countWords(QStringView text) {
    int words = 0;
    bool in = false;
    for (QChar c : text) {
        const bool space = c.isSpace();
        if (!space && !in) ++words;
        in = !space;
    }
    return words;
}

std::vector<qsizetype> breaks(const QString& text, bool paragraphs) {
    std::vector<qsizetype> out;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (paragraphs) {
            if (text.at(i) == u'\n' && text.at(i + 1) == u'\n') out.push_back(i + 2);
        } else if ((text.at(i) == u'.' || text.at(i) == u'?' || text.at(i) == u'!') && text.at(i + 1).isSpace()) {
            out.push_back(i + 2);
        }
    }
    return out;
}

std::vector<std::pair<qsizetype, qsizetype>> splitPassages(const QString& text, qsizetype start, int targetWords = 300) {
    const TextOffsets offsets(text);
    const qsizetype length = offsets.codePointCount();
    if (countWords(text) <= targetWords * 3 / 2) return {{start, start + length}};
    std::vector<qsizetype> cuts = breaks(text, true);
    if (cuts.empty()) cuts = breaks(text, false);
    std::vector<std::pair<qsizetype, qsizetype>> pieces;
    qsizetype pieceStart = 0;
    for (qsizetype cut : cuts) {
        if (countWords(QStringView(text).mid(pieceStart, cut - pieceStart)) < targetWords) continue;
        const QString piece = text.mid(pieceStart, cut - pieceStart);
        if (countWords(piece) > targetWords * 2 && !breaks(piece, false).empty() && breaks(piece, true).empty()) {
            for (const auto& [a, b] : splitPassages(piece, 0, targetWords))
                pieces.emplace_back(offsets.codePointFromUtf16(pieceStart) + a, offsets.codePointFromUtf16(pieceStart) + b);
        } else {
            pieces.emplace_back(offsets.codePointFromUtf16(pieceStart), offsets.codePointFromUtf16(cut));
        }
        pieceStart = cut;
    }
    if (pieceStart < text.size()) {
        const qsizetype tailStart = offsets.codePointFromUtf16(pieceStart);
        if (!pieces.empty() && countWords(QStringView(text).mid(pieceStart)) < targetWords / 3) pieces.back().second = length;
        else pieces.emplace_back(tailStart, length);
    }
    for (auto& [a, b] : pieces) {
        a += start;
        b += start;
    }
    return pieces;
}
// ---- end of the copy

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

Result<SqliteBaseline::LoadFigures> SqliteBaseline::load(const QString& projectPath, const QString& databasePath) {
    sqlite3* project = nullptr;
    if (sqlite3_open_v2(projectPath.toUtf8().constData(), &project, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        Error e = sqlError(project, projectPath);
        sqlite3_close(project);
        return e;
    }
    struct Closer {
        sqlite3* db;
        ~Closer() { sqlite3_close(db); }
    } closeProject{project};

    QFile::remove(databasePath);
    m_path = databasePath;
    if (sqlite3_open(databasePath.toUtf8().constData(), &m_db) != SQLITE_OK) return sqlError(m_db, databasePath);
    if (Status s = exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                        "CREATE TABLE passages (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, start_pos INTEGER NOT NULL,"
                        " participant TEXT NOT NULL, codes TEXT NOT NULL, text TEXT NOT NULL)");
        !s)
        return s.error();

    // Codes with their ancestors (a code filter includes subcodes), and their paths.
    std::map<qint64, qint64> parent;
    std::map<qint64, QString> name;
    {
        Statement s(project, "SELECT id, ifnull(parent_id, 0), name FROM codes");
        if (!s.ok()) return sqlError(project, projectPath);
        while (s.step() == SQLITE_ROW) {
            parent[s.int64(0)] = s.int64(1);
            name[s.int64(0)] = s.text(2);
        }
    }
    m_codeIds.clear();
    for (const auto& [id, n] : name) {
        QString path = n;
        for (qint64 p = parent[id]; p; p = parent[p]) path = name[p] + u'/' + path;
        m_codeIds.insert(path, id);
    }
    std::map<qint64, QString> participants;
    {
        Statement s(project, "SELECT id, code FROM participants");
        while (s.step() == SQLITE_ROW) participants[s.int64(0)] = s.text(1);
    }
    struct Range {
        qint64 start, end, code;
    };
    std::map<qint64, std::vector<Range>> coded;
    {
        Statement s(project, "SELECT s.source_id, s.start_pos, s.end_pos, c.code_id FROM codings c JOIN segments s ON s.id = c.segment_id");
        if (!s.ok()) return sqlError(project, projectPath);
        while (s.step() == SQLITE_ROW) coded[s.int64(0)].push_back({s.int64(1), s.int64(2), s.int64(3)});
    }

    LoadFigures figures;
    if (Status s = exec("BEGIN"); !s) return s.error();
    Statement insert(m_db, "INSERT INTO passages (id, source_id, start_pos, participant, codes, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert.ok()) return sqlError(m_db, databasePath);
    Statement sources(project, "SELECT id, text FROM sources ORDER BY id");
    Statement turns(project, "SELECT turn_number, start_pos, end_pos, ifnull(participant_id, 0), is_interviewer FROM turns "
                             "WHERE source_id = ?1 ORDER BY turn_number");
    if (!sources.ok() || !turns.ok()) return sqlError(project, projectPath);
    qint64 nextId = 1;
    while (sources.step() == SQLITE_ROW) {
        const qint64 sourceId = sources.int64(0);
        const QString text = sources.text(1);
        const TextOffsets offsets(text);
        const auto slice = [&](qsizetype a, qsizetype b) {
            const qsizetype u = offsets.utf16FromCodePoint(a);
            return text.mid(u, offsets.utf16FromCodePoint(b) - u);
        };
        struct Unit {
            qint64 start, end, participant;
            bool interviewer;
        };
        std::vector<Unit> units;
        turns.bind(1, sourceId);
        while (turns.step() == SQLITE_ROW) units.push_back({turns.int64(1), turns.int64(2), turns.int64(3), turns.int64(4) != 0});
        turns.reset();
        if (units.empty()) units.push_back({0, offsets.codePointCount(), 0, false});
        const std::vector<Range>& ranges = coded[sourceId];
        for (const Unit& unit : units) {
            for (const auto& [a, b] : splitPassages(slice(unit.start, unit.end), unit.start)) {
                const QString passage = slice(a, b);
                if (passage.trimmed().isEmpty()) continue;
                std::set<qint64> codes;
                for (const Range& r : ranges) {
                    if (r.start >= b || a >= r.end) continue;
                    for (qint64 c = r.code; c; c = parent[c]) codes.insert(c);
                }
                QString codeText = QStringLiteral(" ");
                for (qint64 c : codes) codeText += QStringLiteral("c%1 ").arg(c);
                const QString who = unit.interviewer ? QString() : participants[unit.participant];
                insert.bind(1, nextId++);
                insert.bind(2, sourceId);
                insert.bind(3, qint64(a));
                insert.bind(4, who);
                insert.bind(5, codeText);
                const QByteArray utf8 = passage.toUtf8();
                sqlite3_bind_text(insert.get(), 6, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
                if (insert.step() != SQLITE_DONE) return sqlError(m_db, databasePath);
                insert.reset();
                ++figures.passages;
                figures.textBytes += utf8.size();
            }
        }
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
