#pragma once

#include "Result.h"
#include "analysis/AnalysisTable.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <vector>

namespace warrant {

class AnalysisSnapshot;

enum class CooccurrenceScope { Segment, Turn, Source };
QString cooccurrenceScopeName(CooccurrenceScope scope);
bool parseCooccurrenceScope(const QString& name, CooccurrenceScope* scope);

// Two codes and the places that carry both. With `segment`, a place is a pair of overlapping coded
// segments (or one segment coded with both); with `turn` or `source`, a turn or a source coded with
// both. A code's own count is its places alone: its segments, turns or sources.
struct CooccurrencePair {
    qint64 first = 0, second = 0;
    QString firstCode, secondCode;
    qint64 together = 0;
    qint64 firstCount = 0, secondCount = 0;
    std::optional<double> jaccard;             // together / (first + second − together)
    std::vector<qint64> segments;             // the segments behind the cell (of either code)
};

struct CooccurrenceResult {
    CooccurrenceScope scope = CooccurrenceScope::Segment;
    QStringList codes;
    std::vector<CooccurrencePair> pairs; // every pair with at least one place in common, most first

    QJsonObject toJson() const;
    AnalysisTable table() const;
    QString toText() const;
};

class CodeCooccurrence {
public:
    // `codes` empty = every code. Codes count on their own (a subcode is not its parent).
    static Result<CooccurrenceResult> compute(const AnalysisSnapshot& snapshot, const QStringList& codes, CooccurrenceScope scope);
};

} // namespace warrant
