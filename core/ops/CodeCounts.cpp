#include "ops/CodeCounts.h"

#include "store/Project.h"

#include <set>

namespace warrant {

namespace {

std::map<qint64, int> sizes(const std::map<qint64, std::set<qint64>>& sets) {
    std::map<qint64, int> out;
    for (const auto& [id, set] : sets) out[id] = int(set.size());
    return out;
}

} // namespace

int CodeCounts::get(const std::map<qint64, int>& counts, qint64 codeId) {
    auto it = counts.find(codeId);
    return it == counts.end() ? 0 : it->second;
}

Result<CodeCounts> CodeCounts::of(Project& project) {
    SqliteDatabase& db = project.db();
    std::map<qint64, qint64> parentOf;
    SqliteStatement codes = db.prepare(QStringLiteral("SELECT id, ifnull(parent_id, 0) FROM codes"));
    while (codes.next()) parentOf[codes.int64(0)] = codes.int64(1);
    if (codes.failed()) return makeError(codes.error());

    // One row per coding with the participant whose turn the segment starts in (else the
    // source's participant); 0 when neither is known.
    SqliteStatement rows = db.prepare(QStringLiteral(
        "SELECT c.code_id, c.segment_id, ifnull(t.participant_id, ifnull(src.participant_id, 0)) "
        "FROM codings c JOIN segments s ON s.id = c.segment_id JOIN sources src ON src.id = s.source_id "
        "LEFT JOIN turns t ON t.source_id = s.source_id AND t.start_pos <= s.start_pos AND s.start_pos < t.end_pos"));
    std::map<qint64, std::set<qint64>> directSegments, totalSegments, directParticipants, totalParticipants;
    while (rows.next()) {
        const qint64 code = rows.int64(0), segment = rows.int64(1), participant = rows.int64(2);
        directSegments[code].insert(segment);
        if (participant) directParticipants[code].insert(participant);
        qint64 id = code;
        for (int guard = 0; id && guard < 64; ++guard) { // a corrupt parent cycle must not hang
            totalSegments[id].insert(segment);
            if (participant) totalParticipants[id].insert(participant);
            auto up = parentOf.find(id);
            id = up == parentOf.end() ? 0 : up->second;
        }
    }
    if (rows.failed()) return makeError(rows.error());
    return CodeCounts{sizes(directSegments), sizes(totalSegments), sizes(directParticipants), sizes(totalParticipants)};
}

} // namespace warrant
