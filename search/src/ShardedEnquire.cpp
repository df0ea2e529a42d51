#include "ShardedEnquire.h"

#include "CodeFacetSpy.h"

#include <algorithm>
#include <exception>
#include <thread>

namespace warrant {

namespace {

struct SubAnswer {
    std::vector<ShardedEnquire::Hit> hits;
    long long total = 0;
    std::map<std::string, int> participantValues;
    std::map<long long, int> codes;
    std::exception_ptr failure;
};

void searchOne(const Xapian::Database& db, const Xapian::Query& query, const ShardedEnquire::Request& request,
               size_t sub, SubAnswer& out) {
    try {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        if (request.sortKey) enquire.set_sort_by_key(const_cast<Xapian::KeyMaker*>(request.sortKey), false);
        Xapian::ValueCountMatchSpy participants(request.participantSlot);
        CodeFacetSpy codes(request.codesSlot);
        if (request.facets) {
            enquire.add_matchspy(&participants);
            enquire.add_matchspy(&codes);
        }
        // Facets count every match, so the match must not stop early.
        const Xapian::doccount checkAtLeast = request.facets ? db.get_doccount() : 0;
        const auto wanted = Xapian::doccount(request.first + request.count);
        Xapian::MSet mset;
        const ShardedEnquire::Narrowing* narrowing =
            sub < request.narrowings.size() && !request.narrowings[sub].query.empty() ? &request.narrowings[sub]
                                                                                     : nullptr;
        if (narrowing) {
            enquire.set_query(narrowing->query);
            mset = enquire.get_mset(0, wanted);
            if (narrowing->proves && !narrowing->proves(mset)) narrowing = nullptr;
            enquire.set_query(query);
        }
        if (narrowing) {
            // The narrowed search cannot count the full query's matches. Unless they are known,
            // Xapian estimates them from an unranked search, which stops once it has the page.
            if (narrowing->total >= 0) {
                out.total = narrowing->total;
            } else {
                Xapian::Enquire counter(db);
                counter.set_query(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, 0.0));
                out.total = (long long)counter.get_mset(0, wanted).get_matches_estimated();
            }
        } else {
            mset = enquire.get_mset(0, wanted, checkAtLeast);
            out.total = (long long)mset.get_matches_estimated();
        }
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            ShardedEnquire::Hit hit;
            hit.doc = it.get_document();
            hit.weight = it.get_weight();
            hit.sub = sub;
            hit.docid = *it;
            if (request.sortKey) hit.sortKey = (*request.sortKey)(hit.doc);
            out.hits.push_back(std::move(hit));
        }
        if (request.facets) {
            for (auto v = participants.values_begin(); v != participants.values_end(); ++v)
                out.participantValues[*v] += int(v.get_termfreq());
            out.codes = codes.counts();
        }
    } catch (...) {
        out.failure = std::current_exception();
    }
}

} // namespace

ShardedEnquire::Answer ShardedEnquire::run(const std::vector<Xapian::Database>& subs,
                                           const std::vector<Xapian::Query>& queries,
                                           const Request& request) {
    std::vector<SubAnswer> answers(subs.size());
    // The first sub-database runs on a helper thread; the others (the second shard and the small
    // delta) on the calling thread meanwhile.
    std::thread helper;
    if (subs.size() > 1)
        helper = std::thread(searchOne, std::cref(subs[0]), std::cref(queries[0]), std::cref(request), 0,
                             std::ref(answers[0]));
    for (size_t i = subs.size() > 1 ? 1 : 0; i < subs.size(); ++i)
        searchOne(subs[i], queries[i], request, i, answers[i]);
    if (helper.joinable()) helper.join();

    Answer merged;
    std::vector<Hit> all;
    for (SubAnswer& a : answers) {
        if (a.failure) std::rethrow_exception(a.failure);
        merged.total += a.total;
        for (const auto& [value, count] : a.participantValues)
            merged.participantValues[value] += count;
        for (const auto& [code, count] : a.codes)
            merged.codes[code] += count;
        for (Hit& h : a.hits)
            all.push_back(std::move(h));
    }
    const auto byRelevance = [](const Hit& a, const Hit& b) {
        if (a.weight != b.weight) return a.weight > b.weight;
        return a.sub != b.sub ? a.sub < b.sub : a.docid < b.docid;
    };
    const auto byKey = [](const Hit& a, const Hit& b) {
        if (a.sortKey != b.sortKey) return a.sortKey < b.sortKey;
        return a.sub != b.sub ? a.sub < b.sub : a.docid < b.docid;
    };
    if (request.sortKey)
        std::sort(all.begin(), all.end(), byKey);
    else
        std::sort(all.begin(), all.end(), byRelevance);
    for (size_t i = request.first; i < all.size() && i < request.first + request.count; ++i)
        merged.hits.push_back(std::move(all[i]));
    return merged;
}

} // namespace warrant
