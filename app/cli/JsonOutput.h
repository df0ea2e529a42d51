#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace warrant {
struct ChangeLogEntry;
struct Code;
struct CodedSegment;
struct Memo;
struct Participant;
struct ProjectSummary;
struct SearchResults;
} // namespace warrant

namespace warrant::cli {

// The JSON shapes of the read commands. Field names are part of the CLI's contract (docs/cli.md):
// add fields freely, never rename or remove one.
class JsonOutput {
  public:
    // Writes indented UTF-8 JSON followed by a newline.
    static void write(QTextStream& out, const QJsonObject& object);
    static void write(QTextStream& out, const QJsonArray& array);

    // ISO 8601 in UTC with milliseconds; an empty string for an unknown time.
    static QString dateTime(const QDateTime& at);

    static QJsonObject segment(const CodedSegment& segment);
    // `segments`: distinct segments coded with the code itself; `totalSegments`: with it or any
    // descendant.
    static QJsonObject code(const Code& code, const QString& path, int segments, int totalSegments);
    static QJsonObject participant(const Participant& participant);
    static QJsonObject memo(const Memo& memo, const QString& targetName);
    static QJsonObject logEntry(const ChangeLogEntry& entry);
    static QJsonObject summary(const ProjectSummary& summary);
    // `search --json`: the query, total, suggestion (null when none) and hits; "kwic" and
    // "facets" only when asked for.
    static QJsonObject searchResults(const QString& query, const SearchResults& results, bool kwic, bool facets);
};

} // namespace warrant::cli
