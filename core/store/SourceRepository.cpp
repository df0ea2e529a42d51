#include "store/SourceRepository.h"

#include "store/ParticipantRepository.h"
#include "store/Project.h"

#include <QCollator>
#include <QHash>
#include <QDateTime>

#include <algorithm>

namespace warrant {

namespace {

const char* const kSourceColumns =
    "id, title, kind, original_name, format, sha256, ifnull(participant_id, 0), imported_at";

Source readSource(const SqliteStatement& row, bool withText) {
    Source s;
    s.id = row.int64(0);
    s.title = row.text(1);
    parseSourceKind(row.text(2), &s.kind);
    s.originalName = row.text(3);
    s.format = row.text(4);
    s.sha256 = row.text(5);
    s.participantId = row.int64(6);
    s.importedAt = QDateTime::fromString(row.text(7), Qt::ISODateWithMs);
    if (withText) s.text = row.text(8);
    return s;
}

Turn readTurn(const SqliteStatement& row) {
    Turn t;
    t.id = row.int64(0);
    t.sourceId = row.int64(1);
    t.number = int(row.int64(2));
    t.start = row.int64(3);
    t.end = row.int64(4);
    t.speakerLabel = row.text(5);
    t.participantId = row.int64(6);
    t.isInterviewer = row.int64(7) != 0;
    t.mediaTimeMs = row.optionalInt64(8);
    return t;
}

const char* const kTurnColumns = "id, source_id, turn_number, start_pos, end_pos, speaker_label, "
                                 "ifnull(participant_id, 0), is_interviewer, media_ms";

} // namespace

Result<qint64> SourceRepository::add(const ImportedDocument& doc, SourceKind kind, const QString& originalName,
                                     const QString& sha256) {
    SqliteDatabase& db = m_project.db();
    ParticipantRepository participants(m_project);
    qint64 sourceParticipant = 0;
    if (!doc.participantCode.isEmpty()) {
        auto id = participants.ensure(doc.participantCode);
        if (!id) return id.error();
        sourceParticipant = *id;
    }
    SqliteStatement insert = db.prepare(QStringLiteral(
        "INSERT INTO sources(title, kind, original_name, format, sha256, text, participant_id, imported_at) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
    insert.bind(1, doc.title).bind(2, sourceKindName(kind)).bind(3, originalName).bind(4, doc.format);
    insert.bind(5, sha256).bind(6, doc.text).bind(8, Project::nowText());
    if (sourceParticipant) insert.bind(7, sourceParticipant);
    else insert.bindNull(7);
    if (!insert.run()) return makeError(QStringLiteral("%1: %2").arg(originalName, insert.error()));
    const qint64 sourceId = db.lastInsertId();

    SqliteStatement header =
        db.prepare(QStringLiteral("INSERT INTO source_header(source_id, position, key, value) VALUES(?1, ?2, ?3, ?4)"));
    int position = 0;
    for (const auto& [key, value] : doc.header) {
        header.reset();
        header.bind(1, sourceId).bind(2, position++).bind(3, key).bind(4, value);
        if (!header.run()) return makeError(QStringLiteral("%1: %2").arg(originalName, header.error()));
    }

    SqliteStatement turn = db.prepare(QStringLiteral(
        "INSERT INTO turns(source_id, turn_number, start_pos, end_pos, speaker_label, participant_id, "
        "is_interviewer, media_ms) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
    int number = 0;
    QHash<QString, qint64> participantIds;
    for (const ImportedTurn& t : doc.turns) {
        qint64 participantId = 0;
        if (!t.isInterviewer) {
            // The importer names the speaker; documents built by hand may leave it to the label.
            QString code = t.participantCode;
            if (code.isEmpty())
                code = t.speakerLabel.isEmpty() || t.speakerLabel == QStringLiteral("A") ? doc.participantCode : t.speakerLabel;
            if (!code.isEmpty()) {
                // One lookup per speaker, not per turn: a transcript repeats the same one or two.
                auto known = participantIds.find(code);
                if (known == participantIds.end()) {
                    auto id = participants.ensure(code);
                    if (!id) return id.error();
                    known = participantIds.insert(code, *id);
                }
                participantId = *known;
            }
        }
        turn.reset();
        turn.bind(1, sourceId).bind(2, ++number).bind(3, qint64(t.start)).bind(4, qint64(t.end));
        turn.bind(5, t.speakerLabel).bind(7, t.isInterviewer ? 1 : 0).bind(8, t.mediaTimeMs);
        if (participantId) turn.bind(6, participantId);
        else turn.bindNull(6);
        if (!turn.run()) return makeError(QStringLiteral("%1: turn %2: %3").arg(originalName).arg(number).arg(turn.error()));
    }
    return sourceId;
}

Result<std::vector<Source>> SourceRepository::list(bool withText) {
    std::vector<Source> all;
    SqliteStatement rows = m_project.db().prepare(
        QStringLiteral("SELECT %1%2 FROM sources ORDER BY kind, title COLLATE NOCASE")
            .arg(QString::fromLatin1(kSourceColumns), withText ? QStringLiteral(", text") : QString()));
    while (rows.next()) all.push_back(readSource(rows, withText));
    if (rows.failed()) return makeError(rows.error());
    // Transcripts first, then documents and manuscripts; titles in natural order (R2 before R10).
    QCollator natural;
    natural.setNumericMode(true);
    natural.setCaseSensitivity(Qt::CaseInsensitive);
    std::stable_sort(all.begin(), all.end(), [&](const Source& a, const Source& b) {
        if (a.kind != b.kind) return int(a.kind) < int(b.kind);
        return natural.compare(a.title, b.title) < 0;
    });
    return all;
}

Result<std::optional<Source>> SourceRepository::get(qint64 id) {
    SqliteDatabase& db = m_project.db();
    SqliteStatement row =
        db.prepare(QStringLiteral("SELECT %1, text FROM sources WHERE id = ?1").arg(QString::fromLatin1(kSourceColumns)));
    row.bind(1, id);
    if (!row.next()) {
        if (row.failed()) return makeError(row.error());
        return std::optional<Source>();
    }
    Source s = readSource(row, true);
    SqliteStatement header =
        db.prepare(QStringLiteral("SELECT key, value FROM source_header WHERE source_id = ?1 ORDER BY position"));
    header.bind(1, id);
    while (header.next()) s.header.emplace_back(header.text(0), header.text(1));
    return std::optional<Source>(s);
}

Result<std::optional<Source>> SourceRepository::findBySha256(const QString& sha256) {
    SqliteStatement row = m_project.db().prepare(QStringLiteral("SELECT id FROM sources WHERE sha256 = ?1"));
    row.bind(1, sha256);
    if (!row.next()) {
        if (row.failed()) return makeError(row.error());
        return std::optional<Source>();
    }
    return get(row.int64(0));
}

Result<QStringList> SourceRepository::evidenceTextsContaining(const QString& fragment, int limit) {
    QString pattern = fragment;
    pattern.replace(u'\\', QStringLiteral("\\\\")).replace(u'%', QStringLiteral("\\%")).replace(u'_', QStringLiteral("\\_"));
    SqliteStatement rows = m_project.db().prepare(QStringLiteral(
        "SELECT text FROM sources WHERE kind <> 'manuscript' AND text LIKE ?1 ESCAPE '\\' LIMIT ?2"));
    rows.bind(1, QStringLiteral("%") + pattern + QStringLiteral("%")).bind(2, limit);
    QStringList texts;
    while (rows.next()) texts << rows.text(0);
    if (rows.failed()) return makeError(rows.error());
    return texts;
}

Result<std::optional<Source>> SourceRepository::findByName(const QString& name) {
    SqliteStatement row = m_project.db().prepare(QStringLiteral(
        "SELECT id FROM sources WHERE title = ?1 COLLATE NOCASE OR original_name = ?1 COLLATE NOCASE "
        "ORDER BY title = ?1 COLLATE NOCASE DESC, id LIMIT 1"));
    row.bind(1, name);
    if (!row.next()) {
        if (row.failed()) return makeError(row.error());
        return std::optional<Source>();
    }
    return get(row.int64(0));
}

Result<std::vector<Turn>> SourceRepository::turns(qint64 sourceId) {
    std::vector<Turn> all;
    SqliteStatement rows = m_project.db().prepare(
        QStringLiteral("SELECT %1 FROM turns WHERE source_id = ?1 ORDER BY turn_number").arg(QString::fromLatin1(kTurnColumns)));
    rows.bind(1, sourceId);
    while (rows.next()) all.push_back(readTurn(rows));
    if (rows.failed()) return makeError(rows.error());
    return all;
}

Result<std::optional<Turn>> SourceRepository::turn(qint64 sourceId, int number) {
    SqliteStatement row = m_project.db().prepare(
        QStringLiteral("SELECT %1 FROM turns WHERE source_id = ?1 AND turn_number = ?2").arg(QString::fromLatin1(kTurnColumns)));
    row.bind(1, sourceId).bind(2, number);
    if (row.next()) return std::optional<Turn>(readTurn(row));
    if (row.failed()) return makeError(row.error());
    return std::optional<Turn>();
}

Result<std::optional<Turn>> SourceRepository::turnAt(qint64 sourceId, qsizetype offset) {
    SqliteStatement row = m_project.db().prepare(
        QStringLiteral("SELECT %1 FROM turns WHERE source_id = ?1 AND start_pos <= ?2 AND ?2 < end_pos "
                       "ORDER BY turn_number LIMIT 1")
            .arg(QString::fromLatin1(kTurnColumns)));
    row.bind(1, sourceId).bind(2, qint64(offset));
    if (row.next()) return std::optional<Turn>(readTurn(row));
    if (row.failed()) return makeError(row.error());
    return std::optional<Turn>();
}

Result<std::vector<Turn>> SourceRepository::turnsOfParticipant(qint64 participantId) {
    std::vector<Turn> all;
    SqliteStatement rows = m_project.db().prepare(
        QStringLiteral("SELECT %1 FROM turns WHERE participant_id = ?1 ORDER BY source_id, turn_number")
            .arg(QString::fromLatin1(kTurnColumns)));
    rows.bind(1, participantId);
    while (rows.next()) all.push_back(readTurn(rows));
    if (rows.failed()) return makeError(rows.error());
    return all;
}

} // namespace warrant
