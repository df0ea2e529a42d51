#pragma once

#include <QString>

#include "StemVariants.h"

#include <xapian.h>

#include <utility>
#include <vector>

namespace warrant {

// "Did you mean": for query words the corpus does not contain, the closest word that it does
// (edit distance at most 2, ties broken by frequency), put back into the query.
class SpellingSuggester {
public:
    SpellingSuggester(const Xapian::Database& db, Xapian::Stem& stemmer, StemVariants& variants)
        : m_db(db), m_stemmer(stemmer), m_variants(variants) {}
    // Empty when every word is known or nothing close exists.
    QString suggest(const QString& query, const std::vector<std::pair<QString, qsizetype>>& words);
    static int distance(const std::string& a, const std::string& b, int limit);

private:
    std::string closest(const std::string& word);
    const Xapian::Database& m_db;
    Xapian::Stem& m_stemmer;
    StemVariants& m_variants;
};

} // namespace warrant
