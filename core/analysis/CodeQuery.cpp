#include "analysis/CodeQuery.h"

#include "analysis/AnalysisSnapshot.h"
#include "store/AnalysisRepository.h"
#include "text/TextOffsets.h"

#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <map>

namespace warrant {

enum class QueryOp { Code, And, Or, Not, Overlaps, Near, Follows };

struct CodeQuery::Node {
    QueryOp op = QueryOp::Code;
    std::vector<qint64> codeIds;
    int distance = -1; // NEAR/n, FOLLOWS/n; -1 = any
    std::shared_ptr<const Node> left, right;
};

namespace {

using NodePtr = std::shared_ptr<const CodeQuery::Node>;

struct Range {
    qint64 start = 0, end = 0;
    std::vector<qint64> segments;
};
using Ranges = std::map<qint64, std::vector<Range>>; // source → ranges by start

struct Token {
    QString text;
    bool quoted = false;
};

// Words, quoted strings ("..." as one word, also after a colon: coder:"Ann Lewis") and parentheses.
Result<std::vector<Token>> tokenize(const QString& s) {
    std::vector<Token> out;
    qsizetype i = 0;
    while (i < s.size()) {
        if (s[i].isSpace()) { ++i; continue; }
        if (s[i] == u'(' || s[i] == u')') { out.push_back({QString(s[i]), false}); ++i; continue; }
        QString word;
        bool quoted = false;
        while (i < s.size() && !s[i].isSpace() && s[i] != u'(' && s[i] != u')') {
            if (s[i] == u'"') {
                const qsizetype close = s.indexOf(u'"', i + 1);
                if (close < 0) return makeError(QStringLiteral("query: a quotation mark is not closed"));
                word += s.mid(i + 1, close - i - 1);
                quoted = true;
                i = close + 1;
            } else {
                word += s[i++];
            }
        }
        out.push_back({word, quoted});
    }
    return out;
}

class Parser {
public:
    Parser(std::vector<Token> tokens, const AnalysisSnapshot& snapshot, CodeQuery::Filters& filters)
        : m_tokens(std::move(tokens)), m_snapshot(snapshot), m_filters(filters) {}

    Result<NodePtr> parseAll() {
        if (Status s = takeFilters(); !s) return s.error();
        if (m_tokens.empty()) return makeError(QStringLiteral("query: name at least one code"));
        auto root = parseOr();
        if (!root) return root;
        if (m_at < m_tokens.size()) return makeError(QStringLiteral("query: unexpected '%1'").arg(m_tokens[m_at].text));
        return root;
    }

private:
    // Filters stand anywhere; they are taken out before the expression is read.
    Status takeFilters() {
        std::vector<Token> rest;
        for (const Token& t : m_tokens) {
            const qsizetype colon = t.quoted && !t.text.contains(u':') ? -1 : t.text.indexOf(u':');
            const QString key = colon > 0 ? t.text.left(colon).toCaseFolded() : QString();
            const QString value = colon > 0 ? t.text.mid(colon + 1) : QString();
            if (colon <= 0 || key == u"code") {
                rest.push_back(t);
            } else if (key == u"coder") {
                const qint64 id = m_snapshot.findCoder(value);
                if (!id) return makeError(QStringLiteral("query: no coder named '%1'").arg(value));
                m_filters.coders.push_back(id);
            } else {
                m_filters.people.push_back({key, value});
            }
        }
        m_tokens = std::move(rest);
        return {};
    }

    bool peekOp(const char* op, int* distance = nullptr) const {
        if (m_at >= m_tokens.size() || m_tokens[m_at].quoted) return false;
        const QString t = m_tokens[m_at].text;
        const QString name = QString::fromLatin1(op);
        if (t.compare(name, Qt::CaseInsensitive) == 0) {
            if (distance) *distance = -1;
            return true;
        }
        if (!distance || !t.startsWith(name + u'/', Qt::CaseInsensitive)) return false;
        bool ok = false;
        *distance = t.mid(name.size() + 1).toInt(&ok);
        return ok && *distance >= 0;
    }

    Result<NodePtr> parseOr() { return parseLevel(0); }

    // Levels, loosest first: OR; AND; NOT; OVERLAPS / NEAR / FOLLOWS.
    Result<NodePtr> parseLevel(int level) {
        if (level == 4) return parsePrimary();
        auto left = parseLevel(level + 1);
        if (!left) return left;
        NodePtr node = *left;
        for (;;) {
            int distance = -1;
            QueryOp op;
            if (level == 0 && peekOp("OR")) op = QueryOp::Or;
            else if (level == 1 && peekOp("AND")) op = QueryOp::And;
            else if (level == 2 && peekOp("NOT")) op = QueryOp::Not;
            else if (level == 3 && peekOp("OVERLAPS")) op = QueryOp::Overlaps;
            else if (level == 3 && peekOp("NEAR", &distance)) op = QueryOp::Near;
            else if (level == 3 && peekOp("FOLLOWS", &distance)) op = QueryOp::Follows;
            else break;
            if (op == QueryOp::Near && distance < 0) distance = 1;
            ++m_at;
            auto right = parseLevel(level + 1);
            if (!right) return right;
            auto combined = std::make_shared<CodeQuery::Node>();
            combined->op = op;
            combined->distance = distance;
            combined->left = node;
            combined->right = *right;
            node = combined;
        }
        return node;
    }

    Result<NodePtr> parsePrimary() {
        if (m_at >= m_tokens.size()) return makeError(QStringLiteral("query: it ends where a code was expected"));
        const Token t = m_tokens[m_at++];
        if (!t.quoted && t.text == u"(") {
            auto inner = parseOr();
            if (!inner) return inner;
            if (m_at >= m_tokens.size() || m_tokens[m_at].text != u")") return makeError(QStringLiteral("query: a '(' is not closed"));
            ++m_at;
            return inner;
        }
        if (!t.quoted && t.text == u")") return makeError(QStringLiteral("query: unexpected ')'"));
        const QString name = t.text.startsWith(QStringLiteral("code:"), Qt::CaseInsensitive) ? t.text.mid(5) : t.text;
        const qint64 id = m_snapshot.findCode(name);
        if (!id) return makeError(QStringLiteral("query: no code '%1' (give its full path or a unique name, quoted when it has spaces)").arg(name));
        auto node = std::make_shared<CodeQuery::Node>();
        node->codeIds = m_snapshot.withDescendants(id);
        return NodePtr(node);
    }

    std::vector<Token> m_tokens;
    size_t m_at = 0;
    const AnalysisSnapshot& m_snapshot;
    CodeQuery::Filters& m_filters;
};

std::vector<Range> unionOf(std::vector<Range> ranges) {
    std::sort(ranges.begin(), ranges.end(), [](const Range& a, const Range& b) { return a.start < b.start; });
    std::vector<Range> out;
    for (Range& r : ranges) {
        if (!out.empty() && r.start < out.back().end) {
            out.back().end = std::max(out.back().end, r.end);
            out.back().segments.insert(out.back().segments.end(), r.segments.begin(), r.segments.end());
        } else {
            out.push_back(std::move(r));
        }
    }
    return out;
}

std::vector<Range> intersect(const std::vector<Range>& a, const std::vector<Range>& b) {
    std::vector<Range> out;
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const qint64 s = std::max(a[i].start, b[j].start), e = std::min(a[i].end, b[j].end);
        if (s < e) {
            Range r{s, e, a[i].segments};
            r.segments.insert(r.segments.end(), b[j].segments.begin(), b[j].segments.end());
            out.push_back(std::move(r));
        }
        (a[i].end < b[j].end) ? ++i : ++j;
    }
    return out;
}

std::vector<Range> subtract(const std::vector<Range>& a, const std::vector<Range>& b) {
    std::vector<Range> out;
    size_t j = 0;
    for (const Range& r : a) {
        qint64 from = r.start;
        while (j < b.size() && b[j].end <= from) ++j;
        for (size_t k = j; k < b.size() && b[k].start < r.end; ++k) {
            if (b[k].start > from) out.push_back({from, b[k].start, r.segments});
            from = std::max(from, b[k].end);
        }
        if (from < r.end) out.push_back({from, r.end, r.segments});
    }
    return out;
}

class Evaluator {
public:
    Evaluator(const AnalysisSnapshot& snapshot, const CodeQuery::Filters& filters) : m_snapshot(snapshot), m_filters(filters) {}

    Ranges eval(const CodeQuery::Node& n) const {
        if (n.op == QueryOp::Code) return codeRanges(n.codeIds);
        const Ranges a = eval(*n.left), b = eval(*n.right);
        Ranges out;
        auto both = [&](auto combine) {
            for (const auto& [source, ra] : a)
                if (auto it = b.find(source); it != b.end()) out[source] = combine(source, ra, it->second);
        };
        switch (n.op) {
        case QueryOp::Or:
            out = a;
            for (const auto& [source, rb] : b) {
                auto& mine = out[source];
                mine.insert(mine.end(), rb.begin(), rb.end());
                mine = unionOf(mine);
            }
            break;
        case QueryOp::And: both([](qint64, const auto& x, const auto& y) { return intersect(unionOf(x), unionOf(y)); }); break;
        case QueryOp::Not:
            for (const auto& [source, ra] : a) {
                auto it = b.find(source);
                out[source] = it == b.end() ? unionOf(ra) : subtract(unionOf(ra), unionOf(it->second));
            }
            break;
        default: both([&](qint64 source, const auto& x, const auto& y) { return related(n, source, x, y); }); break;
        }
        return out;
    }

private:
    Ranges codeRanges(const std::vector<qint64>& codeIds) const {
        const QSet<qint64> codes(codeIds.begin(), codeIds.end());
        const QSet<qint64> coders(m_filters.coders.begin(), m_filters.coders.end());
        Ranges out;
        QSet<qint64> seen;
        for (const AnalysisCoding& c : m_snapshot.codings()) {
            if (!codes.contains(c.codeId) || (!coders.isEmpty() && !coders.contains(c.coderId)) || seen.contains(c.segmentId)) continue;
            seen.insert(c.segmentId);
            out[c.sourceId].push_back({c.start, c.end, {c.segmentId}});
        }
        return out;
    }

    // Turn position of a place: the turn it lies in, or the last one before it.
    qint64 turnIndex(qint64 source, qint64 position) const {
        const auto turns = m_snapshot.turnsOf(source);
        auto after = std::upper_bound(turns.begin(), turns.end(), position,
                                      [](qint64 p, const AnalysisTurnRow& t) { return p < t.start; });
        return after - turns.begin() - 1;
    }

    std::vector<Range> related(const CodeQuery::Node& n, qint64 source, const std::vector<Range>& a, const std::vector<Range>& b) const {
        std::vector<Range> out;
        for (const Range& r : a) {
            const bool keep = std::any_of(b.begin(), b.end(), [&](const Range& other) {
                if (n.op == QueryOp::Overlaps) return r.start < other.end && other.start < r.end;
                const qint64 gap = turnIndex(source, r.start) - turnIndex(source, other.start);
                if (n.op == QueryOp::Near) return std::llabs(gap) <= n.distance;
                return other.end <= r.start && (n.distance < 0 || gap <= n.distance); // FOLLOWS
            });
            if (keep) out.push_back(r);
        }
        return out;
    }

    const AnalysisSnapshot& m_snapshot;
    const CodeQuery::Filters& m_filters;
};

qint64 speakerAt(const AnalysisSnapshot& snapshot, qint64 source, qint64 position, int* turnNumber) {
    const int turn = snapshot.turnAt(source, position);
    *turnNumber = turn >= 0 ? snapshot.turns()[size_t(turn)].number : 0;
    const qint64 speaker = turn >= 0 ? snapshot.turns()[size_t(turn)].participantId : 0;
    if (speaker) return speaker;
    const AnalysisSourceRow* s = snapshot.source(source);
    return s ? s->participantId : 0;
}

bool personMatches(const AnalysisSnapshot& snapshot, qint64 participantId, const CodeQuery::Filters& filters) {
    const AnalysisParticipantRow* p = snapshot.participant(participantId);
    for (const auto& [key, value] : filters.people) {
        if (!p) return false;
        const QString have = key == u"participant" ? p->code : p->attributes.value(key);
        if (have.compare(value, Qt::CaseInsensitive) != 0) return false;
    }
    return true;
}

} // namespace

Result<CodeQuery> CodeQuery::parse(const QString& text, const AnalysisSnapshot& snapshot) {
    auto tokens = tokenize(text);
    if (!tokens) return tokens.error();
    CodeQuery query;
    query.m_text = text;
    Parser parser(std::move(*tokens), snapshot, query.m_filters);
    auto root = parser.parseAll();
    if (!root) return root.error();
    query.m_root = *root;
    return query;
}

Result<std::vector<QueryPassage>> CodeQuery::run(const AnalysisSnapshot& snapshot) const {
    const Ranges found = Evaluator(snapshot, m_filters).eval(*m_root);
    std::vector<QueryPassage> out;
    for (const auto& [source, ranges] : found)
        for (const Range& r : ranges) {
            QueryPassage p{source, r.start, r.end, 0, 0, r.segments};
            p.participantId = speakerAt(snapshot, source, r.start, &p.turnNumber);
            if (!personMatches(snapshot, p.participantId, m_filters)) continue;
            std::sort(p.segmentIds.begin(), p.segmentIds.end());
            p.segmentIds.erase(std::unique(p.segmentIds.begin(), p.segmentIds.end()), p.segmentIds.end());
            out.push_back(std::move(p));
        }
    return out;
}

Result<std::vector<QueryPassageRow>> describePassages(Project& project, const AnalysisSnapshot& snapshot,
                                                      const std::vector<QueryPassage>& passages) {
    std::vector<qint64> sources;
    for (const QueryPassage& p : passages)
        if (sources.empty() || sources.back() != p.sourceId) sources.push_back(p.sourceId);
    auto texts = AnalysisRepository(project).texts(sources);
    if (!texts) return texts.error();
    std::vector<QueryPassageRow> rows;
    for (const QueryPassage& p : passages) {
        const AnalysisSourceRow* s = snapshot.source(p.sourceId);
        const AnalysisParticipantRow* who = snapshot.participant(p.participantId);
        QString citation = who ? who->code : (s ? s->title : QString());
        if (who && p.turnNumber > 0) citation += QStringLiteral(", turn %1").arg(p.turnNumber);
        rows.push_back({s ? s->title : QString(), QStringLiteral("(%1)").arg(citation), p.start, p.end,
                        TextOffsets::midCodePoints(texts->value(p.sourceId), p.start, p.end)});
    }
    return rows;
}

QJsonArray passagesJson(const std::vector<QueryPassageRow>& rows) {
    QJsonArray out;
    for (const QueryPassageRow& r : rows)
        out.append(QJsonObject{{QStringLiteral("source"), r.source}, {QStringLiteral("citation"), r.citation},
                               {QStringLiteral("start"), r.start}, {QStringLiteral("end"), r.end}, {QStringLiteral("text"), r.text}});
    return out;
}

AnalysisTable passagesTable(const std::vector<QueryPassageRow>& rows) {
    AnalysisTable t{QStringLiteral("Query"),
                    {QStringLiteral("Source"), QStringLiteral("Citation"), QStringLiteral("Start"), QStringLiteral("End"), QStringLiteral("Text")},
                    {}};
    for (const QueryPassageRow& r : rows) t.rows.push_back({r.source, r.citation, r.start, r.end, r.text});
    return t;
}

} // namespace warrant
