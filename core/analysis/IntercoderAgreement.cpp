#include "analysis/IntercoderAgreement.h"

#include "analysis/AgreementStatistics.h"
#include "analysis/AnalysisSnapshot.h"

#include <QJsonArray>

#include <algorithm>
#include <bit>
#include <map>

namespace warrant {

namespace {

// What the coders did on the units of one code: weight per coder mask (bit i = coder i coded it).
using MaskCounts = std::map<std::uint32_t, qint64>;

AgreementFigures figuresOf(const MaskCounts& coded, qint64 totalUnits, int coders) {
    AgreementFigures f;
    f.units = totalUnits;
    std::vector<std::int64_t> byCount(static_cast<size_t>(coders) + 1, 0);
    qint64 codedUnits = 0;
    for (const auto& [mask, weight] : coded) {
        codedUnits += weight;
        byCount[size_t(std::popcount(mask))] += weight;
        const bool first = mask & 1u, second = mask & 2u;
        if (first && second) f.both += weight;
        else if (first) f.firstOnly += weight;
        else if (second) f.secondOnly += weight;
        else f.neither += weight;
    }
    const qint64 uncoded = totalUnits - codedUnits;
    byCount[0] += uncoded;
    f.neither += uncoded;
    if (totalUnits > 0) f.percentAgreement = double(byCount[0] + byCount[size_t(coders)]) / double(totalUnits);
    f.kappa = coders == 2 ? agreement::cohenKappa({{f.both, f.firstOnly}, {f.secondOnly, f.neither}})
                          : agreement::fleissKappaBinary(byCount);
    f.alpha = agreement::alphaBinary(byCount);
    return f;
}

// Per code: the coder mask of every unit somebody coded with it.
std::map<qint64, MaskCounts> masksByCode(std::vector<UnitMark> marks, const std::vector<qint64>& weights) {
    std::sort(marks.begin(), marks.end(), [](const UnitMark& a, const UnitMark& b) {
        return std::tie(a.code, a.unit) < std::tie(b.code, b.unit);
    });
    std::map<qint64, MaskCounts> out;
    for (size_t i = 0; i < marks.size();) {
        std::uint32_t mask = 0;
        size_t j = i;
        for (; j < marks.size() && marks[j].code == marks[i].code && marks[j].unit == marks[i].unit; ++j)
            mask |= 1u << marks[j].coder;
        out[marks[i].code][mask] += weights[size_t(marks[i].unit)];
        i = j;
    }
    return out;
}

// Each coded unit's value per coder is the set of codes that coder gave it.
std::optional<double> cuAlphaOf(std::vector<UnitMark> marks, const std::vector<qint64>& weights, int coders) {
    std::sort(marks.begin(), marks.end(), [](const UnitMark& a, const UnitMark& b) {
        return std::tie(a.unit, a.coder, a.code) < std::tie(b.unit, b.coder, b.code);
    });
    QHash<QString, int> categories{{QString(), 0}};
    std::vector<agreement::UnitValues> units;
    for (size_t i = 0; i < marks.size();) {
        std::vector<QString> keys(static_cast<size_t>(coders));
        size_t j = i;
        for (; j < marks.size() && marks[j].unit == marks[i].unit; ++j)
            keys[size_t(marks[j].coder)] += QString::number(marks[j].code) + u',';
        agreement::UnitValues unit{{}, weights[size_t(marks[i].unit)]};
        for (const QString& key : keys) {
            if (!categories.contains(key)) categories.insert(key, int(categories.size()));
            unit.values.push_back(categories.value(key));
        }
        units.push_back(std::move(unit));
        i = j;
    }
    return agreement::krippendorffAlphaNominal(units);
}

QJsonValue number(const std::optional<double>& v) { return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null); }

QJsonObject figuresJson(const AgreementFigures& f) {
    return {{QStringLiteral("units"), f.units},
            {QStringLiteral("both"), f.both},
            {QStringLiteral("firstOnly"), f.firstOnly},
            {QStringLiteral("secondOnly"), f.secondOnly},
            {QStringLiteral("neither"), f.neither},
            {QStringLiteral("percentAgreement"), number(f.percentAgreement)},
            {QStringLiteral("kappa"), number(f.kappa)},
            {QStringLiteral("alpha"), number(f.alpha)}};
}

QVariant cell(const std::optional<double>& v) { return v ? QVariant(*v) : QVariant(); }

QString shown(const std::optional<double>& v, int decimals = 3) {
    return v ? QString::number(*v, 'f', decimals) : QStringLiteral("undefined");
}

} // namespace

Result<IntercoderAgreement::Resolved> IntercoderAgreement::resolve(const AnalysisSnapshot& snapshot,
                                                                   const AgreementRequest& request) {
    Resolved r;
    for (const QString& name : request.coders) {
        const qint64 id = snapshot.findCoder(name);
        if (!id) return makeError(QStringLiteral("no coder named '%1'").arg(name));
        if (std::find(r.coders.begin(), r.coders.end(), id) != r.coders.end())
            return makeError(QStringLiteral("coder '%1' is named twice").arg(name));
        r.coders.push_back(id);
    }
    if (r.coders.size() < 2) return makeError(QStringLiteral("agreement needs at least two coders"));
    if (r.coders.size() > 16) return makeError(QStringLiteral("agreement compares at most 16 coders"));
    for (const QString& path : request.codes) {
        const qint64 id = snapshot.findCode(path);
        if (!id) return makeError(QStringLiteral("no code '%1' (give its full path or a unique name)").arg(path));
        r.codes.push_back(id);
    }
    for (const QString& title : request.sources) {
        const qint64 id = snapshot.findSource(title);
        if (!id) return makeError(QStringLiteral("no source titled '%1'").arg(title));
        r.sources.push_back(id);
    }
    return r;
}

Result<AgreementReport> IntercoderAgreement::compute(Project& project, const AnalysisSnapshot& snapshot,
                                                     const AgreementRequest& request) {
    auto resolved = resolve(snapshot, request);
    if (!resolved) return resolved.error();
    auto space = AgreementUnits::build(project, snapshot, request.unit, resolved->coders, resolved->codes, resolved->sources);
    if (!space) return space.error();
    AgreementReport report;
    report.unit = request.unit;
    for (qint64 id : resolved->coders) report.coders << snapshot.coderName(id);
    for (qint64 id : space->sourceIds) report.sources << snapshot.source(id)->title;
    const int coders = int(resolved->coders.size());
    const auto masks = masksByCode(space->marks, space->weights);
    const std::vector<qint64> codes = resolved->codes.empty() ? snapshot.codesInOrder() : resolved->codes;
    MaskCounts pooled;
    for (qint64 code : codes) {
        const MaskCounts coded = masks.count(code) ? masks.at(code) : MaskCounts{};
        report.codes.push_back({code, snapshot.codePath(code), figuresOf(coded, space->totalWeight, coders)});
        for (const auto& [mask, weight] : coded) pooled[mask] += weight;
    }
    report.total = figuresOf(pooled, space->totalWeight * qint64(codes.size()), coders);
    report.cuAlpha = cuAlphaOf(space->marks, space->weights, coders);
    return report;
}

QString AgreementReport::kappaName() const {
    return coders.size() == 2 ? QStringLiteral("Cohen's kappa") : QStringLiteral("Fleiss' kappa");
}

QJsonObject AgreementReport::toJson() const {
    QJsonArray perCode;
    for (const CodeAgreement& c : codes) {
        QJsonObject o = figuresJson(c.figures);
        o.insert(QStringLiteral("code"), c.code);
        o.insert(QStringLiteral("unit"), agreementUnitName(unit));
        perCode.append(o);
    }
    QJsonObject total = figuresJson(this->total);
    total.insert(QStringLiteral("unit"), agreementUnitName(unit));
    total.insert(QStringLiteral("cuAlpha"), number(cuAlpha));
    return {{QStringLiteral("unit"), agreementUnitName(unit)},
            {QStringLiteral("coders"), QJsonArray::fromStringList(coders)},
            {QStringLiteral("sources"), QJsonArray::fromStringList(sources)},
            {QStringLiteral("kappa"), kappaName()},
            {QStringLiteral("codes"), perCode},
            {QStringLiteral("total"), total}};
}

AnalysisTable AgreementReport::table() const {
    AnalysisTable t;
    t.title = QStringLiteral("Agreement");
    t.headers = {QStringLiteral("Code"), QStringLiteral("Unit"), QStringLiteral("Units"), QStringLiteral("Both"),
                 QStringLiteral("%1 only").arg(coders.value(0)), QStringLiteral("%1 only").arg(coders.value(1)),
                 QStringLiteral("Neither"), QStringLiteral("Percent agreement"), kappaName(), QStringLiteral("Krippendorff's alpha")};
    auto row = [&](const QString& name, const AgreementFigures& f) {
        t.rows.push_back({name, agreementUnitName(unit), f.units, f.both, f.firstOnly, f.secondOnly, f.neither,
                          cell(f.percentAgreement), cell(f.kappa), cell(f.alpha)});
    };
    for (const CodeAgreement& c : codes) row(c.code, c.figures);
    row(QStringLiteral("All codes (pooled)"), total);
    return t;
}

QString AgreementReport::toText() const {
    QStringList lines;
    lines << QStringLiteral("Agreement of %1 by %2 over %3 %4s in %5 sources")
                 .arg(coders.join(QStringLiteral(", ")), agreementUnitName(unit))
                 .arg(codes.empty() ? 0 : codes.front().figures.units).arg(agreementUnitName(unit)).arg(sources.size());
    const QString first = coders.value(0).left(9), second = coders.value(1).left(9);
    lines << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
                 .arg(QStringLiteral("code"), -44).arg(QStringLiteral("both"), 7).arg(first, 9).arg(second, 9)
                 .arg(QStringLiteral("neither"), 9).arg(QStringLiteral("agree"), 7).arg(QStringLiteral("kappa"), 9).arg(QStringLiteral("alpha"), 9);
    auto line = [&](const QString& name, const AgreementFigures& f) {
        const QString shortened = name.size() > 44 ? name.left(43) + u'…' : name;
        lines << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
                     .arg(shortened, -44).arg(f.both, 7).arg(f.firstOnly, 9).arg(f.secondOnly, 9).arg(f.neither, 9)
                     .arg(f.percentAgreement ? QStringLiteral("%1%").arg(*f.percentAgreement * 100, 0, 'f', 1) : QStringLiteral("-"), 7)
                     .arg(shown(f.kappa), 9).arg(shown(f.alpha), 9);
    };
    for (const CodeAgreement& c : codes) line(c.code, c.figures);
    line(QStringLiteral("All codes (pooled)"), total);
    lines << QStringLiteral("%1; Krippendorff's alpha (nominal); cu-alpha over the codebook: %2").arg(kappaName(), shown(cuAlpha));
    return lines.join(u'\n');
}

} // namespace warrant
