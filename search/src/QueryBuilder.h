#pragma once

#include "IndexCatalog.h"
#include "QueryNode.h"
#include "Result.h"
#include "StemVariants.h"

#include <xapian.h>

#include <set>
#include <string>
#include <vector>

namespace warrant {

// What to mark in a hit's text: the positive words of the query as the index matched them.
struct HighlightSpec {
    std::set<std::string> exact;     // case-folded words, as the index holds them
    std::vector<std::string> prefixes;
    std::vector<std::vector<std::string>> phrases;
    bool empty() const { return exact.empty() && prefixes.empty() && phrases.empty(); }
};

// Translates a parsed query into a Xapian query, resolving filters through the catalogue.
class QueryBuilder {
public:
    QueryBuilder(const IndexCatalog& catalog, Xapian::Stem& stemmer, const Xapian::Database& db, StemVariants& variants)
        : m_catalog(catalog), m_stemmer(stemmer), m_db(db), m_variants(variants) {}

    Result<Xapian::Query> build(const QueryNode& node);
    const HighlightSpec& highlight() const { return m_highlight; }
    // Plain words of the query with their positions, for spelling suggestions.
    const std::vector<std::pair<QString, qsizetype>>& words() const { return m_words; }

private:
    Result<Xapian::Query> translate(const QueryNode& node, bool negated);
    Result<Xapian::Query> filter(const QueryNode& node);
    std::string folded(const QString& word) const;

    const IndexCatalog& m_catalog;
    Xapian::Stem& m_stemmer;
    const Xapian::Database& m_db;
    StemVariants& m_variants;
    HighlightSpec m_highlight;
    std::vector<std::pair<QString, qsizetype>> m_words;
};

} // namespace warrant
