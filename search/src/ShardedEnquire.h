#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>
#include <xapian.h>

namespace warrant {

// Runs one query on each sub-database of the index at once, one thread per base shard, and
// merges the answers: the top hits by weight (or by sort key), the match counts and the facet
// counts. Large posting lists ("was", "the") cost time in proportion to their length; searching
// the shards side by side halves that wait on two cores. Each shard weighs by its own statistics;
// shards are random halves of the corpus, so the weights compare.
class ShardedEnquire {
  public:
    struct Hit {
        Xapian::Document doc;
        double weight = 0;
        std::string sortKey;
        size_t sub = 0;
        Xapian::docid docid = 0;
    };
    struct Answer {
        std::vector<Hit> hits; // the requested page, merged
        long long total = 0;
        std::map<std::string, int> participantValues; // facet value → matches
        std::map<long long, int> codes;               // code id → matches
    };
    // A cheaper form of one sub-database's query, limited to precomputed candidates.
    struct Narrowing {
        Xapian::Query query; // empty: search in full
        // Whether the narrowed search's hits are the full search's first `first + count`; null:
        // they always are. When they are not, the full query runs.
        std::function<bool(const Xapian::MSet&)> proves;
        long long total = -1; // the full query's match count when known; else Xapian's estimate
    };
    struct Request {
        size_t first = 0;
        size_t count = 20;
        const Xapian::KeyMaker* sortKey = nullptr; // null: by relevance
        bool facets = false;
        Xapian::valueno participantSlot = 0;
        Xapian::valueno codesSlot = 0;
        std::vector<Narrowing> narrowings; // per sub-database; missing or empty: none
    };

    // `queries[i]` is searched in `subs[i]`. Xapian's handles are not safe to share between
    // threads, so every sub-database gets its own query object and is used by one thread only.
    static Answer run(const std::vector<Xapian::Database>& subs, const std::vector<Xapian::Query>& queries,
                      const Request& request);
};

} // namespace warrant
