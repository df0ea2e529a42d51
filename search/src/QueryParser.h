#pragma once

#include "QueryNode.h"
#include "Result.h"

#include <QStringList>

namespace warrant {

// Parses the query language: words (stemmed), =word (exact), "phrases", prefix* wildcards,
// NEAR/n, AND, OR, NOT and leading '-', parentheses, and field:value / field:"two words"
// filters. Words side by side must all match. Errors say what is wrong and where
// ("column 12: the quote opened here is never closed").
class QueryParser {
public:
    // `fields` are the filter names the project knows (participant attributes included).
    explicit QueryParser(QStringList fields);
    Result<QueryNode> parse(const QString& query) const;

    static QStringList builtInFields();

private:
    QStringList m_fields;
};

} // namespace warrant
