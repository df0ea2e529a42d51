#include "ops/SourceCodingCounts.h"

#include "store/Project.h"

namespace warrant {

Result<std::map<qint64, int>> SourceCodingCounts::of(Project& project) {
    SqliteStatement count = project.db().prepare(QStringLiteral(
        "SELECT s.source_id, count(DISTINCT s.id) FROM codings c JOIN segments s ON s.id = c.segment_id GROUP BY s.source_id"));
    std::map<qint64, int> counts;
    while (count.next()) counts[count.int64(0)] = int(count.int64(1));
    if (count.failed()) return makeError(QStringLiteral("%1: %2").arg(project.fileName(), count.error()));
    return counts;
}

} // namespace warrant
