#include "trace/FragmentMatcher.h"

#include <functional>

namespace warrant {

namespace {

// Normalised fragment text; word boundaries are enforced by padding with spaces.
QString needleOf(const QuoteFragment& f) { return NormalizedText::of(f.text).text.trimmed(); }

bool atWordBoundary(const QString& hay, qsizetype start, qsizetype end) {
    return (start == 0 || hay.at(start - 1) == u' ') && (end == hay.size() || hay.at(end) == u' ');
}

} // namespace

std::vector<QString> FragmentMatcher::needlesOf(const std::vector<QuoteFragment>& fragments) {
    std::vector<QString> needles;
    needles.reserve(fragments.size());
    for (const QuoteFragment& f : fragments) needles.push_back(needleOf(f));
    return needles;
}

std::optional<FragmentMatch> FragmentMatcher::find(const std::vector<QuoteFragment>& fragments,
                                                   const NormalizedText& passage) {
    return find(fragments, needlesOf(fragments), passage);
}

std::optional<FragmentMatch> FragmentMatcher::find(const std::vector<QuoteFragment>& fragments,
                                                   const std::vector<QString>& needles, const NormalizedText& passage) {
    if (fragments.empty() || needles.size() != fragments.size()) return std::nullopt;
    const QString& hay = passage.text;
    std::vector<std::pair<qsizetype, qsizetype>> spans(fragments.size());

    // Depth-first over occurrences: the first placement of one fragment may not leave room for
    // the next, so later occurrences are tried too.
    std::function<bool(size_t, qsizetype)> place = [&](size_t index, qsizetype from) -> bool {
        if (index == needles.size()) return true;
        const QString& needle = needles[index];
        qsizetype limit = hay.size();
        if (index > 0) {
            const auto gap = fragments[index].gapBefore;
            const qsizetype allowed = gap == QuoteFragment::GapBefore::Ellipsis    ? kMaxEllipsisGap
                                      : gap == QuoteFragment::GapBefore::Insertion ? kMaxInsertionGap
                                                                                   : 2;
            limit = std::min(hay.size(), from + allowed + needle.size() + 1);
        }
        for (qsizetype at = hay.indexOf(needle, from); at >= 0 && at + needle.size() <= limit;
             at = hay.indexOf(needle, at + 1)) {
            if (!atWordBoundary(hay, at, at + needle.size())) continue;
            spans[index] = {at, at + needle.size()};
            if (place(index + 1, at + needle.size())) return true;
            if (index > 0 && fragments[index].gapBefore == QuoteFragment::GapBefore::None) break;
        }
        return false;
    };
    if (!place(0, 0)) return std::nullopt;

    FragmentMatch match;
    for (const auto& [a, b] : spans) match.fragments.push_back(passage.originalRange(a, b));
    match.start = match.fragments.front().first;
    match.end = match.fragments.back().second;
    return match;
}

} // namespace warrant
