#include "CandidateBound.h"

#include "TopCandidates.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace warrant {

namespace {

// Xapian's default BM25 parameters (BM25Weight(1, 0, 1, 0.5, 0.5)), which every search uses.
constexpr double kK1 = 1.0;
constexpr double kB = 0.5;
constexpr double kMinNormalisedLength = 0.5;
// Combinations of counts the bound may try; beyond it the query is searched in full.
constexpr size_t kMaxCombinations = 200000;
// Relative slack between our arithmetic and Xapian's.
constexpr double kTolerance = 1e-9;

// BM25's term weight without relevance information, as Xapian computes it: inverse document
// frequency, softened for words in more than a third of the passages, times (k1 + 1).
double termWeight(double passages, double termFrequency) {
    double ratio = (passages - termFrequency + 0.5) / (termFrequency + 0.5);
    if (ratio < 2) ratio = ratio * 0.5 + 1;
    return std::log(ratio) * (kK1 + 1);
}

} // namespace

double CandidateBound::weight(const Word& w, Xapian::termcount wdf, double length) const {
    const double normalised = std::max(length / m_averageLength, kMinNormalisedLength);
    const double count = double(wdf);
    return w.occurrences * w.termWeight * count / (kK1 * (normalised * kB + (1 - kB)) + count);
}

std::optional<CandidateBound> CandidateBound::make(const Xapian::Database& shard,
                                                   const std::vector<std::string>& words) {
    CandidateBound b;
    b.m_shard = shard;
    b.m_averageLength = shard.get_avlength();
    if (words.empty() || b.m_averageLength <= 0) return std::nullopt;
    std::map<std::string, int> occurrences;
    for (const std::string& w : words)
        ++occurrences[w];
    std::vector<TopCandidates::WordList> lists;
    size_t combinations = 1;
    for (const auto& [term, n] : occurrences) {
        auto list = TopCandidates::loadWord(shard, term);
        // Lengths were ordered with lengths below the clamp counted as it; BM25 must clamp no lower.
        if (!list || list->clamp > kMinNormalisedLength * b.m_averageLength) return std::nullopt;
        combinations *= std::max<size_t>(1, list->leftOut.size());
        if (combinations > kMaxCombinations) return std::nullopt;
        b.m_words.push_back(
            {term, n, termWeight(double(shard.get_doccount()), double(shard.get_termfreq(term)))});
        lists.push_back(std::move(*list));
    }
    for (const auto& list : lists) {
        std::vector<Xapian::docid> merged;
        std::set_union(b.m_candidates.begin(), b.m_candidates.end(), list.docids.begin(), list.docids.end(),
                       std::back_inserter(merged));
        b.m_candidates.swap(merged);
    }
    // Every combination of left-out counts, one per word, at the longest of their least lengths.
    // A word none of whose counts left passages out keeps every passage in its list: nothing
    // lies outside the candidates, and the bound stays 0.
    if (std::any_of(lists.begin(), lists.end(), [](const auto& l) { return l.leftOut.empty(); })) return b;
    std::vector<size_t> at(lists.size(), 0);
    while (true) {
        Xapian::termcount length = 0;
        for (size_t i = 0; i < lists.size(); ++i)
            length = std::max(length, lists[i].leftOut[at[i]].second);
        double sum = 0;
        for (size_t i = 0; i < lists.size(); ++i)
            sum += b.weight(b.m_words[i], lists[i].leftOut[at[i]].first, length);
        b.m_bound = std::max(b.m_bound, sum);
        size_t i = 0;
        while (i < at.size() && ++at[i] == lists[i].leftOut.size())
            at[i++] = 0;
        if (i == at.size()) break;
    }
    return b;
}

bool CandidateBound::proves(const Xapian::MSet& narrowed, size_t wanted) const {
    if (wanted == 0 || narrowed.size() < wanted) return false;
    const Xapian::MSetIterator last = narrowed[Xapian::doccount(wanted - 1)];
    const double found = last.get_weight();
    if (!(found > m_bound * (1 + kTolerance))) return false;
    // Our formula must give Xapian's weight for a passage it weighed.
    const Xapian::docid id = *last;
    double recomputed = 0;
    for (const Word& w : m_words) {
        Xapian::PostingIterator p = m_shard.postlist_begin(w.term);
        p.skip_to(id);
        if (p == m_shard.postlist_end(w.term) || *p != id) return false;
        recomputed += weight(w, p.get_wdf(), double(m_shard.get_doclength(id)));
    }
    return std::abs(recomputed - found) <= kTolerance * std::max(1.0, std::abs(found));
}

} // namespace warrant
