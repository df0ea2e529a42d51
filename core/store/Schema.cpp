#include "store/Schema.h"

namespace warrant::schema {

namespace {

// Version 1: the base model. Offsets are Unicode code points into sources.text, [start, end).
const char* const kVersion1 = R"SQL(
CREATE TABLE project_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE coders (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE participants (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL DEFAULT ''
);
CREATE TABLE attributes (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean'))
);
CREATE TABLE participant_attributes (
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    attribute_id   INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
    value          TEXT NOT NULL,
    PRIMARY KEY (participant_id, attribute_id)
);
CREATE TABLE sources (
    id             INTEGER PRIMARY KEY,
    title          TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('transcript', 'document', 'manuscript')),
    original_name  TEXT NOT NULL,
    format         TEXT NOT NULL,
    sha256         TEXT NOT NULL UNIQUE,
    text           TEXT NOT NULL,
    participant_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    imported_at    TEXT NOT NULL
);
CREATE TABLE source_header (
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    key       TEXT NOT NULL,
    value     TEXT NOT NULL,
    PRIMARY KEY (source_id, position)
);
-- The normalised text is what every offset points into: it never changes after import.
CREATE TRIGGER sources_text_immutable BEFORE UPDATE OF text ON sources
BEGIN
    SELECT RAISE(ABORT, 'the text of an imported source cannot change');
END;
CREATE TABLE turns (
    id             INTEGER PRIMARY KEY,
    source_id      INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    turn_number    INTEGER NOT NULL,
    start_pos      INTEGER NOT NULL,
    end_pos        INTEGER NOT NULL,
    speaker_label  TEXT NOT NULL,
    participant_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    is_interviewer INTEGER NOT NULL DEFAULT 0,
    media_ms       INTEGER,
    UNIQUE (source_id, turn_number),
    CHECK (start_pos <= end_pos)
);
CREATE INDEX turns_by_participant ON turns(participant_id);
CREATE TABLE codes (
    id          INTEGER PRIMARY KEY,
    parent_id   INTEGER REFERENCES codes(id),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    colour      TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    inclusion   TEXT NOT NULL DEFAULT '',
    exclusion   TEXT NOT NULL DEFAULT '',
    example     TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX codes_unique_among_siblings ON codes(ifnull(parent_id, 0), name COLLATE NOCASE);
CREATE TABLE segments (
    id        INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start_pos INTEGER NOT NULL,
    end_pos   INTEGER NOT NULL,
    text      TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    UNIQUE (source_id, start_pos, end_pos),
    CHECK (start_pos < end_pos)
);
CREATE TABLE codings (
    id         INTEGER PRIMARY KEY,
    segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    code_id    INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
    coder_id   INTEGER NOT NULL REFERENCES coders(id),
    created_at TEXT NOT NULL,
    UNIQUE (segment_id, code_id, coder_id)
);
CREATE INDEX codings_by_code ON codings(code_id);
CREATE TABLE memos (
    id          INTEGER PRIMARY KEY,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('project', 'source', 'participant', 'code', 'segment')),
    target_id   INTEGER,
    title       TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL,
    coder_id    INTEGER NOT NULL REFERENCES coders(id),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX memos_by_target ON memos(target_kind, target_id);
-- Every mutation leaves one row here; rows are never changed or removed.
CREATE TABLE change_log (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    coder  TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN
    SELECT RAISE(ABORT, 'the change log is append-only');
END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN
    SELECT RAISE(ABORT, 'the change log is append-only');
END;
)SQL";

// Version 2: claims of manuscripts and the evidence linked to them.
const char* const kVersion2 = R"SQL(
CREATE TABLE claims (
    id         INTEGER PRIMARY KEY,
    source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start_pos  INTEGER NOT NULL,
    end_pos    INTEGER NOT NULL,
    origin     TEXT NOT NULL CHECK (origin IN ('detected', 'user')),
    created_at TEXT NOT NULL,
    CHECK (start_pos < end_pos)
);
CREATE INDEX claims_by_source ON claims(source_id, start_pos);
CREATE TABLE evidence_links (
    id         INTEGER PRIMARY KEY,
    claim_id   INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    stance     TEXT NOT NULL CHECK (stance IN ('supports', 'illustrates', 'qualifies', 'contradicts')),
    origin     TEXT NOT NULL CHECK (origin IN ('verified quote', 'user')),
    coder_id   INTEGER NOT NULL REFERENCES coders(id),
    created_at TEXT NOT NULL,
    UNIQUE (claim_id, segment_id)
);
CREATE INDEX evidence_by_segment ON evidence_links(segment_id);
)SQL";

// Version 3: participants are looked up by code without regard to case (once per speaker turn
// on import); without this index each lookup read the whole table.
const char* const kVersion3 = R"SQL(
CREATE INDEX IF NOT EXISTS participants_by_code_nocase ON participants(code COLLATE NOCASE);
)SQL";

// Version 4: the codes on the number keys belong to the project, so a project moved to another
// machine or opened by another coder keeps them. A deleted code frees its key.
const char* const kVersion4 = R"SQL(
CREATE TABLE IF NOT EXISTS quick_codes (
    key     INTEGER PRIMARY KEY CHECK (key BETWEEN 1 AND 9),
    code_id INTEGER NOT NULL UNIQUE REFERENCES codes(id) ON DELETE CASCADE
);
)SQL";

// Version 5: the last stored audit of each manuscript (its report as JSON), so the workbench
// shows it again when the project is opened.
const char* const kVersion5 = R"SQL(
CREATE TABLE IF NOT EXISTS audit_reports (
    source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
    saved_at  TEXT NOT NULL,
    report    TEXT NOT NULL
);
)SQL";

// Version 6: what REFI-QDA projects bring that has no other place here: named sets of codes and of
// sources, and the sources that cannot be shown as text (pictures, audio, video, PDFs without a
// text representation), kept listed with how much had been coded in them.
const char* const kVersion6 = R"SQL(
CREATE TABLE IF NOT EXISTS sets (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS set_members (
    set_id    INTEGER NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
    code_id   INTEGER REFERENCES codes(id) ON DELETE CASCADE,
    source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE,
    CHECK ((code_id IS NULL) <> (source_id IS NULL))
);
CREATE INDEX IF NOT EXISTS set_members_by_set ON set_members(set_id);
CREATE TABLE IF NOT EXISTS external_sources (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('pdf', 'picture', 'audio', 'video')),
    path        TEXT NOT NULL DEFAULT '',
    selections  INTEGER NOT NULL DEFAULT 0,
    codings     INTEGER NOT NULL DEFAULT 0,
    imported_at TEXT NOT NULL
);
)SQL";

// Version 7: analyses read every turn and every source's metadata at once. Covering indexes let
// SQLite read them in order from the index alone, instead of looking up each turn in its table and
// walking past each source's text (tens of kilobytes stored before its metadata).
const char* const kVersion7 = R"SQL(
CREATE INDEX IF NOT EXISTS turns_for_analysis
    ON turns(source_id, start_pos, turn_number, end_pos, participant_id, is_interviewer);
CREATE INDEX IF NOT EXISTS sources_metadata ON sources(id, title, kind, participant_id, imported_at);
)SQL";

} // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all = {
        {1, QString::fromUtf8(kVersion1)},
        {2, QString::fromUtf8(kVersion2)},
        {3, QString::fromUtf8(kVersion3)},
        {4, QString::fromUtf8(kVersion4)},
        {5, QString::fromUtf8(kVersion5)},
        {6, QString::fromUtf8(kVersion6)},
        {7, QString::fromUtf8(kVersion7)},
    };
    return all;
}

int currentVersion() { return migrations().back().version; }

} // namespace warrant::schema
