#include "trace/PieceLocator.h"

#include "trace/NormalizedText.h"

#include <algorithm>

namespace warrant {

namespace {

bool atWordBoundary(const QString& hay, qsizetype start, qsizetype end) {
    return (start == 0 || hay.at(start - 1) == u' ') && (end == hay.size() || hay.at(end) == u' ');
}

qsizetype findWords(const QString& hay, const QString& needle) {
    for (qsizetype at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1))
        if (atWordBoundary(hay, at, at + needle.size())) return at;
    return -1;
}

} // namespace

Result<std::vector<const TurnText*>> PieceLocator::poolFor(const QString& words) {
    std::vector<const TurnText*> pool = m_preferred;
    if (!m_candidates) return pool;
    auto candidates = m_candidates(words);
    if (!candidates) return candidates.error();
    for (const TurnText* t : *candidates)
        if (std::find(pool.begin(), pool.end(), t) == pool.end()) pool.push_back(t);
    return pool;
}

qsizetype PieceLocator::longestRun(const QStringList& words, qsizetype from,
                                   const std::vector<const TurnText*>& pool, LocatedPiece* piece) const {
    qsizetype bestEnd = from;
    for (const TurnText* t : pool) {
        // Growing the run one word at a time: a run no longer found will not be found longer.
        qsizetype end = from, at = -1;
        while (end < words.size()) {
            const QString needle = words.mid(from, end + 1 - from).join(u' ');
            const qsizetype found = findWords(t->normalized.text, needle);
            if (found < 0) break;
            at = found;
            ++end;
        }
        if (end > bestEnd) {
            bestEnd = end;
            const QString needle = words.mid(from, end - from).join(u' ');
            const auto range = t->normalized.originalRange(at, at + needle.size());
            *piece = {needle, t, range.first, range.second};
        }
        if (bestEnd == words.size()) break;
    }
    return bestEnd;
}

Status PieceLocator::locateFragment(const QString& normalised, PieceLocation& out) {
    const QStringList words = normalised.split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty()) return {};
    auto pool = poolFor(normalised);
    if (!pool) return pool.error();
    qsizetype from = 0;
    bool requeried = false;
    while (from < words.size()) {
        LocatedPiece piece;
        qsizetype end = longestRun(words, from, *pool, &piece);
        const bool wholeRest = end == words.size();
        if (!wholeRest && end - from < kMinUnmarkedPiece && !requeried) {
            // The rest may have been said by someone the first candidates did not include.
            auto more = poolFor(words.mid(from).join(u' '));
            if (!more) return more.error();
            pool = std::move(more);
            requeried = true;
            end = longestRun(words, from, *pool, &piece);
        }
        const bool enough = end == words.size() ? end > from : end - from >= kMinUnmarkedPiece;
        if (!enough || (from > 0 && end - from < kMinUnmarkedPiece)) {
            out.missing << words.mid(from).join(u' ');
            return {};
        }
        if (from > 0) out.unmarkedCut = true;
        out.found.push_back(piece);
        from = end;
        requeried = false;
    }
    return {};
}

Result<PieceLocation> PieceLocator::locate(const std::vector<QuoteFragment>& fragments) {
    PieceLocation out;
    for (const QuoteFragment& f : fragments) {
        const QString normalised = NormalizedText::of(f.text).text.trimmed();
        if (Status s = locateFragment(normalised, out); !s) return s.error();
    }
    return out;
}

} // namespace warrant
