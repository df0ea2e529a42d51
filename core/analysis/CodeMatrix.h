#pragma once

#include "Result.h"
#include "analysis/AnalysisTable.h"

#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace warrant {

class AnalysisSnapshot;
class Project;

enum class MatrixCount { Segments, Cases, Words };

struct MatrixRequest {
    QStringList codes;        // row codes (paths or unique names); empty = every code
    QString columns;          // participant, group, coder, source, or an attribute's name
    MatrixCount count = MatrixCount::Segments;
};

// One thing a cell can count: a coded segment, or a passage a code query found. Items with the
// same key are one thing (a segment coded by two coders is one segment, in both coders' columns).
struct MatrixItem {
    qint64 key = 0;
    qint64 sourceId = 0;
    qint64 participantId = 0;
    qint64 coderId = 0;
    qint64 segmentId = 0; // 0 for a query passage that is no stored segment
    int words = 0;
};

// One row of a matrix: a code (with its descendants), or the passages of a code query.
struct MatrixRow {
    QString label;
    std::vector<qint64> codeIds;  // a code row: the code and every code under it
    std::vector<MatrixItem> items; // a query row: what it found
};

// Code × column counts. A cell counts the distinct segments coded with the row's code or any code
// under it whose speaker falls in the column (`cases`: distinct participants; `words`: the words of
// those segments). Segments without a known speaker, or whose speaker has no value for the column's
// attribute, fall in a column "(none)", shown only when it is not empty.
struct CodeMatrixResult {
    QStringList rows;
    QStringList columns;
    std::vector<std::vector<qint64>> cells;
    // Behind every cell: the segment ids it counts (for retrieval from a cell).
    std::vector<std::vector<std::vector<qint64>>> segments;
    QString columnKind;
    QString count;

    QJsonObject toJson() const;
    AnalysisTable table(const QString& title = QStringLiteral("Matrix")) const;
    QString toText() const;
};

QString matrixCountName(MatrixCount count);
bool parseMatrixCount(const QString& name, MatrixCount* count);

class CodeMatrix {
public:
    static Result<CodeMatrixResult> compute(Project& project, const AnalysisSnapshot& snapshot, const MatrixRequest& request);
    // A code query as a row: each passage one thing to count, where its first segment is.
    static Result<MatrixRow> queryRow(const QString& query, const AnalysisSnapshot& snapshot);
    // The same for rows given directly (query rows carry their items).
    static Result<CodeMatrixResult> compute(Project& project, const AnalysisSnapshot& snapshot,
                                            const std::vector<MatrixRow>& rows, const QString& columns, MatrixCount count);
};

} // namespace warrant
