#include "store/CodingRepository.h"

#include "store/CodebookRepository.h"
#include "store/ParticipantRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"
#include "text/TextOffsets.h"

#include <QCryptographicHash>
#include <QRegularExpression>

#include <set>

namespace warrant {

namespace {

QString hashText(const QString& text) {
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

ChangeNotice noticeFor(std::vector<qint64> sourceIds) {
    ChangeNotice n;
    n.sourceIds = std::move(sourceIds);
    return n;
}

} // namespace

QString CodedSegment::citation() const {
    if (participantCode.isEmpty()) return QStringLiteral("(%1)").arg(sourceTitle);
    if (turnNumber > 0) return QStringLiteral("(%1, turn %2)").arg(participantCode).arg(turnNumber);
    return QStringLiteral("(%1)").arg(participantCode);
}

Result<qint64> CodingRepository::ensureSegment(qint64 sourceId, qsizetype start, qsizetype end) {
    SqliteDatabase& db = m_project.db();
    SqliteStatement find =
        db.prepare(QStringLiteral("SELECT id FROM segments WHERE source_id = ?1 AND start_pos = ?2 AND end_pos = ?3"));
    find.bind(1, sourceId).bind(2, qint64(start)).bind(3, qint64(end));
    if (find.next()) return find.int64(0);
    // SQLite's substr() and length() count characters (code points), the project's offset unit.
    SqliteStatement slice = db.prepare(
        QStringLiteral("SELECT length(text), substr(text, ?2 + 1, ?3 - ?2), title FROM sources WHERE id = ?1"));
    slice.bind(1, sourceId).bind(2, qint64(start)).bind(3, qint64(end));
    if (!slice.next()) return makeError(QStringLiteral("source %1 does not exist").arg(sourceId));
    const qint64 length = slice.int64(0);
    if (start < 0 || end > length || start >= end)
        return makeError(QStringLiteral("%1: range %2:%3 is outside the text (0:%4) or empty")
                             .arg(slice.text(2))
                             .arg(start)
                             .arg(end)
                             .arg(length));
    const QString text = slice.text(1);
    SqliteStatement insert = db.prepare(QStringLiteral(
        "INSERT INTO segments(source_id, start_pos, end_pos, text, text_hash) VALUES(?1, ?2, ?3, ?4, ?5)"));
    insert.bind(1, sourceId).bind(2, qint64(start)).bind(3, qint64(end)).bind(4, text).bind(5, hashText(text));
    if (!insert.run()) return makeError(insert.error());
    return db.lastInsertId();
}

Result<CodingRepository::Range> CodingRepository::codable(const Range& range) {
    SqliteDatabase& db = m_project.db();
    SqliteStatement any = db.prepare(QStringLiteral(
        "SELECT EXISTS(SELECT 1 FROM turns WHERE source_id = ?1), (SELECT length(text) FROM sources WHERE id = ?1)"));
    any.bind(1, range.sourceId);
    if (!any.next()) return makeError(any.error());
    // Without turns, or a range that is not a range of this text (reported when it is applied).
    if (any.int64(0) == 0 || range.start >= range.end || range.start < 0 || range.end > any.int64(1)) return range;
    // Outside every turn (a transcript's heading notes): codable as it is, unless it is nothing
    // but a speaker label.
    SqliteStatement overlap = db.prepare(QStringLiteral(
        "SELECT EXISTS(SELECT 1 FROM turns WHERE source_id = ?1 AND start_pos < ?3 AND ?2 < end_pos AND end_pos > start_pos), "
        "substr((SELECT text FROM sources WHERE id = ?1), ?2 + 1, ?3 - ?2)"));
    overlap.bind(1, range.sourceId).bind(2, qint64(range.start)).bind(3, qint64(range.end));
    if (!overlap.next()) return makeError(overlap.error());
    if (overlap.int64(0) == 0) {
        static const QRegularExpression labelOnly(QStringLiteral("^\\s*(?:[^\\s:]{1,40}:)?\\s*$"));
        if (labelOnly.match(overlap.text(1)).hasMatch())
            return makeError(QStringLiteral("the selection holds only speaker labels or the space between turns: nothing to code"));
        return range;
    }
    Range out = range;
    // A start outside every turn moves to the first turn that begins inside the range.
    SqliteStatement startInside = db.prepare(QStringLiteral(
        "SELECT EXISTS(SELECT 1 FROM turns WHERE source_id = ?1 AND start_pos <= ?2 AND ?2 < end_pos)"));
    startInside.bind(1, range.sourceId).bind(2, qint64(range.start));
    if (!startInside.next()) return makeError(startInside.error());
    if (startInside.int64(0) == 0) {
        SqliteStatement next = db.prepare(QStringLiteral(
            "SELECT min(start_pos) FROM turns WHERE source_id = ?1 AND start_pos >= ?2 AND start_pos < ?3 AND end_pos > start_pos"));
        next.bind(1, range.sourceId).bind(2, qint64(range.start)).bind(3, qint64(range.end));
        if (!next.next() || next.isNull(0))
            return makeError(QStringLiteral("the selection holds only speaker labels or the space between turns: nothing to code"));
        out.start = next.int64(0);
    }
    // An end outside every turn moves back to the end of the last turn that ends inside the range.
    SqliteStatement endInside = db.prepare(QStringLiteral(
        "SELECT EXISTS(SELECT 1 FROM turns WHERE source_id = ?1 AND start_pos < ?2 AND ?2 <= end_pos)"));
    endInside.bind(1, range.sourceId).bind(2, qint64(out.end));
    if (!endInside.next()) return makeError(endInside.error());
    if (endInside.int64(0) == 0) {
        SqliteStatement last = db.prepare(QStringLiteral(
            "SELECT max(end_pos) FROM turns WHERE source_id = ?1 AND end_pos > ?2 AND end_pos <= ?3"));
        last.bind(1, range.sourceId).bind(2, qint64(out.start)).bind(3, qint64(out.end));
        if (!last.next() || last.isNull(0))
            return makeError(QStringLiteral("the selection holds only speaker labels or the space between turns: nothing to code"));
        out.end = last.int64(0);
    }
    return out;
}

QString CodingRepository::describe(const std::vector<Range>& ranges) {
    std::set<qint64> sources;
    for (const Range& r : ranges) sources.insert(r.sourceId);
    SqliteStatement title = m_project.db().prepare(QStringLiteral("SELECT title FROM sources WHERE id = ?1"));
    const auto titleOf = [&](qint64 id) {
        title.reset();
        title.bind(1, id);
        QString t = title.next() ? title.text(0) : QStringLiteral("source %1").arg(id);
        // "R8.txt" reads as R8 in a sentence.
        const qsizetype dot = t.lastIndexOf(u'.');
        if (dot > 0 && t.size() - dot <= 5) t.truncate(dot);
        return t;
    };
    if (ranges.size() != 1) {
        if (sources.size() == 1) return QStringLiteral("%1 passages in %2").arg(ranges.size()).arg(titleOf(*sources.begin()));
        return QStringLiteral("%1 passages in %2 sources").arg(ranges.size()).arg(sources.size());
    }
    const Range& r = ranges.front();
    SqliteStatement turns = m_project.db().prepare(QStringLiteral(
        "SELECT min(turn_number), max(turn_number) FROM turns WHERE source_id = ?1 AND start_pos < ?3 AND ?2 < end_pos"));
    turns.bind(1, r.sourceId).bind(2, qint64(r.start)).bind(3, qint64(r.end));
    const QString name = titleOf(r.sourceId);
    if (turns.next() && !turns.isNull(0)) {
        const qint64 first = turns.int64(0), last = turns.int64(1);
        return first == last ? QStringLiteral("%1 turn %2").arg(name).arg(first)
                             : QStringLiteral("%1 turns %2\u2013%3").arg(name).arg(first).arg(last);
    }
    return QStringLiteral("%1 characters %2\u2013%3").arg(name).arg(r.start).arg(r.end);
}

Result<bool> CodingRepository::insertCoding(qint64 segmentId, qint64 codeId) {
    const qint64 coder = m_project.coderId();
    if (!coder) return makeError(QStringLiteral("cannot record coder %1").arg(m_project.coderName()));
    SqliteStatement insert = m_project.db().prepare(QStringLiteral(
        "INSERT OR IGNORE INTO codings(segment_id, code_id, coder_id, created_at) VALUES(?1, ?2, ?3, ?4)"));
    insert.bind(1, segmentId).bind(2, codeId).bind(3, coder).bind(4, Project::nowText());
    if (!insert.run()) return makeError(insert.error());
    return m_project.db().changes() > 0;
}

Result<ApplyOutcome> CodingRepository::applyRanges(const std::vector<Range>& ranges, qint64 codeId,
                                                   const QString& where) {
    auto code = CodebookRepository(m_project).get(codeId);
    if (!code) return code.error();
    if (!code->has_value()) return makeError(QStringLiteral("code %1 does not exist").arg(codeId));
    if (ranges.empty()) return makeError(QStringLiteral("nothing to code"));
    ApplyOutcome outcome;
    std::vector<qint64> sources;
    for (const Range& r : ranges) sources.push_back(r.sourceId);
    std::vector<Range> narrowed;
    for (const Range& r : ranges) {
        auto n = codable(r);
        narrowed.push_back(n ? *n : r);
    }
    const QString place = where.isEmpty() ? describe(narrowed) : where;
    Status s = m_project.mutate(QStringLiteral("code.apply"),
                                QStringLiteral("coded %1 with '%2'").arg(place, (*code)->name), [&]() -> Status {
        for (const Range& asked : ranges) {
            auto r = codable(asked);
            if (!r) return r.error();
            auto segment = ensureSegment(r->sourceId, r->start, r->end);
            if (!segment) return segment.error();
            auto added = insertCoding(*segment, codeId);
            if (!added) return added.error();
            (*added ? outcome.added : outcome.existing) += 1;
        }
        return {};
    }, noticeFor(sources));
    if (!s) return s.error();
    return outcome;
}

Result<ApplyOutcome> CodingRepository::applyRange(qint64 sourceId, qsizetype start, qsizetype end, qint64 codeId) {
    return applyRanges({{sourceId, start, end}}, codeId);
}

Result<ApplyOutcome> CodingRepository::applyTurn(qint64 sourceId, int turnNumber, qint64 codeId) {
    auto turn = SourceRepository(m_project).turn(sourceId, turnNumber);
    if (!turn) return turn.error();
    if (!turn->has_value()) {
        auto source = SourceRepository(m_project).get(sourceId);
        const QString title = source && source->has_value() ? (*source)->title : QString::number(sourceId);
        return makeError(QStringLiteral("%1 has no turn %2").arg(title).arg(turnNumber));
    }
    return applyRanges({{sourceId, (*turn)->start, (*turn)->end}}, codeId);
}

Result<ApplyOutcome> CodingRepository::applyParticipant(qint64 participantId, qint64 codeId) {
    auto turns = SourceRepository(m_project).turnsOfParticipant(participantId);
    if (!turns) return turns.error();
    std::vector<Range> ranges;
    for (const Turn& t : *turns)
        if (t.end > t.start) ranges.push_back({t.sourceId, t.start, t.end});
    if (ranges.empty()) {
        auto participant = ParticipantRepository(m_project).findById(participantId);
        const QString code = participant && participant->has_value() ? (*participant)->code : QString::number(participantId);
        return makeError(QStringLiteral("participant %1 has no speaker turns").arg(code));
    }
    auto participant = ParticipantRepository(m_project).findById(participantId);
    const QString who = participant && participant->has_value() ? (*participant)->code : QString::number(participantId);
    return applyRanges(ranges, codeId, QStringLiteral("every turn of %1").arg(who));
}

Result<ApplyOutcome> CodingRepository::applyText(qint64 sourceId, const QString& text, qint64 codeId) {
    auto source = SourceRepository(m_project).get(sourceId);
    if (!source) return source.error();
    if (!source->has_value()) return makeError(QStringLiteral("source %1 does not exist").arg(sourceId));
    if (text.isEmpty()) return makeError(QStringLiteral("the text to code is empty"));
    const QString& body = (*source)->text;
    const TextOffsets offsets(body);
    std::vector<Range> ranges;
    for (qsizetype at = body.indexOf(text); at >= 0; at = body.indexOf(text, at + text.size()))
        ranges.push_back({sourceId, offsets.codePointFromUtf16(at), offsets.codePointFromUtf16(at + text.size())});
    if (ranges.empty())
        return makeError(QStringLiteral("%1: the text \"%2\" does not occur").arg((*source)->title, text.left(60)));
    return applyRanges(ranges, codeId, QStringLiteral("every \"%1\" in %2").arg(text.left(40), (*source)->title));
}

Status CodingRepository::remove(qint64 codingId) {
    auto existing = coding(codingId);
    if (!existing) return existing.error();
    if (!existing->has_value()) return makeError(QStringLiteral("coding %1 does not exist").arg(codingId));
    const CodedSegment& c = **existing;
    return m_project.mutate(QStringLiteral("code.remove"),
                            QStringLiteral("removed '%1' from %2").arg(c.codePath, describe({{c.sourceId, c.start, c.end}})),
                            [&]() -> Status {
        SqliteStatement del = m_project.db().prepare(QStringLiteral("DELETE FROM codings WHERE id = ?1"));
        del.bind(1, codingId);
        return del.run() ? Status() : Status(makeError(del.error()));
    }, noticeFor({c.sourceId}));
}

Status CodingRepository::removeRange(qint64 sourceId, qsizetype askedStart, qsizetype askedEnd, qint64 codeId) {
    auto narrowed = codable({sourceId, askedStart, askedEnd});
    if (!narrowed) return narrowed.error();
    const qsizetype start = narrowed->start, end = narrowed->end;
    const qint64 coder = m_project.coderId();
    auto code = CodebookRepository(m_project).get(codeId);
    const QString name = code && code->has_value() ? (*code)->name : QString::number(codeId);
    return m_project.mutate(QStringLiteral("code.remove"),
                            QStringLiteral("removed '%1' from %2").arg(name, describe({{sourceId, start, end}})),
                            [&]() -> Status {
        SqliteStatement del = m_project.db().prepare(QStringLiteral(
            "DELETE FROM codings WHERE code_id = ?1 AND coder_id = ?2 AND segment_id = (SELECT id FROM segments "
            "WHERE source_id = ?3 AND start_pos = ?4 AND end_pos = ?5)"));
        del.bind(1, codeId).bind(2, coder).bind(3, sourceId).bind(4, qint64(start)).bind(5, qint64(end));
        if (!del.run()) return makeError(del.error());
        if (m_project.db().changes() == 0) return makeError(QStringLiteral("no such coding to remove"));
        return {};
    }, noticeFor({sourceId}));
}

Result<int> CodingRepository::removeRanges(const std::vector<Range>& ranges, qint64 codeId, const QString& where) {
    int removed = 0;
    std::vector<qint64> sources;
    for (const Range& r : ranges) sources.push_back(r.sourceId);
    auto code = CodebookRepository(m_project).get(codeId);
    const QString name = code && code->has_value() ? (*code)->name : QString::number(codeId);
    std::vector<Range> narrowed;
    for (const Range& r : ranges) {
        auto n = codable(r);
        narrowed.push_back(n ? *n : r);
    }
    const QString place = where.isEmpty() ? describe(narrowed) : where;
    Status s = m_project.mutate(QStringLiteral("code.remove"), QStringLiteral("removed '%1' from %2").arg(name, place),
                                [&]() -> Status {
        const qint64 coder = m_project.coderId();
        SqliteStatement del = m_project.db().prepare(QStringLiteral(
            "DELETE FROM codings WHERE code_id = ?1 AND coder_id = ?2 AND segment_id = (SELECT id FROM segments "
            "WHERE source_id = ?3 AND start_pos = ?4 AND end_pos = ?5)"));
        for (const Range& asked : ranges) {
            auto r = codable(asked);
            if (!r) continue; // nothing of it was ever coded
            del.reset();
            del.bind(1, codeId).bind(2, coder).bind(3, r->sourceId).bind(4, qint64(r->start)).bind(5, qint64(r->end));
            if (!del.run()) return makeError(del.error());
            removed += m_project.db().changes();
        }
        return {};
    }, noticeFor(sources));
    if (!s) return s.error();
    return removed;
}

Result<int> CodingRepository::adoptVersion(qint64 sourceId, qsizetype start, qsizetype end, qint64 codeId, qint64 from,
                                           const std::vector<qint64>& others) {
    auto code = CodebookRepository(m_project).get(codeId);
    if (!code) return code.error();
    if (!code->has_value()) return makeError(QStringLiteral("code %1 does not exist").arg(codeId));
    SqliteStatement name = m_project.db().prepare(QStringLiteral("SELECT name FROM coders WHERE id = ?1"));
    name.bind(1, from);
    if (!name.next()) return makeError(QStringLiteral("coder %1 does not exist").arg(from));
    const QString whose = name.text(0);
    const QString place = describe({{sourceId, start, end}});
    int changed = 0;
    Status s = m_project.mutate(QStringLiteral("code.adopt"),
                                QStringLiteral("adopted %1's coding of '%2' in %3").arg(whose, (*code)->name, place),
                                [&]() -> Status {
        const QString overlapping = QStringLiteral(
            "SELECT id FROM segments WHERE source_id = ?3 AND start_pos < ?5 AND end_pos > ?4");
        SqliteStatement del = m_project.db().prepare(
            QStringLiteral("DELETE FROM codings WHERE code_id = ?1 AND coder_id = ?2 AND segment_id IN (%1)").arg(overlapping));
        SqliteStatement copy = m_project.db().prepare(QStringLiteral(
            "INSERT OR IGNORE INTO codings(segment_id, code_id, coder_id, created_at) "
            "SELECT segment_id, code_id, ?2, ?7 FROM codings WHERE code_id = ?1 AND coder_id = ?6 AND segment_id IN (%1)")
                                                          .arg(overlapping));
        for (qint64 other : others) {
            if (other == from) continue;
            del.reset();
            del.bind(1, codeId).bind(2, other).bind(3, sourceId).bind(4, qint64(start)).bind(5, qint64(end));
            if (!del.run()) return makeError(del.error());
            changed += m_project.db().changes();
            copy.reset();
            copy.bind(1, codeId).bind(2, other).bind(3, sourceId).bind(4, qint64(start)).bind(5, qint64(end))
                .bind(6, from).bind(7, Project::nowText());
            if (!copy.run()) return makeError(copy.error());
            changed += m_project.db().changes();
        }
        return {};
    }, noticeFor({sourceId}));
    if (!s) return s.error();
    return changed;
}

Result<std::vector<CodedSegment>> CodingRepository::segments(const SegmentFilter& filter) {
    QString sql = QStringLiteral(
        "SELECT c.id, s.id, s.source_id, src.title, s.start_pos, s.end_pos, s.text, c.code_id, cd.name, "
        "ifnull(p.code, ifnull(sp.code, '')), ifnull(t.turn_number, 0), c.created_at "
        "FROM codings c JOIN segments s ON s.id = c.segment_id JOIN sources src ON src.id = s.source_id "
        "JOIN coders cd ON cd.id = c.coder_id "
        "LEFT JOIN turns t ON t.source_id = s.source_id AND t.start_pos <= s.start_pos AND s.start_pos < t.end_pos "
        "LEFT JOIN participants p ON p.id = t.participant_id "
        "LEFT JOIN participants sp ON sp.id = src.participant_id WHERE 1");
    if (!filter.codeIds.empty()) {
        QStringList ids;
        for (qint64 id : filter.codeIds) ids << QString::number(id);
        sql += QStringLiteral(" AND c.code_id IN (%1)").arg(ids.join(u','));
    }
    if (!filter.participantCode.isEmpty())
        sql += QStringLiteral(" AND ifnull(p.code, sp.code) = ?1 COLLATE NOCASE");
    if (!filter.attributeName.isEmpty())
        sql += QStringLiteral(
            " AND ifnull(p.id, sp.id) IN (SELECT pa.participant_id FROM participant_attributes pa JOIN attributes a "
            "ON a.id = pa.attribute_id WHERE a.name = ?2 COLLATE NOCASE AND pa.value = ?3 COLLATE NOCASE)");
    if (!filter.coder.isEmpty()) sql += QStringLiteral(" AND cd.name = ?4");
    if (filter.sourceId) sql += QStringLiteral(" AND s.source_id = ?5");
    if (filter.codingId) sql += QStringLiteral(" AND c.id = ?6");
    sql += QStringLiteral(" ORDER BY src.title COLLATE NOCASE, s.start_pos, c.code_id, c.id");

    SqliteStatement rows = m_project.db().prepare(sql);
    if (!rows.valid()) return makeError(m_project.db().lastError());
    if (!filter.participantCode.isEmpty()) rows.bind(1, filter.participantCode);
    if (!filter.attributeName.isEmpty()) rows.bind(2, filter.attributeName).bind(3, filter.attributeValue);
    if (!filter.coder.isEmpty()) rows.bind(4, filter.coder);
    if (filter.sourceId) rows.bind(5, filter.sourceId);
    if (filter.codingId) rows.bind(6, filter.codingId);

    auto codes = CodebookRepository(m_project).list();
    if (!codes) return codes.error();
    CodebookRepository codebook(m_project);
    std::vector<CodedSegment> result;
    while (rows.next()) {
        CodedSegment s;
        s.codingId = rows.int64(0);
        s.segmentId = rows.int64(1);
        s.sourceId = rows.int64(2);
        s.sourceTitle = rows.text(3);
        s.start = rows.int64(4);
        s.end = rows.int64(5);
        s.text = rows.text(6);
        s.codeId = rows.int64(7);
        s.codePath = codebook.path(*codes, s.codeId);
        s.coder = rows.text(8);
        s.participantCode = rows.text(9);
        s.turnNumber = int(rows.int64(10));
        s.createdAt = QDateTime::fromString(rows.text(11), Qt::ISODateWithMs);
        result.push_back(std::move(s));
    }
    if (rows.failed()) return makeError(rows.error());
    return result;
}

Result<std::optional<CodedSegment>> CodingRepository::coding(qint64 codingId) {
    SegmentFilter filter;
    filter.codingId = codingId;
    auto found = segments(filter);
    if (!found) return found.error();
    if (found->empty()) return std::optional<CodedSegment>();
    return std::optional<CodedSegment>(found->front());
}

Result<int> CodingRepository::countCodings() {
    auto n = m_project.db().queryInt(QStringLiteral("SELECT count(*) FROM codings"));
    if (!n) return n.error();
    return int(*n);
}

} // namespace warrant
