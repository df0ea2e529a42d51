#pragma once

#include "QueryBuilder.h"

#include <QString>

#include <utility>
#include <vector>

namespace warrant {

// Finds where a query's positive words occur in a passage, with the same tokenizer the index
// used and the very words the query matched, so the highlighted words are the ones that matched.
class HitMarker {
public:
    explicit HitMarker(const HighlightSpec& spec) : m_spec(spec) {}
    // UTF-16 ranges in `text`, in order, not overlapping.
    std::vector<std::pair<qsizetype, qsizetype>> find(const QString& text);
    // About `width` characters around the first match, matches marked « », ellipses at cuts.
    static QString snippet(const QString& text, const std::vector<std::pair<qsizetype, qsizetype>>& matches, int width = 240);

private:
    const HighlightSpec& m_spec;
};

} // namespace warrant
