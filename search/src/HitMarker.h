#pragma once

#include "QueryBuilder.h"

#include <QString>

#include <utility>
#include <vector>

namespace warrant {

// Finds where a query's positive words occur in a passage, with the same tokenizer and stemmer
// the index used, so the highlighted words are the ones that matched.
class HitMarker {
public:
    HitMarker(const HighlightSpec& spec, Xapian::Stem& stemmer) : m_spec(spec), m_stemmer(stemmer) {}
    // UTF-16 ranges in `text`, in order, not overlapping.
    std::vector<std::pair<qsizetype, qsizetype>> find(const QString& text);
    // About `width` characters around the first match, matches marked « », ellipses at cuts.
    static QString snippet(const QString& text, const std::vector<std::pair<qsizetype, qsizetype>>& matches, int width = 240);

private:
    const HighlightSpec& m_spec;
    Xapian::Stem& m_stemmer;
};

} // namespace warrant
