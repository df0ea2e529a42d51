#include "PassageLoader.h"

#include "PassageSplitter.h"
#include "store/Project.h"
#include "text/TextOffsets.h"

#include <algorithm>
#include <map>
#include <set>

namespace warrant {

namespace {

struct CodedRange {
    qsizetype start;
    qsizetype end;
    qint64 codeId;
    qint64 coderId;
};

// UTF-8 length of UTF-16 text (a surrogate pair is 4 bytes, 2 per unit).
qint64 utf8Length(QStringView text) {
    qint64 n = 0;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        n += u < 0x80 ? 1 : u < 0x800 ? 2 : QChar::isSurrogate(u) ? 2 : 3;
    }
    return n;
}

QString idList(const std::vector<qint64>& ids) {
    QStringList parts;
    for (qint64 id : ids) parts << QString::number(id);
    return parts.join(u',');
}

} // namespace

Result<std::vector<Passage>> PassageLoader::load(const std::vector<qint64>& sourceIds) {
    SqliteDatabase& db = m_project.db();
    const QString ids = idList(sourceIds);
    const auto only = [&](const char* column) {
        return ids.isEmpty() ? QString() : QStringLiteral(" WHERE %1 IN (%2)").arg(QString::fromLatin1(column), ids);
    };

    std::map<qint64, std::vector<CodedRange>> coded;
    SqliteStatement codings = db.prepare(QStringLiteral(
        "SELECT s.source_id, s.start_pos, s.end_pos, c.code_id, c.coder_id FROM codings c JOIN segments s ON s.id = c.segment_id%1")
                                             .arg(only("s.source_id")));
    while (codings.next())
        coded[codings.int64(0)].push_back({codings.int64(1), codings.int64(2), codings.int64(3), codings.int64(4)});
    if (codings.failed()) return makeError(codings.error());

    std::map<qint64, std::vector<Passage>> turnsBySource;
    SqliteStatement turns = db.prepare(QStringLiteral(
        "SELECT source_id, turn_number, start_pos, end_pos, ifnull(participant_id, 0), is_interviewer, media_ms FROM turns%1 "
        "ORDER BY source_id, turn_number").arg(only("source_id")));
    while (turns.next()) {
        Passage p;
        p.sourceId = turns.int64(0);
        p.turnNumber = int(turns.int64(1));
        p.start = turns.int64(2);
        p.end = turns.int64(3);
        p.participantId = turns.int64(4);
        p.interviewer = turns.int64(5) != 0;
        p.mediaTimeMs = turns.optionalInt64(6);
        p.inTurn = true;
        turnsBySource[p.sourceId].push_back(std::move(p));
    }
    if (turns.failed()) return makeError(turns.error());

    std::vector<Passage> passages;
    SqliteStatement sources = db.prepare(QStringLiteral("SELECT id, text, ifnull(participant_id, 0) FROM sources%1 ORDER BY id")
                                             .arg(only("id")));
    while (sources.next()) {
        const qint64 sourceId = sources.int64(0);
        const QString text = sources.text(1);
        const TextOffsets offsets(text);
        const auto slice = [&](qsizetype a, qsizetype b) {
            const qsizetype u = offsets.utf16FromCodePoint(a);
            return text.mid(u, offsets.utf16FromCodePoint(b) - u);
        };
        // Byte offsets, counted on from the previous position (passages come in text order).
        qsizetype countedTo = 0;
        qint64 countedBytes = 0;
        const auto byteOffset = [&](qsizetype codePoint) {
            const qsizetype u = offsets.utf16FromCodePoint(codePoint);
            if (u < countedTo) countedTo = countedBytes = 0;
            countedBytes += utf8Length(QStringView(text).mid(countedTo, u - countedTo));
            countedTo = u;
            return countedBytes;
        };
        std::vector<Passage> units = std::move(turnsBySource[sourceId]);
        if (units.empty()) {
            // A document without speakers: its paragraphs are the passages.
            Passage whole;
            whole.sourceId = sourceId;
            whole.participantId = sources.int64(2);
            whole.start = 0;
            whole.end = offsets.codePointCount();
            units.push_back(whole);
        }
        const std::vector<CodedRange>& ranges = coded[sourceId];
        for (const Passage& unit : units) {
            const QString unitText = slice(unit.start, unit.end);
            for (const auto& [a, b] : PassageSplitter::split(unitText, unit.start)) {
                Passage p = unit;
                p.start = a;
                p.end = b;
                p.text = slice(a, b);
                p.byteStart = byteOffset(a);
                p.byteEnd = byteOffset(b);
                if (p.text.trimmed().isEmpty()) continue;
                std::set<qint64> direct, all, coders;
                for (const CodedRange& r : ranges) {
                    if (r.start >= p.end || p.start >= r.end) continue;
                    direct.insert(r.codeId);
                    coders.insert(r.coderId);
                    for (qint64 id : m_catalog.ancestorsAndSelf(r.codeId)) all.insert(id);
                }
                p.directCodeIds.assign(direct.begin(), direct.end());
                p.codeIds.assign(all.begin(), all.end());
                p.coderIds.assign(coders.begin(), coders.end());
                passages.push_back(std::move(p));
            }
        }
    }
    if (sources.failed()) return makeError(sources.error());
    return passages;
}

} // namespace warrant
