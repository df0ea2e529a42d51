#include "QueryParser.h"

#include <QRegularExpression>

namespace warrant {

namespace {

struct Token {
    enum class Type { Word, Exact, Phrase, Wildcard, Filter, And, Or, Not, Minus, Near, Open, Close, End };
    Type type;
    QString text;
    QString field;
    int distance = 0;
    qsizetype position = 0;
};

Error errorAt(qsizetype position, const QString& message) {
    return makeError(QStringLiteral("column %1: %2").arg(position + 1).arg(message));
}

bool isTermChar(QChar c) { return !c.isSpace() && c != u'(' && c != u')' && c != u'"' && c != u'\u201C' && c != u'\u201D'; }

bool isQuote(QChar c) { return c == u'"' || c == u'\u201C' || c == u'\u201D'; }

class Lexer {
public:
    explicit Lexer(const QString& q) : m_q(q) {}

    Result<std::vector<Token>> run(const QStringList& fields) {
        std::vector<Token> tokens;
        const qsizetype n = m_q.size();
        qsizetype i = 0;
        while (i < n) {
            const QChar c = m_q.at(i);
            if (c.isSpace()) {
                ++i;
                continue;
            }
            const qsizetype at = i;
            if (c == u'(') { tokens.push_back({Token::Type::Open, {}, {}, 0, at}); ++i; continue; }
            if (c == u')') { tokens.push_back({Token::Type::Close, {}, {}, 0, at}); ++i; continue; }
            if (isQuote(c)) {
                auto phrase = quoted(i);
                if (!phrase) return phrase.error();
                tokens.push_back({Token::Type::Phrase, *phrase, {}, 0, at});
                continue;
            }
            if (c == u'-' && i + 1 < n && !m_q.at(i + 1).isSpace()) {
                tokens.push_back({Token::Type::Minus, {}, {}, 0, at});
                ++i;
                continue;
            }
            qsizetype j = i;
            while (j < n && isTermChar(m_q.at(j)) && m_q.at(j) != u':') ++j;
            const QString word = m_q.mid(i, j - i);
            // field:value and field:"several words"
            if (j < n && m_q.at(j) == u':' && !word.isEmpty()) {
                const QString field = word.toLower();
                if (!fields.contains(field))
                    return errorAt(at, QStringLiteral("unknown filter '%1:' (filters: %2)").arg(word, fields.join(QStringLiteral(", "))));
                i = j + 1;
                QString value;
                if (i < n && isQuote(m_q.at(i))) {
                    auto v = quoted(i);
                    if (!v) return v.error();
                    value = *v;
                } else {
                    qsizetype k = i;
                    while (k < n && isTermChar(m_q.at(k))) ++k;
                    value = m_q.mid(i, k - i);
                    i = k;
                }
                if (value.trimmed().isEmpty()) return errorAt(at, QStringLiteral("'%1:' needs a value").arg(word));
                tokens.push_back({Token::Type::Filter, value.trimmed(), field, 0, at});
                continue;
            }
            while (j < n && isTermChar(m_q.at(j))) ++j; // a colon inside a word ("10:30") stays
            const QString full = m_q.mid(i, j - i);
            i = j;
            static const QRegularExpression near(QStringLiteral("^NEAR(?:/(\\d*))?$"));
            if (full == QStringLiteral("AND")) tokens.push_back({Token::Type::And, {}, {}, 0, at});
            else if (full == QStringLiteral("OR")) tokens.push_back({Token::Type::Or, {}, {}, 0, at});
            else if (full == QStringLiteral("NOT")) tokens.push_back({Token::Type::Not, {}, {}, 0, at});
            else if (auto m = near.match(full); m.hasMatch()) {
                if (m.capturedLength(1) == 0 && full.contains(u'/'))
                    return errorAt(at, QStringLiteral("NEAR/ needs a number of words, as in NEAR/5"));
                const int distance = m.capturedLength(1) ? m.captured(1).toInt() : 10;
                if (distance < 1 || distance > 100) return errorAt(at, QStringLiteral("NEAR/%1: use a distance from 1 to 100").arg(distance));
                tokens.push_back({Token::Type::Near, {}, {}, distance, at});
            } else if (full.startsWith(u'=')) {
                if (full.size() < 2) return errorAt(at, QStringLiteral("'=' must be followed by a word, as in =policies"));
                tokens.push_back({Token::Type::Exact, full.mid(1), {}, 0, at});
            } else if (full.endsWith(u'*')) {
                const QString prefix = full.chopped(1);
                if (prefix.size() < 2 || prefix.contains(u'*'))
                    return errorAt(at, QStringLiteral("a wildcard needs at least two letters before '*', as in polic*"));
                tokens.push_back({Token::Type::Wildcard, prefix, {}, 0, at});
            } else {
                tokens.push_back({Token::Type::Word, full, {}, 0, at});
            }
        }
        tokens.push_back({Token::Type::End, {}, {}, 0, n});
        return tokens;
    }

private:
    Result<QString> quoted(qsizetype& i) {
        const qsizetype open = i;
        qsizetype j = i + 1;
        while (j < m_q.size() && !isQuote(m_q.at(j))) ++j;
        if (j >= m_q.size()) return errorAt(open, QStringLiteral("the quote opened here is never closed"));
        const QString text = m_q.mid(i + 1, j - i - 1);
        i = j + 1;
        return text;
    }
    const QString& m_q;
};

class Parser {
public:
    explicit Parser(std::vector<Token> tokens) : m_t(std::move(tokens)) {}

    Result<QueryNode> run() {
        if (peek().type == Token::Type::End) return errorAt(0, QStringLiteral("the query is empty"));
        auto node = orExpr();
        if (!node) return node;
        if (peek().type == Token::Type::Close) return errorAt(peek().position, QStringLiteral("')' has no matching '('"));
        if (peek().type != Token::Type::End) return errorAt(peek().position, QStringLiteral("unexpected text"));
        return node;
    }

private:
    const Token& peek() const { return m_t[m_i]; }
    const Token& take() { return m_t[m_i++]; }

    Result<QueryNode> orExpr() {
        auto left = andExpr();
        if (!left) return left;
        if (peek().type != Token::Type::Or) return left;
        QueryNode node{QueryNode::Kind::Or};
        node.position = left->position;
        node.children.push_back(std::move(*left));
        while (peek().type == Token::Type::Or) {
            const Token& op = take();
            if (startsOperand() == false) return errorAt(op.position, QStringLiteral("OR needs something after it"));
            auto right = andExpr();
            if (!right) return right;
            node.children.push_back(std::move(*right));
        }
        return node;
    }

    bool startsOperand() const {
        switch (peek().type) {
        case Token::Type::Word: case Token::Type::Exact: case Token::Type::Phrase: case Token::Type::Wildcard:
        case Token::Type::Filter: case Token::Type::Open: case Token::Type::Not: case Token::Type::Minus:
            return true;
        default:
            return false;
        }
    }

    Result<QueryNode> andExpr() {
        if (!startsOperand()) {
            const Token& t = peek();
            if (t.type == Token::Type::End) return errorAt(t.position, QStringLiteral("the query ends where a word, phrase or filter should follow"));
            if (t.type == Token::Type::Close) return errorAt(t.position, QStringLiteral("')' has no matching '('"));
            return errorAt(t.position, QStringLiteral("an operator needs a word before it"));
        }
        QueryNode node{QueryNode::Kind::And};
        while (true) {
            if (peek().type == Token::Type::And) {
                const Token& op = take();
                if (!startsOperand()) return errorAt(op.position, QStringLiteral("AND needs something after it"));
            }
            if (!startsOperand()) break;
            auto operand = nearExpr();
            if (!operand) return operand;
            node.children.push_back(std::move(*operand));
        }
        if (node.children.size() == 1) return std::move(node.children.front());
        node.position = node.children.front().position;
        return node;
    }

    Result<QueryNode> nearExpr() {
        auto left = unary();
        if (!left) return left;
        if (peek().type != Token::Type::Near) return left;
        QueryNode node{QueryNode::Kind::Near};
        node.position = left->position;
        node.distance = peek().distance;
        node.children.push_back(std::move(*left));
        while (peek().type == Token::Type::Near) {
            const Token& op = take();
            node.distance = std::max(node.distance, op.distance);
            auto right = unary();
            if (!right) return right;
            node.children.push_back(std::move(*right));
        }
        for (const QueryNode& c : node.children)
            if (c.kind != QueryNode::Kind::Word && c.kind != QueryNode::Kind::Exact)
                return errorAt(c.position, QStringLiteral("NEAR joins single words"));
        return node;
    }

    Result<QueryNode> unary() {
        if (peek().type == Token::Type::Not || peek().type == Token::Type::Minus) {
            const Token& op = take();
            if (!startsOperand()) return errorAt(op.position, QStringLiteral("NOT needs something after it"));
            auto inner = unary();
            if (!inner) return inner;
            QueryNode node{QueryNode::Kind::Not};
            node.position = op.position;
            node.children.push_back(std::move(*inner));
            return node;
        }
        return primary();
    }

    Result<QueryNode> primary() {
        const Token t = take();
        QueryNode node;
        node.position = t.position;
        switch (t.type) {
        case Token::Type::Word: node.kind = QueryNode::Kind::Word; node.text = t.text; return node;
        case Token::Type::Exact: node.kind = QueryNode::Kind::Exact; node.text = t.text; return node;
        case Token::Type::Wildcard: node.kind = QueryNode::Kind::Wildcard; node.text = t.text; return node;
        case Token::Type::Filter: node.kind = QueryNode::Kind::Filter; node.field = t.field; node.value = t.text; return node;
        case Token::Type::Phrase: {
            node.kind = QueryNode::Kind::Phrase;
            node.words = t.text.split(QRegularExpression(QStringLiteral("[^\\w']+")), Qt::SkipEmptyParts);
            if (node.words.isEmpty()) return errorAt(t.position, QStringLiteral("the phrase has no words"));
            if (node.words.size() == 1) { node.kind = QueryNode::Kind::Exact; node.text = node.words.front(); }
            return node;
        }
        case Token::Type::Open: {
            auto inner = orExpr();
            if (!inner) return inner;
            if (peek().type != Token::Type::Close) return errorAt(t.position, QStringLiteral("the '(' opened here is never closed"));
            take();
            return inner;
        }
        default:
            return errorAt(t.position, QStringLiteral("unexpected operator"));
        }
    }

    std::vector<Token> m_t;
    size_t m_i = 0;
};

} // namespace

QStringList QueryParser::builtInFields() {
    return {QStringLiteral("participant"), QStringLiteral("speaker"), QStringLiteral("source"), QStringLiteral("kind"),
            QStringLiteral("code"), QStringLiteral("coder"), QStringLiteral("turn")};
}

QueryParser::QueryParser(QStringList fields) : m_fields(builtInFields()) {
    for (const QString& f : fields)
        if (!m_fields.contains(f.toLower())) m_fields << f.toLower();
}

Result<QueryNode> QueryParser::parse(const QString& query) const {
    auto tokens = Lexer(query).run(m_fields);
    if (!tokens) return tokens.error();
    return Parser(std::move(*tokens)).run();
}

} // namespace warrant
