#include "analysis/CodeCooccurrence.h"

#include "analysis/AnalysisSnapshot.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <map>

namespace warrant {

namespace {

using PairKey = std::pair<qint64, qint64>;

struct Tally {
    std::map<PairKey, QSet<qint64>> places;   // pair → place ids
    std::map<PairKey, QSet<qint64>> segments; // pair → segments behind
    QHash<qint64, QSet<qint64>> own;          // code → its places
};

PairKey ordered(qint64 a, qint64 b) { return a < b ? PairKey{a, b} : PairKey{b, a}; }

// Overlapping segments of one source (codings come sorted by start).
void tallySegments(std::span<const AnalysisCoding> codings, const QSet<qint64>& codes, Tally& t) {
    std::vector<const AnalysisCoding*> relevant;
    for (const AnalysisCoding& c : codings)
        if (codes.contains(c.codeId)) relevant.push_back(&c);
    for (size_t i = 0; i < relevant.size(); ++i) {
        const AnalysisCoding& a = *relevant[i];
        t.own[a.codeId].insert(a.segmentId);
        for (size_t j = i + 1; j < relevant.size() && relevant[j]->start < a.end; ++j) {
            const AnalysisCoding& b = *relevant[j];
            if (b.codeId == a.codeId) continue;
            // One place per pair of segments: the same segment coded twice is one place.
            const qint64 place = a.segmentId == b.segmentId ? a.segmentId : (std::min(a.segmentId, b.segmentId) << 32) ^ std::max(a.segmentId, b.segmentId);
            const PairKey key = ordered(a.codeId, b.codeId);
            t.places[key].insert(place);
            t.segments[key].insert(a.segmentId);
            t.segments[key].insert(b.segmentId);
        }
    }
}

// Codes per place (turn or source), then every pair within a place.
void tallyPlaces(const AnalysisSnapshot& snapshot, const QSet<qint64>& codes, bool byTurn, Tally& t) {
    std::map<qint64, std::map<qint64, std::vector<qint64>>> codesAt; // place → code → segments
    for (const AnalysisCoding& c : snapshot.codings()) {
        if (!codes.contains(c.codeId)) continue;
        if (byTurn && c.turn < 0) continue;
        const qint64 place = byTurn ? snapshot.turns()[size_t(c.turn)].id : c.sourceId;
        codesAt[place][c.codeId].push_back(c.segmentId);
        t.own[c.codeId].insert(place);
    }
    for (const auto& [place, here] : codesAt)
        for (auto a = here.begin(); a != here.end(); ++a)
            for (auto b = std::next(a); b != here.end(); ++b) {
                const PairKey key{a->first, b->first};
                t.places[key].insert(place);
                for (qint64 s : a->second) t.segments[key].insert(s);
                for (qint64 s : b->second) t.segments[key].insert(s);
            }
}

} // namespace

QString cooccurrenceScopeName(CooccurrenceScope scope) {
    switch (scope) {
    case CooccurrenceScope::Segment: return QStringLiteral("segment");
    case CooccurrenceScope::Turn: return QStringLiteral("turn");
    case CooccurrenceScope::Source: return QStringLiteral("source");
    }
    return {};
}

bool parseCooccurrenceScope(const QString& name, CooccurrenceScope* scope) {
    for (CooccurrenceScope s : {CooccurrenceScope::Segment, CooccurrenceScope::Turn, CooccurrenceScope::Source})
        if (name.compare(cooccurrenceScopeName(s), Qt::CaseInsensitive) == 0) {
            *scope = s;
            return true;
        }
    return false;
}

Result<CooccurrenceResult> CodeCooccurrence::compute(const AnalysisSnapshot& snapshot, const QStringList& codes,
                                                     CooccurrenceScope scope) {
    QSet<qint64> wanted;
    CooccurrenceResult result;
    result.scope = scope;
    for (const QString& path : codes) {
        const qint64 id = snapshot.findCode(path);
        if (!id) return makeError(QStringLiteral("no code '%1' (give its full path or a unique name)").arg(path));
        wanted.insert(id);
    }
    if (codes.isEmpty())
        for (qint64 id : snapshot.codesInOrder()) wanted.insert(id);
    for (qint64 id : snapshot.codesInOrder())
        if (wanted.contains(id)) result.codes << snapshot.codePath(id);
    Tally t;
    if (scope == CooccurrenceScope::Segment)
        for (const AnalysisSourceRow& s : snapshot.sources()) tallySegments(snapshot.codingsOf(s.id), wanted, t);
    else
        tallyPlaces(snapshot, wanted, scope == CooccurrenceScope::Turn, t);
    for (const auto& [key, places] : t.places) {
        CooccurrencePair p{key.first, key.second, snapshot.codePath(key.first), snapshot.codePath(key.second),
                           places.size(), t.own.value(key.first).size(), t.own.value(key.second).size(), {}, {}};
        const qint64 either = p.firstCount + p.secondCount - p.together;
        if (either > 0) p.jaccard = std::min(1.0, double(p.together) / double(either));
        const QSet<qint64>& behind = t.segments[key];
        p.segments.assign(behind.begin(), behind.end());
        std::sort(p.segments.begin(), p.segments.end());
        result.pairs.push_back(std::move(p));
    }
    std::sort(result.pairs.begin(), result.pairs.end(), [](const CooccurrencePair& a, const CooccurrencePair& b) {
        return std::tie(b.together, a.firstCode, a.secondCode) < std::tie(a.together, b.firstCode, b.secondCode);
    });
    return result;
}

QJsonObject CooccurrenceResult::toJson() const {
    QJsonArray list;
    for (const CooccurrencePair& p : pairs)
        list.append(QJsonObject{{QStringLiteral("first"), p.firstCode},
                                {QStringLiteral("second"), p.secondCode},
                                {QStringLiteral("together"), p.together},
                                {QStringLiteral("firstCount"), p.firstCount},
                                {QStringLiteral("secondCount"), p.secondCount},
                                {QStringLiteral("jaccard"), p.jaccard ? QJsonValue(*p.jaccard) : QJsonValue(QJsonValue::Null)}});
    return {{QStringLiteral("within"), cooccurrenceScopeName(scope)},
            {QStringLiteral("codes"), QJsonArray::fromStringList(codes)},
            {QStringLiteral("pairs"), list}};
}

AnalysisTable CooccurrenceResult::table() const {
    AnalysisTable t;
    t.title = QStringLiteral("Co-occurrence");
    t.headers = {QStringLiteral("First code"), QStringLiteral("Second code"), QStringLiteral("Together"),
                 QStringLiteral("First alone"), QStringLiteral("Second alone"), QStringLiteral("Jaccard")};
    for (const CooccurrencePair& p : pairs)
        t.rows.push_back({p.firstCode, p.secondCode, p.together, p.firstCount, p.secondCount,
                          p.jaccard ? QVariant(*p.jaccard) : QVariant()});
    return t;
}

QString CooccurrenceResult::toText() const {
    QStringList lines{QStringLiteral("Codes together within a %1:").arg(cooccurrenceScopeName(scope))};
    for (const CooccurrencePair& p : pairs)
        lines << QStringLiteral("%1  %2 + %3  (of %4 and %5; Jaccard %6)")
                     .arg(p.together, 6).arg(p.firstCode, p.secondCode).arg(p.firstCount).arg(p.secondCount)
                     .arg(p.jaccard ? QString::number(*p.jaccard, 'f', 3) : QStringLiteral("-"));
    if (pairs.empty()) lines << QStringLiteral("  no two codes share a %1").arg(cooccurrenceScopeName(scope));
    return lines.join(u'\n');
}

} // namespace warrant
