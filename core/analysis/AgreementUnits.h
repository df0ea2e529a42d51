#pragma once

#include "Result.h"

#include <QString>

#include <vector>

namespace warrant {

class AnalysisSnapshot;
class Project;

enum class AgreementUnit { Turn, Sentence, Character };
QString agreementUnitName(AgreementUnit unit);
bool parseAgreementUnit(const QString& name, AgreementUnit* unit);

// One coder's code on one unit of comparison.
struct UnitMark {
    qint64 unit = 0; // index into UnitSpace::weights
    int coder = 0;   // index into the compared coders
    qint64 code = 0;
};

// The units two or more coders are compared on, and what each coder coded on each. Only units
// somebody coded are listed in `marks`; the others count through `totalWeight` (a character
// comparison has millions of units, most of them uncoded).
struct UnitSpace {
    struct Place {
        qint64 sourceId = 0;
        qint64 start = 0, end = 0; // code points; a source without turns as one unit ends at its text's end
    };
    std::vector<qint64> weights; // per unit: how many units of comparison it stands for
    std::vector<Place> places;   // per unit: where it lies
    qint64 totalWeight = 0;      // every unit of the compared sources, coded or not
    std::vector<UnitMark> marks;
    std::vector<qint64> sourceIds; // the compared sources
};

class AgreementUnits {
public:
    // The sources all `coders` coded at least once (limited to `sources` when given), cut into
    // units: every speaker turn (interviewer turns too; a source without turns is one unit),
    // every sentence, or every character. A coding marks each unit it overlaps.
    static Result<UnitSpace> build(Project& project, const AnalysisSnapshot& snapshot, AgreementUnit unit,
                                   const std::vector<qint64>& coders, const std::vector<qint64>& codes,
                                   const std::vector<qint64>& sources);
};

} // namespace warrant
