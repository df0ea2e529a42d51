#pragma once

#include "Result.h"
#include "analysis/AnalysisTable.h"

#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace warrant {

class AnalysisSnapshot;
class Project;

// New codes per transcript in interview order: the transcript's Date line when it has one that
// reads as a date, else import order (undated transcripts follow the dated ones).
struct SaturationPoint {
    QString source;
    QString date;          // as written, empty when none
    int newCodes = 0;      // codes first used in this transcript
    int cumulativeCodes = 0;
    QStringList codes;     // the new ones
};

struct SaturationResult {
    std::vector<SaturationPoint> points;
    QString order; // "interview date" or "import order" or "interview date, then import order"
    QJsonObject toJson() const;
    AnalysisTable table() const;
    QString toText() const;
};

struct CodeCoverage {
    QString code;
    int participants = 0;
    int groups = 0;
    QStringList groupNames;
    int segments = 0;
};

struct ParticipantCoverage {
    QString participant;
    QString group;
    qint64 spokenCharacters = 0; // in their own turns
    qint64 codedCharacters = 0;  // of those, under at least one coding
    double share = 0;            // coded / spoken, 0 when they said nothing
};

struct CoverageResult {
    std::vector<CodeCoverage> codes;
    std::vector<ParticipantCoverage> participants;
    QJsonObject toJson() const;
    std::vector<AnalysisTable> tables() const;
    QString toText() const;
};

class SaturationCoverage {
public:
    static Result<SaturationResult> saturation(const AnalysisSnapshot& snapshot);
    // A code's participants and groups count those of its own and its subcodes' segments.
    static Result<CoverageResult> coverage(const AnalysisSnapshot& snapshot);
};

} // namespace warrant
