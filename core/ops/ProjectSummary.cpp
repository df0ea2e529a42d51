#include "ops/ProjectSummary.h"

#include "store/Project.h"

#include <iterator>

namespace warrant {

Result<ProjectSummary> ProjectSummary::of(Project& project) {
    SqliteDatabase& db = project.db();
    ProjectSummary s;
    s.fileName = project.fileName();
    SqliteStatement row = db.prepare(QStringLiteral(
        "SELECT (SELECT count(*) FROM sources), "
        "(SELECT count(*) FROM sources WHERE kind = 'transcript'), "
        "(SELECT count(*) FROM sources WHERE kind = 'document'), "
        "(SELECT count(*) FROM sources WHERE kind = 'manuscript'), "
        "(SELECT count(*) FROM turns), (SELECT count(*) FROM participants), (SELECT count(*) FROM codes), "
        "(SELECT count(*) FROM segments WHERE id IN (SELECT segment_id FROM codings)), "
        "(SELECT count(*) FROM codings), (SELECT count(*) FROM coders), (SELECT count(*) FROM memos), "
        "(SELECT count(*) FROM change_log), (SELECT count(*) FROM sets), (SELECT count(*) FROM external_sources)"));
    if (!row.next()) return makeError(QStringLiteral("%1: %2").arg(s.fileName, row.error()));
    int* fields[] = {&s.sources, &s.transcripts, &s.documents, &s.manuscripts, &s.turns, &s.participants,
                     &s.codes, &s.segments, &s.codings, &s.coders, &s.memos, &s.changes, &s.sets,
                     &s.externalSources};
    for (int i = 0; i < int(std::size(fields)); ++i) *fields[i] = int(row.int64(i));
    auto version = db.queryInt(QStringLiteral("PRAGMA user_version"));
    if (version) s.schemaVersion = int(*version);

    // Words are counted in C++ rather than SQL: whitespace-separated runs, as a reader counts them.
    SqliteStatement texts = db.prepare(QStringLiteral("SELECT text FROM sources"));
    while (texts.next()) {
        const QString text = texts.text(0);
        bool inWord = false;
        for (QChar c : text) {
            const bool space = c.isSpace();
            if (!space && !inWord) ++s.words;
            inWord = !space;
        }
    }
    return s;
}

} // namespace warrant
