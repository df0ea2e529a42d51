#pragma once

#include "Result.h"
#include "analysis/AgreementUnits.h"

#include <QStringList>

#include <vector>

namespace warrant {

class AnalysisSnapshot;
class Project;

// One place where the compared coders did not code a code alike, with each coder's version.
struct Disagreement {
    qint64 sourceId = 0;
    QString source;
    QString citation;  // "(R8, turn 4)"
    qint64 start = 0;  // the unit (for characters: the run of disagreeing characters)
    qint64 end = 0;
    QString text;      // the unit's text
    struct Version {
        qint64 coderId = 0;
        QString coder;
        bool coded = false;
        std::vector<std::pair<qint64, qint64>> ranges; // that coder's codings of the code overlapping the unit
        QStringList texts;                              // and their texts
    };
    std::vector<Version> versions;
};

class Disagreements {
public:
    // The places where `coders` differ on `code` (its own codings), in source and text order.
    static Result<std::vector<Disagreement>> list(Project& project, const AnalysisSnapshot& snapshot, const QStringList& coders,
                                                  const QString& code, AgreementUnit unit, const QStringList& sources = {});
};

} // namespace warrant
