#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace warrant {

// The parsed form of a search in Warrant's query language (docs/search.md).
struct QueryNode {
    enum class Kind { Word, Exact, Phrase, Wildcard, Filter, And, Or, Not, Near };
    Kind kind = Kind::Word;
    QString text;        // Word, Exact, Wildcard (prefix, without '*')
    QStringList words;   // Phrase
    QString field;       // Filter: participant, group, code, ...
    QString value;       // Filter
    int distance = 0;    // Near: words allowed between
    qsizetype position = 0; // in the query string, for messages
    std::vector<QueryNode> children;
};

} // namespace warrant
