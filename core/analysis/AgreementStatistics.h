#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace warrant::agreement {

// Agreement coefficients on nominal data. Each returns no value when the coefficient is undefined
// (no variation at all, or too few pairable values), never NaN.

// One unit of reliability data: the values the coders gave it (missing values left out), and how
// many identical units it stands for (a character-level comparison has millions of equal units).
struct UnitValues {
    std::vector<int> values;
    std::int64_t weight = 1;
};

// Krippendorff's alpha for nominal data, any number of coders, missing values allowed: units with
// fewer than two values are not pairable and do not count.
std::optional<double> krippendorffAlphaNominal(const std::vector<UnitValues>& units);

// Cohen's kappa from a square confusion matrix: counts[i][j] = units the first coder put in
// category i and the second in j.
std::optional<double> cohenKappa(const std::vector<std::vector<std::int64_t>>& counts);

// Fleiss' kappa: counts[u][k] = how many coders put unit u in category k; every unit must have
// the same number of ratings (at least two), else no value.
std::optional<double> fleissKappa(const std::vector<std::vector<std::int64_t>>& counts);

// Observed proportion of agreement from a square confusion matrix (the diagonal's share).
std::optional<double> percentAgreement(const std::vector<std::vector<std::int64_t>>& counts);

// A binary decision (coded or not) by m coders, summarised as how many units were coded by exactly
// c of them (byCount[c], c = 0..m): enough for Fleiss' kappa and alpha on a yes/no variable.
std::optional<double> fleissKappaBinary(const std::vector<std::int64_t>& byCount);
std::optional<double> alphaBinary(const std::vector<std::int64_t>& byCount);

} // namespace warrant::agreement
