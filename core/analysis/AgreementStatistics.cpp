#include "analysis/AgreementStatistics.h"

#include <algorithm>
#include <map>

namespace warrant::agreement {

namespace {

using Matrix = std::vector<std::vector<std::int64_t>>;

// Sums are kept in long double: counts reach 10^9 and their products overflow int64, while a
// 64-bit mantissa still holds every integer below 2^64 exactly.
using Real = long double;

// What alpha needs from the coincidence matrix: the per-category totals n_c and the off-diagonal
// mass D_o. Summing the off-diagonal cells directly (rather than n minus the diagonal) avoids
// cancellation when agreement is nearly perfect on millions of units.
struct Coincidences {
    std::vector<Real> totals;
    Real disagreement = 0;
};

// alpha = 1 - (n-1) D_o / sum_{c!=k} n_c n_k. The denominator is written as sum_c n_c (n - n_c),
// whose terms are non-negative, so "undefined" is an exact test rather than a float comparison.
std::optional<double> alphaFrom(const Coincidences& co) {
    Real n = 0;
    for (Real t : co.totals) n += t;
    if (n <= 1) return std::nullopt;
    Real expectedPairs = 0;
    for (Real t : co.totals) expectedPairs += t * (n - t);
    if (expectedPairs <= 0) return std::nullopt;
    return static_cast<double>(1 - (n - 1) * co.disagreement / expectedPairs);
}

// A unit's values as (category, how many coders chose it), so pairs can be counted per category
// instead of per pair of coders.
std::vector<std::pair<int, std::int64_t>> categoryCounts(std::vector<int> values) {
    std::sort(values.begin(), values.end());
    std::vector<std::pair<int, std::int64_t>> runs;
    for (int v : values) {
        if (runs.empty() || runs.back().first != v) runs.emplace_back(v, 0);
        ++runs.back().second;
    }
    return runs;
}

bool isSquare(const Matrix& counts) {
    if (counts.empty()) return false;
    for (const auto& row : counts) {
        if (row.size() != counts.size()) return false;
    }
    return true;
}

bool hasNegative(const Matrix& counts) {
    for (const auto& row : counts) {
        for (std::int64_t c : row) {
            if (c < 0) return true;
        }
    }
    return false;
}

bool hasNegative(const std::vector<std::int64_t>& counts) {
    return std::any_of(counts.begin(), counts.end(), [](std::int64_t c) { return c < 0; });
}

// A valid histogram for m >= 2 coders with at least one unit; else the coefficients are undefined.
bool isBinaryHistogram(const std::vector<std::int64_t>& byCount) {
    if (byCount.size() < 3 || hasNegative(byCount)) return false;
    return std::any_of(byCount.begin(), byCount.end(), [](std::int64_t c) { return c > 0; });
}

// The common number of ratings per unit, or 0 when units differ (or rows differ in width, which
// means the categories do not line up).
std::int64_t ratingsPerUnit(const Matrix& counts) {
    std::int64_t ratings = -1;
    for (const auto& row : counts) {
        if (row.empty() || row.size() != counts.front().size()) return 0;
        std::int64_t sum = 0;
        for (std::int64_t c : row) sum += c;
        if (ratings >= 0 && sum != ratings) return 0;
        ratings = sum;
    }
    return ratings < 0 ? 0 : ratings;
}

} // namespace

std::optional<double> krippendorffAlphaNominal(const std::vector<UnitValues>& units) {
    // An ordered map both maps arbitrary category ints to dense slots and keeps the order stable.
    std::map<int, Real> totals;
    Coincidences co;
    for (const UnitValues& unit : units) {
        if (unit.weight < 0) return std::nullopt;
        const auto m = static_cast<std::int64_t>(unit.values.size());
        if (m < 2 || unit.weight == 0) continue; // not pairable: contributes nothing
        const Real scale = static_cast<Real>(unit.weight) / static_cast<Real>(m - 1);
        for (const auto& [category, count] : categoryCounts(unit.values)) {
            totals[category] += static_cast<Real>(unit.weight) * static_cast<Real>(count);
            // Ordered pairs from this category to any other: count * (m - count), over m - 1.
            co.disagreement += scale * static_cast<Real>(count) * static_cast<Real>(m - count);
        }
    }
    for (const auto& entry : totals) co.totals.push_back(entry.second);
    return alphaFrom(co);
}

std::optional<double> alphaBinary(const std::vector<std::int64_t>& byCount) {
    if (!isBinaryHistogram(byCount)) return std::nullopt;
    const auto m = static_cast<std::int64_t>(byCount.size()) - 1;
    Coincidences co;
    co.totals.assign(2, 0);
    for (std::int64_t c = 0; c <= m; ++c) {
        const auto w = static_cast<Real>(byCount[static_cast<std::size_t>(c)]);
        co.totals[0] += w * static_cast<Real>(m - c);
        co.totals[1] += w * static_cast<Real>(c);
        // o_01 + o_10: both orders of the c * (m - c) yes/no pairs.
        co.disagreement += w * 2 * static_cast<Real>(c) * static_cast<Real>(m - c) / static_cast<Real>(m - 1);
    }
    return alphaFrom(co);
}

std::optional<double> cohenKappa(const std::vector<std::vector<std::int64_t>>& counts) {
    if (!isSquare(counts) || hasNegative(counts)) return std::nullopt;
    const std::size_t k = counts.size();
    std::vector<Real> rows(k, 0), cols(k, 0);
    Real total = 0, offDiagonal = 0;
    for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t j = 0; j < k; ++j) {
            const auto c = static_cast<Real>(counts[i][j]);
            rows[i] += c;
            cols[j] += c;
            total += c;
            if (i != j) offDiagonal += c;
        }
    }
    if (total <= 0) return std::nullopt;
    // N^2 (1 - p_e) = sum_i r_i (N - c_i): non-negative terms, zero exactly when p_e == 1.
    Real chanceDisagreement = 0;
    for (std::size_t i = 0; i < k; ++i) chanceDisagreement += rows[i] * (total - cols[i]);
    if (chanceDisagreement <= 0) return std::nullopt;
    // kappa = 1 - (1 - p_o) / (1 - p_e), which keeps precision when both are close to 1.
    return static_cast<double>(1 - total * offDiagonal / chanceDisagreement);
}

std::optional<double> percentAgreement(const std::vector<std::vector<std::int64_t>>& counts) {
    if (!isSquare(counts) || hasNegative(counts)) return std::nullopt;
    Real total = 0, trace = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        for (std::size_t j = 0; j < counts.size(); ++j) total += static_cast<Real>(counts[i][j]);
        trace += static_cast<Real>(counts[i][i]);
    }
    if (total <= 0) return std::nullopt;
    return static_cast<double>(trace / total);
}

std::optional<double> fleissKappa(const std::vector<std::vector<std::int64_t>>& counts) {
    if (counts.empty() || hasNegative(counts)) return std::nullopt;
    const std::int64_t n = ratingsPerUnit(counts);
    if (n < 2) return std::nullopt;
    const auto rn = static_cast<Real>(n);
    const std::size_t k = counts.front().size();
    std::vector<Real> columns(k, 0);
    Real disagreeingPairs = 0; // sum_i sum_j n_ij (n - n_ij): ordered pairs of raters who differ
    for (const auto& row : counts) {
        for (std::size_t j = 0; j < k; ++j) {
            const auto c = static_cast<Real>(row[j]);
            columns[j] += c;
            disagreeingPairs += c * (rn - c);
        }
    }
    const Real ratings = static_cast<Real>(counts.size()) * rn;
    Real chanceDisagreement = 0; // T^2 (1 - P_e) = sum_j T_j (T - T_j)
    for (Real t : columns) chanceDisagreement += t * (ratings - t);
    if (chanceDisagreement <= 0) return std::nullopt;
    // kappa = 1 - (1 - P_bar) / (1 - P_e), with 1 - P_bar = disagreeingPairs / (N n (n - 1)).
    const Real observed = disagreeingPairs / (ratings * (rn - 1));
    return static_cast<double>(1 - observed * ratings * ratings / chanceDisagreement);
}

std::optional<double> fleissKappaBinary(const std::vector<std::int64_t>& byCount) {
    if (!isBinaryHistogram(byCount)) return std::nullopt;
    const auto m = static_cast<std::int64_t>(byCount.size()) - 1;
    const auto rm = static_cast<Real>(m);
    Real units = 0, yes = 0, disagreeingPairs = 0;
    for (std::int64_t c = 0; c <= m; ++c) {
        const auto w = static_cast<Real>(byCount[static_cast<std::size_t>(c)]);
        units += w;
        yes += w * static_cast<Real>(c);
        disagreeingPairs += w * 2 * static_cast<Real>(c) * static_cast<Real>(m - c);
    }
    const Real ratings = units * rm;
    const Real chanceDisagreement = 2 * yes * (ratings - yes); // T^2 (1 - P_e) with two categories
    if (chanceDisagreement <= 0) return std::nullopt;
    const Real observed = disagreeingPairs / (ratings * (rm - 1));
    return static_cast<double>(1 - observed * ratings * ratings / chanceDisagreement);
}

} // namespace warrant::agreement
