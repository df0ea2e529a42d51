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
//
// Phrases use exact words, and their weight adds up each word's weight, so the lists above do
// not apply. For each frequent word the shard also stores, per count, its first `depth` passages
// in (clamped length, id) order and, where more passages have that count, the clamped length of
// the first one left out: no passage outside the list weighs more than the word's weight at
// that count and length (CandidateBound turns this into a bound for a whole phrase).
class TopCandidates {
  public:
    struct List {
        std::vector<Xapian::docid> docids; // ascending
        Xapian::doccount matches = 0;      // passages holding the word: the full search's count
    };
    struct WordList {
        std::vector<Xapian::docid> docids; // ascending
        Xapian::termcount clamp = 0;       // lengths below it were counted as it (≤ BM25's clamp)
        // For each count with passages left out: (count, least clamped length among them).
        std::vector<std::pair<Xapian::termcount, Xapian::termcount>> leftOut;
    };

    // Computes the lists of a finished shard and stores them in its metadata.
    static void store(const std::string& shardPath);
    // Results a search may ask for (offset + limit) and still use the shard's lists; 0 if none.
    static int depth(const Xapian::Database& shard);
    // The stored list for a stem in one shard, if it has one.
    static std::optional<List> load(const Xapian::Database& shard, const std::string& stem);
    // The stored list for an exact word in one shard, if it has one.
    static std::optional<WordList> loadWord(const Xapian::Database& shard, const std::string& word);

  private:
    static void storeWordLists(Xapian::WritableDatabase& db, const std::vector<std::string>& frequent,
                               const std::vector<Xapian::termcount>& length, Xapian::termcount clamp, size_t keep);
};

} // namespace warrant
