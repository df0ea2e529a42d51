#include "store/ParticipantRepository.h"

#include "store/Project.h"

#include <map>

namespace warrant {

namespace {

Participant readParticipant(const SqliteStatement& row) {
    Participant p;
    p.id = row.int64(0);
    p.code = row.text(1);
    p.displayName = row.text(2);
    return p;
}

} // namespace

Result<std::vector<Participant>> ParticipantRepository::list() {
    SqliteDatabase& db = m_project.db();
    std::vector<Participant> all;
    std::map<qint64, size_t> index;
    SqliteStatement rows = db.prepare(QStringLiteral("SELECT id, code, display_name FROM participants ORDER BY id"));
    while (rows.next()) {
        index[rows.int64(0)] = all.size();
        all.push_back(readParticipant(rows));
    }
    if (rows.failed()) return makeError(rows.error());
    SqliteStatement attrs = db.prepare(QStringLiteral(
        "SELECT pa.participant_id, a.name, a.type, pa.value FROM participant_attributes pa "
        "JOIN attributes a ON a.id = pa.attribute_id ORDER BY a.id"));
    while (attrs.next()) {
        auto it = index.find(attrs.int64(0));
        if (it != index.end()) all[it->second].attributes.push_back({attrs.text(1), attrs.text(2), attrs.text(3)});
    }
    if (attrs.failed()) return makeError(attrs.error());
    return all;
}

Result<std::optional<Participant>> ParticipantRepository::findByCode(const QString& code) {
    SqliteStatement row = m_project.db().prepare(QStringLiteral(
        "SELECT id FROM participants WHERE code = ?1 COLLATE NOCASE ORDER BY code = ?1 DESC LIMIT 1"));
    row.bind(1, code.trimmed());
    if (!row.next()) {
        if (row.failed()) return makeError(row.error());
        return std::optional<Participant>();
    }
    return findById(row.int64(0));
}

Result<std::optional<Participant>> ParticipantRepository::findById(qint64 id) {
    SqliteDatabase& db = m_project.db();
    SqliteStatement row = db.prepare(QStringLiteral("SELECT id, code, display_name FROM participants WHERE id = ?1"));
    row.bind(1, id);
    if (!row.next()) {
        if (row.failed()) return makeError(row.error());
        return std::optional<Participant>();
    }
    Participant p = readParticipant(row);
    SqliteStatement attrs = db.prepare(QStringLiteral(
        "SELECT a.name, a.type, pa.value FROM participant_attributes pa JOIN attributes a ON a.id = "
        "pa.attribute_id WHERE pa.participant_id = ?1 ORDER BY a.id"));
    attrs.bind(1, id);
    while (attrs.next()) p.attributes.push_back({attrs.text(0), attrs.text(1), attrs.text(2)});
    return std::optional<Participant>(p);
}

Result<qint64> ParticipantRepository::ensure(const QString& code) {
    const QString trimmed = code.trimmed();
    if (trimmed.isEmpty()) return makeError(QStringLiteral("a participant code cannot be empty"));
    auto found = findByCode(trimmed);
    if (!found) return found.error();
    if (found->has_value()) return (*found)->id;
    SqliteStatement insert = m_project.db().prepare(QStringLiteral("INSERT INTO participants(code) VALUES(?1)"));
    insert.bind(1, trimmed);
    if (!insert.run()) return makeError(QStringLiteral("participant %1: %2").arg(trimmed, insert.error()));
    return m_project.db().lastInsertId();
}

Status ParticipantRepository::writeAttribute(qint64 participantId, const ParticipantAttribute& attribute) {
    SqliteDatabase& db = m_project.db();
    SqliteStatement find = db.prepare(QStringLiteral("SELECT id, type FROM attributes WHERE name = ?1"));
    find.bind(1, attribute.name);
    qint64 attributeId = 0;
    const QString type = attribute.type.isEmpty() ? QStringLiteral("text") : attribute.type;
    if (find.next()) {
        attributeId = find.int64(0);
        // A column once seen as numeric but now holding text widens to text rather than failing.
        if (find.text(1) != type && type == QStringLiteral("text")) {
            SqliteStatement widen = db.prepare(QStringLiteral("UPDATE attributes SET type = 'text' WHERE id = ?1"));
            widen.bind(1, attributeId);
            if (!widen.run()) return makeError(widen.error());
        }
    } else {
        SqliteStatement insert = db.prepare(QStringLiteral("INSERT INTO attributes(name, type) VALUES(?1, ?2)"));
        insert.bind(1, attribute.name).bind(2, type);
        if (!insert.run()) return makeError(QStringLiteral("attribute %1: %2").arg(attribute.name, insert.error()));
        attributeId = db.lastInsertId();
    }
    if (attribute.value.isEmpty()) {
        SqliteStatement clear = db.prepare(QStringLiteral(
            "DELETE FROM participant_attributes WHERE participant_id = ?1 AND attribute_id = ?2"));
        clear.bind(1, participantId).bind(2, attributeId);
        return clear.run() ? Status() : Status(makeError(clear.error()));
    }
    SqliteStatement upsert = db.prepare(QStringLiteral(
        "INSERT INTO participant_attributes(participant_id, attribute_id, value) VALUES(?1, ?2, ?3) "
        "ON CONFLICT(participant_id, attribute_id) DO UPDATE SET value = excluded.value"));
    upsert.bind(1, participantId).bind(2, attributeId).bind(3, attribute.value);
    return upsert.run() ? Status() : Status(makeError(upsert.error()));
}

Status ParticipantRepository::upsert(const std::vector<Participant>& participants, const QString& detail) {
    ChangeNotice notice;
    notice.participantsChanged = true;
    return m_project.mutate(QStringLiteral("participants.upsert"), detail, [&]() -> Status {
        for (const Participant& p : participants) {
            auto id = ensure(p.code);
            if (!id) return id.error();
            if (!p.displayName.isEmpty()) {
                SqliteStatement name =
                    m_project.db().prepare(QStringLiteral("UPDATE participants SET display_name = ?1 WHERE id = ?2"));
                name.bind(1, p.displayName).bind(2, *id);
                if (!name.run()) return makeError(name.error());
            }
            for (const ParticipantAttribute& a : p.attributes)
                if (Status s = writeAttribute(*id, a); !s) return s;
        }
        return {};
    }, notice);
}

Status ParticipantRepository::setAttribute(const QString& code, const QString& name, const QString& value) {
    ChangeNotice notice;
    notice.participantsChanged = true;
    return m_project.mutate(QStringLiteral("participants.attribute"),
                            QStringLiteral("set %1 of %2 to '%3'").arg(name, code, value), [&]() -> Status {
                                auto found = findByCode(code);
                                if (!found) return found.error();
                                if (!found->has_value())
                                    return makeError(QStringLiteral("no participant with code %1").arg(code));
                                return writeAttribute((*found)->id, {name, QStringLiteral("text"), value});
                            }, notice);
}

Status ParticipantRepository::setDisplayName(const QString& code, const QString& displayName) {
    ChangeNotice notice;
    notice.participantsChanged = true;
    return m_project.mutate(QStringLiteral("participants.rename"),
                            QStringLiteral("set the display name of %1 to '%2'").arg(code, displayName), [&]() -> Status {
                                SqliteStatement update = m_project.db().prepare(QStringLiteral(
                                    "UPDATE participants SET display_name = ?1 WHERE code = ?2 COLLATE NOCASE"));
                                update.bind(1, displayName).bind(2, code);
                                if (!update.run()) return makeError(update.error());
                                if (m_project.db().changes() == 0)
                                    return makeError(QStringLiteral("no participant with code %1").arg(code));
                                return {};
                            }, notice);
}

Result<std::vector<QString>> ParticipantRepository::attributeNames() {
    std::vector<QString> names;
    SqliteStatement rows = m_project.db().prepare(QStringLiteral("SELECT name FROM attributes ORDER BY id"));
    while (rows.next()) names.push_back(rows.text(0));
    if (rows.failed()) return makeError(rows.error());
    return names;
}

} // namespace warrant
