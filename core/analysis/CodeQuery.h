#pragma once

#include "Result.h"
#include "analysis/AnalysisTable.h"

#include <QJsonArray>
#include <QString>

#include <memory>
#include <vector>

namespace warrant {

class AnalysisSnapshot;
class Project;

// A passage a code query found: a range of one source, and the coded segments it came from.
struct QueryPassage {
    qint64 sourceId = 0;
    qint64 start = 0;
    qint64 end = 0;
    qint64 participantId = 0; // who speaks where it starts
    int turnNumber = 0;       // 0 outside any turn
    std::vector<qint64> segmentIds;
};

// Queries over codings, in the language of docs/analysis.md:
//   code:"Political influence" AND code:Funding          text coded with both (the overlap)
//   A OR B, A NOT B                                        union, A's text without B's
//   A OVERLAPS B                                           A's passages that overlap one of B
//   A NEAR/2 B                                             A's passages within 2 turns of one of B
//   A FOLLOWS B, A FOLLOWS/1 B                             A's passages after one of B (within 1 turn)
//   ( ... )                                                grouping; AND binds tighter than OR
// and filters anywhere: coder:NAME (which codings count), participant:R8, group:medical,
// ATTRIBUTE:value (whose passages are kept). A code is its full path or unique name and takes its
// subcodes with it; `"quoted path"` alone is a code too.
class CodeQuery {
public:
    static Result<CodeQuery> parse(const QString& text, const AnalysisSnapshot& snapshot);
    Result<std::vector<QueryPassage>> run(const AnalysisSnapshot& snapshot) const;

    struct Node;
    struct Filters {
        std::vector<qint64> coders;
        std::vector<std::pair<QString, QString>> people; // (participant|attribute name, value)
    };
    const QString& text() const { return m_text; }

private:
    QString m_text;
    std::shared_ptr<const Node> m_root;
    Filters m_filters;
};

// The passages as retrieval rows (citation and text), for the CLI, the workbench and exports.
struct QueryPassageRow {
    QString source;
    QString citation;
    qint64 start = 0, end = 0;
    QString text;
};
Result<std::vector<QueryPassageRow>> describePassages(Project& project, const AnalysisSnapshot& snapshot,
                                                      const std::vector<QueryPassage>& passages);
QJsonArray passagesJson(const std::vector<QueryPassageRow>& rows);
AnalysisTable passagesTable(const std::vector<QueryPassageRow>& rows);

} // namespace warrant
