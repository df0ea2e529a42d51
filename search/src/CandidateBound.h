#pragma once

#include <optional>
#include <string>
#include <vector>
#include <xapian.h>

namespace warrant {

// Lets a ranked search whose weight is the sum of some words' BM25 weights (a phrase, or one
// word) weigh only the words' precomputed candidates (TopCandidates word lists), and prove
// afterwards that it found the full search's first results.
//
// Each word's weight rises with its count in the passage and falls with the passage's (clamped)
// length. A passage in none of the words' lists has, for each word, a count whose list left
// passages out and a length at least that count's least left-out length; the largest sum any such
// combination can reach bounds every passage outside the candidates. If the narrowed search's
// last wanted hit weighs more, no passage it could not see would have ranked above it. Phrases of
// two very common words ("to the") match over a third of the corpus; this turns a walk of both
// posting lists into a few thousand checks.
class CandidateBound {
  public:
    // Null when a word has no list in this shard (it is rare enough to search in full) or there
    // are too many frequent words to bound cheaply. A word may come more than once (a phrase
    // "the the" weighs it twice).
    static std::optional<CandidateBound> make(const Xapian::Database& shard,
                                              const std::vector<std::string>& words);

    const std::vector<Xapian::docid>& candidates() const { return m_candidates; }

    // True if `narrowed`, the search limited to the candidates, holds the full search's
    // first `wanted` hits. Also recomputes the last hit's weight and refuses if it does not match
    // Xapian's, so a different weighting never yields a wrong answer, only a full search.
    bool proves(const Xapian::MSet& narrowed, size_t wanted) const;

  private:
    struct Word {
        std::string term;
        int occurrences = 0; // a word repeated in the phrase counts each time
        double termWeight = 0;
    };
    double weight(const Word& w, Xapian::termcount wdf, double length) const;

    Xapian::Database m_shard;
    std::vector<Word> m_words;
    std::vector<Xapian::docid> m_candidates;
    double m_averageLength = 0;
    double m_bound = 0;
};

} // namespace warrant
