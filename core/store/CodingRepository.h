#pragma once

#include "Result.h"
#include "model/Coding.h"
#include "model/Segment.h"

#include <QDateTime>
#include <optional>
#include <vector>

namespace warrant {

class Project;

// A coded segment as retrieval shows it: the text with where it came from.
struct CodedSegment {
    qint64 codingId = 0;
    qint64 segmentId = 0;
    qint64 sourceId = 0;
    QString sourceTitle;
    qsizetype start = 0;
    qsizetype end = 0;
    QString text;
    qint64 codeId = 0;
    QString codePath;
    QString coder;
    QString participantCode; // of the turn the segment starts in
    int turnNumber = 0;      // 0 when outside any turn
    QDateTime createdAt;

    // "(R8, turn 12)", or the source title when no participant is known.
    QString citation() const;
};

struct SegmentFilter {
    std::vector<qint64> codeIds;      // any of these (callers add descendants); empty = all
    QString participantCode;          // empty = all
    QString attributeName;            // with attributeValue: participants having it
    QString attributeValue;
    QString coder;                    // empty = all
    qint64 sourceId = 0;              // 0 = all
    qint64 codingId = 0;              // 0 = all
};

struct ApplyOutcome {
    int added = 0;     // new codings
    int existing = 0;  // already present for this coder
};

// Segments and codings.
class CodingRepository {
public:
    explicit CodingRepository(Project& project) : m_project(project) {}

    // Each apply/remove call is one change-log entry (and one undo step in the workbench).
    Result<ApplyOutcome> applyRange(qint64 sourceId, qsizetype start, qsizetype end, qint64 codeId);
    Result<ApplyOutcome> applyTurn(qint64 sourceId, int turnNumber, qint64 codeId);
    Result<ApplyOutcome> applyParticipant(qint64 participantId, qint64 codeId);
    // Codes every occurrence of `text` in the source (exact, code-point offsets).
    Result<ApplyOutcome> applyText(qint64 sourceId, const QString& text, qint64 codeId);
    // Several ranges as one operation: [sourceId, start, end] triples.
    struct Range { qint64 sourceId; qsizetype start; qsizetype end; };
    // `where` says in words what the ranges are for the change log ("every turn of M2"); empty:
    // described from the ranges ("R8 turn 4", "3 passages in R8").
    Result<ApplyOutcome> applyRanges(const std::vector<Range>& ranges, qint64 codeId, const QString& where = {});
    // "R8 turn 4", "R8 turns 2–4", "R8 characters 10–80" (outside turns), "3 passages in R8",
    // "12 passages in 5 sources": where ranges lie, for change-log sentences.
    QString describe(const std::vector<Range>& ranges);

    // The part of a range that is codable text: in a transcript, a range that starts or ends on a
    // speaker label ("R8: ") or between turns is narrowed to the turns' own text, so a coding never
    // holds a label and keeps its turn number. Documents without turns are left as they are. An
    // error when nothing but labels and gaps is selected. Applying and removing both narrow.
    Result<Range> codable(const Range& range);

    Status remove(qint64 codingId);
    // Removes one coder's coding of a code on exactly this range (undo of applyRange).
    Status removeRange(qint64 sourceId, qsizetype start, qsizetype end, qint64 codeId);
    // Undo of applyRanges: removes the acting coder's codings of `codeId` on exactly these ranges,
    // as one change. Ranges without such a coding are skipped.
    Result<int> removeRanges(const std::vector<Range>& ranges, qint64 codeId, const QString& where = {});

    // Resolves a disagreement between coders: inside [start, end) of the source every coder in
    // `others` ends with exactly `from`'s codings of `codeId` (theirs that overlap the passage are
    // removed, `from`'s segments that overlap it are coded for them). One change; returns how many
    // codings were removed and added.
    Result<int> adoptVersion(qint64 sourceId, qsizetype start, qsizetype end, qint64 codeId, qint64 from,
                             const std::vector<qint64>& others);

    Result<std::vector<CodedSegment>> segments(const SegmentFilter& filter);
    Result<std::optional<CodedSegment>> coding(qint64 codingId);
    Result<int> countCodings();

private:
    Result<qint64> ensureSegment(qint64 sourceId, qsizetype start, qsizetype end);
    Result<bool> insertCoding(qint64 segmentId, qint64 codeId);
    Project& m_project;
};

} // namespace warrant
