// Agreement coefficients against published worked examples, degenerate inputs, and (on random data)
// against literal textbook implementations written here independently of the library's shortcuts.

#include <catch2/catch.hpp>

#include "analysis/AgreementStatistics.h"

#include <cmath>
#include <map>
#include <random>
#include <string>

using namespace warrant::agreement;

namespace {

using Matrix = std::vector<std::vector<std::int64_t>>;

// Reliability data as one string per coder, one character per unit, '.' for a missing value: the
// layout of the tables in Krippendorff's paper.
std::vector<UnitValues> unitsFromCoders(const std::vector<std::string>& coders) {
    std::vector<UnitValues> units(coders.front().size());
    for (const std::string& coder : coders) {
        for (std::size_t u = 0; u < coder.size(); ++u) {
            if (coder[u] != '.') units[u].values.push_back(coder[u] - '0');
        }
    }
    return units;
}

// Alpha by the book: the full coincidence matrix from every ordered pair of values in a unit,
// then 1 - D_o / D_e. Deliberately naive (quadratic in coders, weights by repetition).
std::optional<double> referenceAlpha(const std::vector<UnitValues>& units) {
    std::map<int, std::map<int, double>> o;
    for (const UnitValues& unit : units) {
        const std::size_t m = unit.values.size();
        if (m < 2) continue;
        for (std::size_t i = 0; i < m; ++i) {
            for (std::size_t j = 0; j < m; ++j) {
                if (i != j) o[unit.values[i]][unit.values[j]] += double(unit.weight) / double(m - 1);
            }
        }
    }
    std::map<int, double> nc;
    double n = 0;
    for (const auto& [c, row] : o) {
        for (const auto& [k, v] : row) {
            nc[c] += v;
            n += v;
        }
    }
    double dO = 0, dE = 0;
    for (const auto& [c, row] : o) {
        for (const auto& [k, v] : row) dO += c != k ? v : 0;
        for (const auto& [k, nk] : nc) dE += c != k ? nc[c] * nk / (n - 1) : 0;
    }
    if (n <= 1 || dE == 0) return std::nullopt;
    return 1 - dO / dE;
}

// Fleiss (1971) exactly as written: P_i per subject, their mean, and the squared category shares.
std::optional<double> referenceFleiss(const Matrix& counts) {
    const double units = double(counts.size());
    double n = 0;
    for (auto c : counts.front()) n += double(c);
    std::vector<double> p(counts.front().size(), 0);
    double pBar = 0;
    for (const auto& row : counts) {
        double squares = 0;
        for (std::size_t j = 0; j < row.size(); ++j) {
            squares += double(row[j]) * double(row[j]);
            p[j] += double(row[j]) / (units * n);
        }
        pBar += (squares - n) / (n * (n - 1)) / units;
    }
    double pE = 0;
    for (double pj : p) pE += pj * pj;
    if (pE == 1) return std::nullopt;
    return (pBar - pE) / (1 - pE);
}

// One unit per histogram entry: c coders said 1, the rest 0.
std::vector<UnitValues> expandBinary(const std::vector<std::int64_t>& byCount) {
    const std::size_t m = byCount.size() - 1;
    std::vector<UnitValues> units;
    for (std::size_t c = 0; c <= m; ++c) {
        UnitValues unit;
        unit.values.assign(c, 1);
        unit.values.resize(m, 0);
        for (std::int64_t i = 0; i < byCount[c]; ++i) units.push_back(unit);
    }
    return units;
}

Matrix expandBinaryToFleiss(const std::vector<std::int64_t>& byCount) {
    const auto m = std::int64_t(byCount.size()) - 1;
    Matrix rows;
    for (std::int64_t c = 0; c <= m; ++c) {
        for (std::int64_t i = 0; i < byCount[std::size_t(c)]; ++i) rows.push_back({m - c, c});
    }
    return rows;
}

std::vector<std::int64_t> randomHistogram(std::mt19937& rng) {
    std::uniform_int_distribution<int> coders(2, 8), count(0, 12);
    std::vector<std::int64_t> byCount(std::size_t(coders(rng)) + 1);
    for (auto& c : byCount) c = count(rng);
    return byCount;
}

// Several coders, missing values, and categories that are sparse, negative and large.
std::vector<UnitValues> randomUnits(std::mt19937& rng, bool weighted) {
    static const int categories[] = {-7, 0, 3, 1000, 42};
    std::uniform_int_distribution<int> unitCount(1, 15), coders(0, 5), pick(0, 4), weight(1, 5);
    std::uniform_int_distribution<int> spread(1, 5); // how many categories this data set uses
    const int used = spread(rng);
    std::vector<UnitValues> units(std::size_t(unitCount(rng)));
    for (auto& unit : units) {
        for (int i = coders(rng); i > 0; --i) unit.values.push_back(categories[pick(rng) % used]);
        if (weighted) unit.weight = weight(rng);
    }
    return units;
}

// Catch's Approx also allows a relative error of about 1e-5 by default: far too loose for checks
// that two computations of the same quantity agree, so those use this instead.
Approx near(double expected, double margin = 1e-12) { return Approx(expected).epsilon(0).margin(margin); }

// Fails the test (rather than dereferencing an empty optional) when a coefficient is missing.
double valueOf(const std::optional<double>& v) {
    REQUIRE(v.has_value());
    return *v;
}

void requireSame(const std::optional<double>& actual, const std::optional<double>& expected) {
    REQUIRE(actual.has_value() == expected.has_value());
    if (expected) REQUIRE(*actual == near(*expected));
}

} // namespace

TEST_CASE("Krippendorff's nominal alpha matches the paper's four-observer example", "[analysis][agreement]") {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: nominal data,
    // four observers, twelve units, missing values ('.'); the paper gives alpha = 0.743.
    const auto units = unitsFromCoders({
        "123321412...", // A
        "1233224125.3", // B
        ".3332342251.", // C
        "12332441251.", // D
    });
    const auto alpha = krippendorffAlphaNominal(units);
    REQUIRE(alpha.has_value());
    CHECK(*alpha == Approx(0.743).margin(0.0005));
    CHECK(*alpha == near(valueOf(referenceAlpha(units))));

    // Category labels are arbitrary: relabelling to sparse, negative and large ints changes nothing.
    const std::map<int, int> relabel = {{1, -40}, {2, 7}, {3, 1'000'000}, {4, 0}, {5, -1}};
    auto relabelled = units;
    for (auto& unit : relabelled) {
        for (int& v : unit.values) v = relabel.at(v);
    }
    CHECK(valueOf(krippendorffAlphaNominal(relabelled)) == near(*alpha));
}

TEST_CASE("Krippendorff's alpha matches the paper's two-observer binary example", "[analysis][agreement]") {
    // Krippendorff (2011), section A: binary data, two observers, no missing data; alpha = 0.095.
    const auto units = unitsFromCoders({"0100000010", "1110010000"});
    const auto alpha = krippendorffAlphaNominal(units);
    REQUIRE(alpha.has_value());
    CHECK(*alpha == Approx(0.095).margin(0.0005));

    // The same data as a histogram: 5 units neither coder marked, 4 marked by one, 1 by both.
    const auto binary = alphaBinary({5, 4, 1});
    REQUIRE(binary.has_value());
    CHECK(*binary == Approx(0.095).margin(0.0005));
    CHECK(*binary == near(*alpha));
}

TEST_CASE("Cohen's kappa and percent agreement on the textbook 2x2 table", "[analysis][agreement]") {
    // 50 items: both yes 20, first yes / second no 5, first no / second yes 10, both no 15.
    // p_o = 35/50 = 0.7; p_e = (25*30 + 25*20)/2500 = 0.5; kappa = 0.2/0.5 = 0.4.
    const Matrix table = {{20, 5}, {10, 15}};
    REQUIRE(cohenKappa(table).has_value());
    CHECK(valueOf(cohenKappa(table)) == near(0.4));
    REQUIRE(percentAgreement(table).has_value());
    CHECK(valueOf(percentAgreement(table)) == near(0.7));

    SECTION("counts at character scale do not overflow") {
        // Products of marginals reach 7.5e20, beyond int64; kappa is invariant under scaling.
        const std::int64_t s = 1'000'000'000;
        const Matrix big = {{20 * s, 5 * s}, {10 * s, 15 * s}};
        CHECK(valueOf(cohenKappa(big)) == near(0.4));
        CHECK(valueOf(percentAgreement(big)) == near(0.7));
    }
    SECTION("a three-category table") {
        // p_o = 0.65; marginals rows 40/30/30, columns 35/35/30: p_e = (1400+1050+900)/10000.
        const Matrix three = {{25, 10, 5}, {5, 20, 5}, {5, 5, 20}};
        const double pe = 0.335;
        CHECK(valueOf(cohenKappa(three)) == near(((65.0 / 100) - pe) / (1 - pe)));
        CHECK(valueOf(percentAgreement(three)) == near(0.65));
    }
}

TEST_CASE("Fleiss' kappa matches the Fleiss (1971) / Wikipedia example", "[analysis][agreement]") {
    // 10 subjects, 14 raters, 5 categories: P_bar = 0.378, P_e = 0.213, kappa = 0.210.
    const Matrix counts = {
        {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
        {7, 7, 0, 0, 0},  {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
    };
    const auto kappa = fleissKappa(counts);
    REQUIRE(kappa.has_value());
    CHECK(*kappa == Approx(0.210).margin(0.0005));
    CHECK(*kappa == near(valueOf(referenceFleiss(counts))));
}

TEST_CASE("Agreement coefficients are undefined without variation", "[analysis][agreement]") {
    SECTION("every value the same") {
        CHECK_FALSE(krippendorffAlphaNominal({{{3, 3, 3}}, {{3, 3}}, {{3, 3, 3, 3}}}).has_value());
        CHECK_FALSE(cohenKappa({{12, 0}, {0, 0}}).has_value());
        CHECK_FALSE(fleissKappa({{0, 4}, {0, 4}, {0, 4}}).has_value());
        CHECK_FALSE(alphaBinary({0, 0, 9}).has_value());
        CHECK_FALSE(fleissKappaBinary({9, 0, 0, 0}).has_value());
        // Agreement itself is well defined, and perfect.
        CHECK(valueOf(percentAgreement({{12, 0}, {0, 0}})) == 1.0);
    }
    SECTION("single coder per unit: nothing is pairable") {
        CHECK_FALSE(krippendorffAlphaNominal({{{1}}, {{2}}, {{3}}, {{}}}).has_value());
        // A unit with a lone value does not rescue one with variation missing.
        CHECK_FALSE(krippendorffAlphaNominal({{{1, 1}}, {{2}}}).has_value());
    }
    SECTION("empty input") {
        CHECK_FALSE(krippendorffAlphaNominal({}).has_value());
        CHECK_FALSE(cohenKappa({}).has_value());
        CHECK_FALSE(percentAgreement({}).has_value());
        CHECK_FALSE(fleissKappa({}).has_value());
        CHECK_FALSE(cohenKappa({{0, 0}, {0, 0}}).has_value());
        CHECK_FALSE(percentAgreement({{0, 0}, {0, 0}}).has_value());
        CHECK_FALSE(alphaBinary({}).has_value());
        CHECK_FALSE(alphaBinary({0, 0, 0}).has_value());
        CHECK_FALSE(fleissKappaBinary({}).has_value());
        CHECK_FALSE(fleissKappaBinary({0, 0, 0}).has_value());
    }
    SECTION("malformed input") {
        CHECK_FALSE(cohenKappa({{1, 2}, {3}}).has_value());          // not square
        CHECK_FALSE(cohenKappa({{1, 2, 3}, {4, 5, 6}}).has_value()); // not square
        CHECK_FALSE(percentAgreement({{1, 2}, {3}}).has_value());
        CHECK_FALSE(cohenKappa({{5, -1}, {1, 5}}).has_value());      // negative count
        CHECK_FALSE(fleissKappa({{2, 1}, {1, 1}}).has_value());      // 3 ratings, then 2
        CHECK_FALSE(fleissKappa({{2, 1}, {1, 1, 1}}).has_value());   // categories do not line up
        CHECK_FALSE(fleissKappa({{1, 0}, {0, 1}}).has_value());      // one rating per unit
        CHECK_FALSE(alphaBinary({3, 4}).has_value());                // one coder
        CHECK_FALSE(fleissKappaBinary({3, 4}).has_value());
        CHECK_FALSE(krippendorffAlphaNominal({{{1, 2}, -1}, {{1, 1}}}).has_value());
    }
}

TEST_CASE("Perfect agreement with variation gives 1", "[analysis][agreement]") {
    CHECK(valueOf(krippendorffAlphaNominal({{{1, 1, 1}}, {{2, 2}}, {{5, 5}, 3}, {{9}}})) == near(1.0));
    CHECK(valueOf(cohenKappa({{7, 0, 0}, {0, 3, 0}, {0, 0, 1}})) == near(1.0));
    CHECK(valueOf(fleissKappa({{3, 0}, {0, 3}, {3, 0}})) == near(1.0));
    CHECK(valueOf(alphaBinary({4, 0, 0, 2})) == near(1.0));
    CHECK(valueOf(fleissKappaBinary({4, 0, 0, 2})) == near(1.0));
}

TEST_CASE("Alpha matches the literal coincidence-matrix definition", "[analysis][agreement]") {
    std::mt19937 rng(20110425);
    for (int trial = 0; trial < 400; ++trial) {
        const auto units = randomUnits(rng, true);
        INFO("trial " << trial);
        requireSame(krippendorffAlphaNominal(units), referenceAlpha(units));
    }
}

TEST_CASE("A weighted unit counts as that many repeated units", "[analysis][agreement]") {
    std::mt19937 rng(1971);
    for (int trial = 0; trial < 300; ++trial) {
        const auto weighted = randomUnits(rng, true);
        std::vector<UnitValues> repeated;
        for (const auto& unit : weighted) {
            for (std::int64_t i = 0; i < unit.weight; ++i) repeated.push_back({unit.values, 1});
        }
        INFO("trial " << trial);
        requireSame(krippendorffAlphaNominal(weighted), krippendorffAlphaNominal(repeated));
    }
    // A zero weight removes the unit.
    requireSame(krippendorffAlphaNominal({{{1, 2}, 0}, {{1, 1}}, {{2, 2}}}),
                krippendorffAlphaNominal({{{1, 1}}, {{2, 2}}}));
}

TEST_CASE("Binary histograms agree with the general coefficients on expanded data", "[analysis][agreement]") {
    std::mt19937 rng(2004);
    for (int trial = 0; trial < 400; ++trial) {
        const auto byCount = randomHistogram(rng);
        INFO("trial " << trial << ", coders " << byCount.size() - 1);
        requireSame(alphaBinary(byCount), krippendorffAlphaNominal(expandBinary(byCount)));
        const Matrix rows = expandBinaryToFleiss(byCount);
        if (rows.empty()) {
            CHECK_FALSE(fleissKappaBinary(byCount).has_value());
            continue;
        }
        requireSame(fleissKappaBinary(byCount), fleissKappa(rows));
        requireSame(fleissKappa(rows), referenceFleiss(rows));
    }
}

TEST_CASE("Binary coefficients stay accurate at character-unit scale", "[analysis][agreement]") {
    // Millions of characters, nearly all agreed on: the regime where cancellation would show.
    const std::int64_t s = 1'000'000'000;
    const std::vector<std::int64_t> small = {600, 7, 3, 390};
    std::vector<std::int64_t> big;
    for (auto c : small) big.push_back(c * s);

    // Fleiss' kappa does not change when every unit is repeated s times.
    CHECK(valueOf(fleissKappaBinary(big)) == near(valueOf(fleissKappaBinary(small))));

    // Alpha does (its small-sample correction fades): it tends to 1 - n D_o / sum n_c n_k of the
    // unscaled data. Here n = 3000, n_1 = 1187, D_o = 2*(7*1*2 + 3*2*1)/2 = 20.
    const double n = 3000, n1 = 7 * 1 + 3 * 2 + 390 * 3, dO = 20;
    const double limit = 1 - n * dO / (2 * n1 * (n - n1));
    REQUIRE(alphaBinary(big).has_value());
    CHECK(valueOf(alphaBinary(big)) == near(limit, 1e-9));
    CHECK(valueOf(alphaBinary(big)) != near(valueOf(alphaBinary(small)), 1e-9));

    // The same data as weighted units.
    std::vector<UnitValues> units;
    for (std::size_t c = 0; c < small.size(); ++c) {
        UnitValues unit{std::vector<int>(c, 1), small[c] * s};
        unit.values.resize(3, 0);
        units.push_back(unit);
    }
    CHECK(valueOf(krippendorffAlphaNominal(units)) == near(valueOf(alphaBinary(big))));
}
