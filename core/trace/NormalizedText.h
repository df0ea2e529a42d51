#pragma once

#include <QString>

#include <vector>

namespace warrant {

// Text reduced for comparing quotations with what was said: case folded, NFKC, typographic
// quotes and dashes unified, punctuation and markup dropped, whitespace collapsed to single
// spaces, words split by a line-end hyphen rejoined. `origin[i]` is the UTF-16 index in the
// original text of normalised character i, so a match maps back to the source.
struct NormalizedText {
    QString text;
    std::vector<qsizetype> origin;     // start of the source character
    std::vector<qsizetype> originEnd;  // end of the source character

    static NormalizedText of(const QString& original);
    // Original UTF-16 range [start, end) covered by normalised range [from, to).
    std::pair<qsizetype, qsizetype> originalRange(qsizetype from, qsizetype to) const;
};

} // namespace warrant
