#pragma once

#include "Result.h"
#include "analysis/AgreementUnits.h"
#include "analysis/AnalysisTable.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <vector>

namespace warrant {

class AnalysisSnapshot;
class Project;

struct AgreementRequest {
    QStringList coders;   // two or more, by name
    QStringList codes;    // paths or unique names; empty = every code
    AgreementUnit unit = AgreementUnit::Turn;
    QStringList sources;  // titles; empty = every source all the coders coded
};

// How far the coders agree on one code (or, pooled, on all): a unit is "coded" by a coder when one
// of their codings of the code itself (not of a subcode) overlaps it. The 2×2 counts are those of
// the first two coders; the coefficients use every coder.
struct AgreementFigures {
    qint64 units = 0;
    qint64 both = 0;
    qint64 firstOnly = 0;
    qint64 secondOnly = 0;
    qint64 neither = 0;
    std::optional<double> percentAgreement; // units where all coders agree
    std::optional<double> kappa;            // Cohen's (two coders) or Fleiss' (more)
    std::optional<double> alpha;            // Krippendorff's, nominal
};

struct CodeAgreement {
    qint64 codeId = 0;
    QString code; // full path
    AgreementFigures figures;
};

struct AgreementReport {
    AgreementUnit unit = AgreementUnit::Turn;
    QStringList coders;
    QStringList sources;              // the compared sources
    std::vector<CodeAgreement> codes; // in codebook order
    AgreementFigures total;           // every (unit, code) decision pooled
    // Over the whole codebook: alpha on the units any coder coded, a coder's value being the
    // combination of codes they gave the unit (ATLAS.ti's cu-alpha in spirit).
    std::optional<double> cuAlpha;

    QString kappaName() const;
    QJsonObject toJson() const;
    AnalysisTable table() const;
    QString toText() const;
};

class IntercoderAgreement {
public:
    static Result<AgreementReport> compute(Project& project, const AnalysisSnapshot& snapshot,
                                           const AgreementRequest& request);
    // Resolves names to ids with one clear error for an unknown or repeated coder, code or source.
    struct Resolved {
        std::vector<qint64> coders, codes, sources;
    };
    static Result<Resolved> resolve(const AnalysisSnapshot& snapshot, const AgreementRequest& request);
};

} // namespace warrant
