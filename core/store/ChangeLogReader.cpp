#include "store/ChangeLogReader.h"

#include "store/Project.h"

namespace warrant {

Result<std::vector<ChangeLogEntry>> ChangeLogReader::entries(int limit) {
    SqliteStatement rows = m_project.db().prepare(
        QStringLiteral("SELECT id, at, coder, action, detail FROM change_log ORDER BY id DESC LIMIT ?1"));
    rows.bind(1, qint64(limit > 0 ? limit : -1));
    std::vector<ChangeLogEntry> entries;
    while (rows.next())
        entries.push_back({rows.int64(0), QDateTime::fromString(rows.text(1), Qt::ISODateWithMs), rows.text(2),
                           rows.text(3), rows.text(4)});
    if (rows.failed()) return makeError(rows.error());
    return entries;
}

Result<qint64> ChangeLogReader::lastId() {
    return m_project.db().queryInt(QStringLiteral("SELECT ifnull(max(id), 0) FROM change_log"));
}

} // namespace warrant
