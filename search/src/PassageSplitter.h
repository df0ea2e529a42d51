#pragma once

#include "Passage.h"

#include <vector>

namespace warrant {

// Cuts a long span of text into passages of about `targetWords` words, at paragraph breaks
// first and sentence ends second, so a hit points at a readable piece rather than a whole
// twenty-minute answer. Offsets stay in code points of the source text.
class PassageSplitter {
public:
    static constexpr int kTargetWords = 300;

    // `text` is the span [start, end) of the source, already sliced out.
    static std::vector<std::pair<qsizetype, qsizetype>> split(const QString& text, qsizetype start,
                                                              int targetWords = kTargetWords);
};

} // namespace warrant
