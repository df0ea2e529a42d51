#include "QueryBuilder.h"

#include "IndexTerms.h"
#include "WordTokenizer.h"

namespace warrant {

namespace {

// " (did you mean 'medical'?)", or nothing.
QString didYouMean(const QString& nearest) {
    return nearest.isEmpty() ? QString() : QStringLiteral(" (did you mean '%1'?)").arg(nearest);
}

} // namespace

namespace {

Error filterError(const QueryNode& node, const QString& message) {
    return makeError(QStringLiteral("column %1: %2").arg(node.position + 1).arg(message));
}

Xapian::Query anyOf(const std::string& prefix, const std::vector<qint64>& ids) {
    std::vector<Xapian::Query> parts;
    for (qint64 id : ids) parts.emplace_back(prefix + std::to_string(id));
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

// A fresh "every document" query. Xapian::Query::MatchAll is one shared object whose reference
// count is not atomic, and the shards are searched on separate threads.
Xapian::Query matchAll() { return Xapian::Query(std::string()); }

bool isBoolean(const QueryNode& n) {
    if (n.kind == QueryNode::Kind::Filter) return true;
    if (n.kind == QueryNode::Kind::Not) return true;
    if (n.kind == QueryNode::Kind::And || n.kind == QueryNode::Kind::Or) {
        for (const QueryNode& c : n.children)
            if (!isBoolean(c)) return false;
        return true;
    }
    return false;
}

} // namespace

std::string QueryBuilder::folded(const QString& word) const { return WordTokenizer::term(word); }

Result<Xapian::Query> QueryBuilder::filter(const QueryNode& node) {
    const QString& field = node.field;
    const QString& value = node.value;
    if (field == QStringLiteral("participant")) {
        const auto ids = m_catalog.participantsWithCode(value);
        if (ids.empty()) return filterError(node, QStringLiteral("no participant '%1' in this project").arg(value));
        return anyOf(terms::kParticipant, ids);
    }
    if (field == QStringLiteral("speaker")) {
        const QString v = value.toLower();
        if (v == QStringLiteral("interviewer")) return Xapian::Query(terms::kRole + "interviewer");
        if (v == QStringLiteral("participant") || v == QStringLiteral("interviewee"))
            return Xapian::Query(terms::kRole + "participant");
        // speaker:R8 reads naturally too.
        const auto ids = m_catalog.participantsWithCode(value);
        if (!ids.empty()) return anyOf(terms::kParticipant, ids);
        return filterError(node, QStringLiteral("speaker: takes interviewer, participant or a participant code"));
    }
    if (field == QStringLiteral("source")) {
        const auto ids = m_catalog.sourcesMatching(value);
        if (ids.empty()) return filterError(node, QStringLiteral("no source '%1' in this project").arg(value));
        return anyOf(terms::kSource, ids);
    }
    if (field == QStringLiteral("kind")) {
        const QString v = value.toLower();
        if (v != QStringLiteral("transcript") && v != QStringLiteral("document") && v != QStringLiteral("manuscript"))
            return filterError(node, QStringLiteral("kind: takes transcript, document or manuscript"));
        return Xapian::Query(terms::kKind + v.toStdString());
    }
    if (field == QStringLiteral("code")) {
        const auto ids = m_catalog.codesMatching(value);
        if (ids.empty()) return filterError(node, QStringLiteral("no code '%1' in the codebook%2").arg(value, didYouMean(m_catalog.closestCodeName(value))));
        return anyOf(terms::kCode, ids);
    }
    if (field == QStringLiteral("coder")) {
        const auto ids = m_catalog.codersNamed(value);
        if (ids.empty()) return filterError(node, QStringLiteral("no coder '%1' in this project").arg(value));
        return anyOf(terms::kCoder, ids);
    }
    if (field == QStringLiteral("turn")) {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || n < 1) return filterError(node, QStringLiteral("turn: takes a turn number"));
        return Xapian::Query(terms::kTurn + std::to_string(n));
    }
    const auto ids = m_catalog.participantsWithAttribute(field, value);
    if (ids.empty())
        return filterError(node, QStringLiteral("no participant has %1 '%2'%3")
                                     .arg(field, value, didYouMean(m_catalog.closestAttributeValue(field, value))));
    return anyOf(terms::kParticipant, ids);
}

Result<Xapian::Query> QueryBuilder::build(const QueryNode& node) {
    auto q = translate(node, false);
    if (!q) return q;
    // A query made only of filters or exclusions still needs something to filter.
    if (isBoolean(node)) {
        if (node.kind == QueryNode::Kind::Not) return Xapian::Query(Xapian::Query::OP_AND_NOT, matchAll(), *q);
        return Xapian::Query(Xapian::Query::OP_FILTER, matchAll(), *q);
    }
    return q;
}

Result<Xapian::Query> QueryBuilder::translate(const QueryNode& node, bool negated) {
    switch (node.kind) {
    case QueryNode::Kind::Word: {
        const std::string word = folded(node.text);
        const std::string stem = m_stemmer(word);
        // One synonym over the corpus's words with this stem: weighted as a single term.
        const std::vector<std::string>& variants = m_variants.of(m_db, stem);
        if (!negated) {
            // Highlight exactly the words the index matched: no stemming per word of every hit.
            m_highlight.exact.insert(variants.begin(), variants.end());
            m_words.emplace_back(node.text, node.position);
        }
        if (variants.empty()) return Xapian::Query(word); // matches nothing; spelling help follows
        if (variants.size() == 1) return Xapian::Query(variants.front());
        return Xapian::Query(Xapian::Query::OP_SYNONYM, variants.begin(), variants.end());
    }
    case QueryNode::Kind::Exact: {
        const std::string word = folded(node.text);
        if (!negated) m_highlight.exact.insert(word);
        return Xapian::Query(word);
    }
    case QueryNode::Kind::Wildcard: {
        const std::string prefix = folded(node.text);
        if (!negated) m_highlight.prefixes.push_back(prefix);
        return Xapian::Query(Xapian::Query::OP_WILDCARD, prefix, 2000, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    }
    case QueryNode::Kind::Phrase: {
        std::vector<std::string> words;
        for (const QString& w : node.words) words.push_back(folded(w));
        if (!negated) m_highlight.phrases.push_back(words);
        return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(), Xapian::termcount(words.size()));
    }
    case QueryNode::Kind::Near: {
        std::vector<std::string> words;
        for (const QueryNode& c : node.children) {
            words.push_back(folded(c.text));
            if (!negated) m_highlight.exact.insert(words.back());
        }
        return Xapian::Query(Xapian::Query::OP_NEAR, words.begin(), words.end(),
                             Xapian::termcount(node.distance + int(words.size())));
    }
    case QueryNode::Kind::Filter: {
        auto f = filter(node);
        if (!f) return f;
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, *f, 0.0);
    }
    case QueryNode::Kind::Not: {
        auto inner = translate(node.children.front(), !negated);
        if (!inner) return inner;
        return inner; // the enclosing AND subtracts it; a lone NOT is handled by build()
    }
    case QueryNode::Kind::Or: {
        std::vector<Xapian::Query> parts;
        for (const QueryNode& c : node.children) {
            if (c.kind == QueryNode::Kind::Not)
                return filterError(c, QStringLiteral("NOT cannot stand alone inside OR; use it with AND"));
            auto q = translate(c, negated);
            if (!q) return q;
            parts.push_back(*q);
        }
        return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    }
    case QueryNode::Kind::And: {
        std::vector<Xapian::Query> scoring, filters, excluded;
        for (const QueryNode& c : node.children) {
            auto q = translate(c, negated); // a NOT child flips the flag itself
            if (!q) return q;
            if (c.kind == QueryNode::Kind::Not) excluded.push_back(*q);
            else if (isBoolean(c)) filters.push_back(*q);
            else scoring.push_back(*q);
        }
        Xapian::Query result = scoring.empty() ? matchAll()
                                               : Xapian::Query(Xapian::Query::OP_AND, scoring.begin(), scoring.end());
        if (!filters.empty())
            result = Xapian::Query(Xapian::Query::OP_FILTER, result,
                                   Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
        if (!excluded.empty())
            result = Xapian::Query(Xapian::Query::OP_AND_NOT, result,
                                   Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
        return result;
    }
    }
    return makeError(QStringLiteral("unsupported query"));
}

} // namespace warrant
