#include "store/AnalysisRepository.h"

#include "store/Project.h"
#include "store/SqliteStatement.h"

#include <QStringList>

namespace warrant {

namespace {

int countWords(const QString& text) {
    int words = 0;
    bool inWord = false;
    for (QChar c : text) {
        const bool space = c.isSpace();
        if (!space && !inWord) ++words;
        inWord = !space;
    }
    return words;
}

} // namespace

// Rows of a table, so the result vectors are sized once (a million turns would be copied on
// every growth); 0 when it cannot be read, which only costs the reservation.
qint64 AnalysisRepository::count(const QString& table) {
    SqliteStatement rows = m_project.db().prepare(QStringLiteral("SELECT count(*) FROM %1").arg(table));
    return rows.valid() && rows.next() ? rows.int64(0) : 0;
}

Result<std::vector<AnalysisCodeRow>> AnalysisRepository::codes() {
    SqliteStatement rows = m_project.db().prepare(
        QStringLiteral("SELECT id, ifnull(parent_id, 0), name, position FROM codes ORDER BY position, id"));
    if (!rows.valid()) return makeError(m_project.db().lastError());
    std::vector<AnalysisCodeRow> out;
    while (rows.next()) out.push_back({rows.int64(0), rows.int64(1), rows.text(2), int(rows.int64(3))});
    return out;
}

Result<std::vector<AnalysisSourceRow>> AnalysisRepository::sources() {
    // The texts are not read here: a large project's texts are hundreds of megabytes.
    SqliteStatement rows = m_project.db().prepare(QStringLiteral(
        "SELECT s.id, s.title, s.kind, ifnull(s.participant_id, 0), 0, "
        "ifnull((SELECT h.value FROM source_header h WHERE h.source_id = s.id AND h.key = 'Date' COLLATE NOCASE "
        "ORDER BY h.position LIMIT 1), ''), s.imported_at FROM sources s ORDER BY s.id"));
    if (!rows.valid()) return makeError(m_project.db().lastError());
    std::vector<AnalysisSourceRow> out;
    while (rows.next())
        out.push_back({rows.int64(0), rows.text(1), rows.text(2), rows.int64(3), rows.text(5), rows.text(6)});
    return out;
}

Result<std::vector<AnalysisTurnRow>> AnalysisRepository::turns() {
    SqliteStatement rows = m_project.db().prepare(QStringLiteral(
        "SELECT id, source_id, turn_number, start_pos, end_pos, ifnull(participant_id, 0), is_interviewer "
        "FROM turns ORDER BY source_id, start_pos, turn_number"));
    if (!rows.valid()) return makeError(m_project.db().lastError());
    std::vector<AnalysisTurnRow> out;
    out.reserve(size_t(count(QStringLiteral("turns"))));
    while (rows.next())
        out.push_back({rows.int64(0), rows.int64(1), int(rows.int64(2)), rows.int64(3), rows.int64(4), rows.int64(5),
                       rows.int64(6) != 0});
    return out;
}

Result<std::vector<AnalysisCodingRow>> AnalysisRepository::codings() {
    SqliteStatement rows = m_project.db().prepare(QStringLiteral(
        "SELECT c.id, s.id, s.source_id, s.start_pos, s.end_pos, c.code_id, c.coder_id "
        "FROM codings c JOIN segments s ON s.id = c.segment_id "
        "ORDER BY s.source_id, s.start_pos, s.end_pos, c.code_id, c.coder_id"));
    if (!rows.valid()) return makeError(m_project.db().lastError());
    std::vector<AnalysisCodingRow> out;
    out.reserve(size_t(count(QStringLiteral("codings"))));
    while (rows.next())
        out.push_back({rows.int64(0), rows.int64(1), rows.int64(2), rows.int64(3), rows.int64(4), rows.int64(5), rows.int64(6)});
    return out;
}

Result<std::vector<AnalysisParticipantRow>> AnalysisRepository::participants() {
    SqliteStatement rows = m_project.db().prepare(QStringLiteral("SELECT id, code FROM participants ORDER BY id"));
    if (!rows.valid()) return makeError(m_project.db().lastError());
    std::vector<AnalysisParticipantRow> out;
    QHash<qint64, size_t> at;
    while (rows.next()) {
        at.insert(rows.int64(0), out.size());
        out.push_back({rows.int64(0), rows.text(1), {}});
    }
    SqliteStatement values = m_project.db().prepare(QStringLiteral(
        "SELECT pa.participant_id, a.name, pa.value FROM participant_attributes pa JOIN attributes a ON a.id = pa.attribute_id"));
    if (!values.valid()) return makeError(m_project.db().lastError());
    while (values.next())
        if (auto it = at.constFind(values.int64(0)); it != at.constEnd())
            out[*it].attributes.insert(values.text(1).toCaseFolded(), values.text(2));
    return out;
}

Result<QHash<qint64, QString>> AnalysisRepository::coders() {
    SqliteStatement rows = m_project.db().prepare(QStringLiteral("SELECT id, name FROM coders"));
    if (!rows.valid()) return makeError(m_project.db().lastError());
    QHash<qint64, QString> out;
    while (rows.next()) out.insert(rows.int64(0), rows.text(1));
    return out;
}

Result<QHash<qint64, int>> AnalysisRepository::segmentWords() {
    SqliteStatement rows = m_project.db().prepare(QStringLiteral("SELECT id, text FROM segments"));
    if (!rows.valid()) return makeError(m_project.db().lastError());
    QHash<qint64, int> out;
    while (rows.next()) out.insert(rows.int64(0), countWords(rows.text(1)));
    return out;
}

Result<QHash<qint64, qint64>> AnalysisRepository::lengths(const std::vector<qint64>& sourceIds) {
    QHash<qint64, qint64> out;
    // length() of SQLite TEXT counts characters, the unit every offset uses.
    SqliteStatement rows = m_project.db().prepare(QStringLiteral("SELECT length(text) FROM sources WHERE id = ?1"));
    if (!rows.valid()) return makeError(m_project.db().lastError());
    for (qint64 id : sourceIds) {
        rows.reset();
        rows.bind(1, id);
        if (rows.next()) out.insert(id, rows.int64(0));
    }
    return out;
}

Result<QHash<qint64, QString>> AnalysisRepository::texts(const std::vector<qint64>& sourceIds) {
    QHash<qint64, QString> out;
    SqliteStatement rows = m_project.db().prepare(QStringLiteral("SELECT text FROM sources WHERE id = ?1"));
    if (!rows.valid()) return makeError(m_project.db().lastError());
    for (qint64 id : sourceIds) {
        rows.reset();
        rows.bind(1, id);
        if (rows.next()) out.insert(id, rows.text(0));
    }
    return out;
}

} // namespace warrant
