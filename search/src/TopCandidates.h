#pragma once

#include <optional>
#include <string>
#include <vector>
#include <xapian.h>

namespace warrant {

// Precomputed answers' candidates for one-word searches of very frequent words ("was", "know").
//
// BM25 ranks the passages of a one-word search by the word's count in the passage (wdf; for a
// stemmed word, the summed counts of its spellings) and by the passage's length: among passages
// with the same count, a shorter one never ranks lower (length below half the average counts as
// half the average; equal weights rank by document id). So for every count, only the first
// `depth` passages in (clamped length, id) order can appear in the first `depth` results, whatever
// the word's statistics. When a shard is built, those passages are stored for each stem with
// many postings; a search for such a word then lets Xapian weigh just them, with the same weights
// and order as a full search. The lists describe the shard as built, so searches use them only
// while no later change has touched the base shards.
class TopCandidates {
  public:
    struct List {
        std::vector<Xapian::docid> docids; // ascending
        Xapian::doccount matches = 0;      // passages holding the word: the full search's count
    };

    // Computes the lists of a finished shard and stores them in its metadata.
    static void store(const std::string& shardPath);
    // Results a search may ask for (offset + limit) and still use the shard's lists; 0 if none.
    static int depth(const Xapian::Database& shard);
    // The stored list for a stem in one shard, if it has one.
    static std::optional<List> load(const Xapian::Database& shard, const std::string& stem);
};

} // namespace warrant
