#include "AutoCoder.h"

#include "SearchIndex.h"
#include "store/Project.h"
#include "store/SourceRepository.h"
#include "text/TextOffsets.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace warrant {

namespace {

// The sentence of `text` around UTF-16 position `at`: from after the previous . ? ! or
// paragraph break to the next one, trimmed.
std::pair<qsizetype, qsizetype> sentenceAround(const QString& text, qsizetype at) {
    auto isEnd = [&](qsizetype i) {
        const QChar c = text.at(i);
        if (c == u'\n' && i + 1 < text.size() && text.at(i + 1) == u'\n') return true;
        return (c == u'.' || c == u'?' || c == u'!') && (i + 1 == text.size() || text.at(i + 1).isSpace());
    };
    qsizetype start = at;
    while (start > 0 && !isEnd(start - 1)) --start;
    qsizetype end = at;
    while (end < text.size() && !isEnd(end)) ++end;
    if (end < text.size() && text.at(end) != u'\n') ++end; // keep the full stop
    while (start < end && text.at(start).isSpace()) ++start;
    while (end > start && text.at(end - 1).isSpace()) --end;
    return {start, end};
}

} // namespace

bool AutoCoder::parseScope(const QString& name, AutoCodeScope* scope) {
    const QString n = name.toLower();
    if (n == QStringLiteral("sentence")) *scope = AutoCodeScope::Sentence;
    else if (n == QStringLiteral("passage")) *scope = AutoCodeScope::Passage;
    else if (n == QStringLiteral("turn")) *scope = AutoCodeScope::Turn;
    else return false;
    return true;
}

Result<std::vector<CodingRepository::Range>> AutoCoder::rangesFor(Project& project, SearchIndex& index, const QString& query,
                                                                  AutoCodeScope scope) {
    SearchOptions options;
    options.limit = 100000;
    options.facets = false;
    options.kwicWidth = 0;
    options.order = SearchOptions::Order::Document;
    auto results = index.search(query, options);
    if (!results) return results.error();
    std::set<std::tuple<qint64, qsizetype, qsizetype>> unique;
    SourceRepository sources(project);
    for (const SearchHit& hit : results->hits) {
        if (scope == AutoCodeScope::Passage || (scope == AutoCodeScope::Sentence && hit.matches.empty())) {
            unique.emplace(hit.sourceId, hit.start, hit.end);
        } else if (scope == AutoCodeScope::Turn) {
            auto turn = sources.turnAt(hit.sourceId, hit.start);
            if (!turn) return turn.error();
            if (turn->has_value()) unique.emplace(hit.sourceId, (*turn)->start, (*turn)->end);
            else unique.emplace(hit.sourceId, hit.start, hit.end);
        } else {
            const TextOffsets offsets(hit.text);
            for (const auto& [a, b] : hit.matches) {
                const auto [s, e] = sentenceAround(hit.text, offsets.utf16FromCodePoint(a - hit.start));
                unique.emplace(hit.sourceId, hit.start + offsets.codePointFromUtf16(s), hit.start + offsets.codePointFromUtf16(e));
            }
        }
    }
    std::vector<CodingRepository::Range> ranges;
    for (const auto& [source, start, end] : unique)
        if (end > start) ranges.push_back({source, start, end});
    return ranges;
}

Result<AutoCodeOutcome> AutoCoder::codeHits(Project& project, SearchIndex& index, const QString& query, qint64 codeId,
                                            AutoCodeScope scope) {
    auto ranges = rangesFor(project, index, query, scope);
    if (!ranges) return ranges.error();
    AutoCodeOutcome outcome;
    outcome.hits = int(ranges->size());
    if (ranges->empty()) return outcome;
    auto applied = CodingRepository(project).applyRanges(*ranges, codeId, QStringLiteral("every hit of %1 (%2 passages)").arg(query).arg(ranges->size()));
    if (!applied) return applied.error();
    outcome.applied = *applied;
    outcome.ranges = std::move(*ranges);
    return outcome;
}

} // namespace warrant
