#pragma once

#include "trace/NormalizedText.h"
#include "trace/QuoteFragments.h"

#include <optional>
#include <vector>

namespace warrant {

// Where a quotation's fragments were found in one passage: in order, close together.
struct FragmentMatch {
    qsizetype start = 0; // UTF-16 range in the passage's original text
    qsizetype end = 0;
    std::vector<std::pair<qsizetype, qsizetype>> fragments; // UTF-16 ranges, one per fragment
};

// Finds all fragments verbatim (after normalisation) in order inside one passage. The gap
// allowed between fragments depends on the cut: an ellipsis may hide up to two sentences, an
// insertion stands for a few words.
class FragmentMatcher {
public:
    static constexpr qsizetype kMaxEllipsisGap = 600;  // normalised characters
    static constexpr qsizetype kMaxInsertionGap = 80;

    static std::optional<FragmentMatch> find(const std::vector<QuoteFragment>& fragments, const NormalizedText& passage);
    // The same with the fragments' normalised texts worked out once for many passages.
    static std::vector<QString> needlesOf(const std::vector<QuoteFragment>& fragments);
    static std::optional<FragmentMatch> find(const std::vector<QuoteFragment>& fragments,
                                             const std::vector<QString>& needles, const NormalizedText& passage);
};

} // namespace warrant
