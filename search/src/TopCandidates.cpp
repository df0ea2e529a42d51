#include "TopCandidates.h"

#include "StemVariants.h"

#include <QByteArray>
#include <QtGlobal>
#include <algorithm>
#include <cmath>
#include <map>

namespace warrant {

namespace {

constexpr int kDepth = 100;
// Stems with fewer postings in a shard are ranked fast enough without help.
constexpr int kMinPostings = 20000;
const std::string kKeyPrefix = "warrant.top.";
const std::string kWordKeyPrefix = "warrant.word.";
const std::string kDepthKey = "warrant.top-depth";

// WARRANT_INDEX_TOP_DEPTH and WARRANT_INDEX_TOP_MIN override the constants, so tests on a small
// corpus exercise the lists.
int setting(const char* name, int fallback) {
    bool ok = false;
    const int n = qEnvironmentVariableIntValue(name, &ok);
    return ok && n > 0 ? n : fallback;
}

void putNumber(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(char((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(char(v));
}

bool getNumber(const char*& p, const char* end, std::uint64_t& v) {
    v = 0;
    for (int shift = 0; p < end && shift < 64; shift += 7) {
        const auto byte = static_cast<unsigned char>(*p++);
        v |= std::uint64_t(byte & 0x7f) << shift;
        if (!(byte & 0x80)) return true;
    }
    return false;
}

// Ascending document ids as gaps, to the end of the value.
void putDocids(std::string& out, const std::vector<Xapian::docid>& ids) {
    Xapian::docid previous = 0;
    for (Xapian::docid id : ids) {
        putNumber(out, id - previous);
        previous = id;
    }
}

bool getDocids(const char* p, const char* end, std::vector<Xapian::docid>& ids) {
    Xapian::docid at = 0;
    std::uint64_t gap = 0;
    while (p < end) {
        if (!getNumber(p, end, gap)) return false;
        at += Xapian::docid(gap);
        ids.push_back(at);
    }
    return true;
}

} // namespace

int TopCandidates::depth(const Xapian::Database& shard) {
    return QByteArray::fromStdString(shard.get_metadata(kDepthKey)).toInt();
}

void TopCandidates::store(const std::string& shardPath) {
    Xapian::WritableDatabase db(shardPath, Xapian::DB_OPEN | Xapian::DB_NO_TERMLIST);
    const Xapian::docid last = db.get_lastdocid();
    std::vector<Xapian::termcount> length(size_t(last) + 1, 0);
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
        length[*it] = it.get_doclength();
    // BM25 divides lengths by the average and counts anything below half of it as half. Where
    // exactly that boundary falls depends on rounding, so the lists are taken for the boundary
    // one below and one above as well.
    const auto boundary = Xapian::termcount(std::floor(0.5 * db.get_avlength()));

    const auto minPostings = Xapian::doccount(setting("WARRANT_INDEX_TOP_MIN", kMinPostings));
    Xapian::Stem stemmer("en");
    std::map<std::string, Xapian::doccount> postings;
    std::vector<std::string> frequentWords;
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
        const std::string term = *t;
        if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) continue; // filter terms
        postings[stemmer(term)] += t.get_termfreq();
        if (t.get_termfreq() >= minPostings && term.size() <= 200) frequentWords.push_back(term);
    }
    StemVariants variants(stemmer);
    const int depth = setting("WARRANT_INDEX_TOP_DEPTH", kDepth);
    const size_t keep = size_t(depth);
    std::vector<Xapian::termcount> count(size_t(last) + 1, 0);
    std::vector<Xapian::docid> matching;
    for (const auto& [stem, total] : postings) {
        if (total < minPostings || stem.size() > 200) continue;
        // The same spellings a search for the stem uses.
        matching.clear();
        for (const std::string& word : variants.of(db, stem))
            for (auto p = db.postlist_begin(word); p != db.postlist_end(word); ++p) {
                if (count[*p] == 0) matching.push_back(*p);
                count[*p] += p.get_wdf();
            }
        std::map<Xapian::termcount, std::vector<Xapian::docid>> byCount;
        for (Xapian::docid id : matching)
            byCount[count[id]].push_back(id);
        std::vector<Xapian::docid> chosen;
        for (auto& [wdf, ids] : byCount) {
            for (int shift = -1; shift <= 1; ++shift) {
                const Xapian::termcount clamp =
                    Xapian::termcount(std::max<long long>(0, (long long)boundary + shift));
                const auto before = [&](Xapian::docid a, Xapian::docid b) {
                    const Xapian::termcount la = std::max(length[a], clamp), lb = std::max(length[b], clamp);
                    return la != lb ? la < lb : a < b;
                };
                const size_t n = std::min(keep, ids.size());
                std::partial_sort(ids.begin(), ids.begin() + std::ptrdiff_t(n), ids.end(), before);
                chosen.insert(chosen.end(), ids.begin(), ids.begin() + std::ptrdiff_t(n));
            }
        }
        std::sort(chosen.begin(), chosen.end());
        chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
        std::string value;
        putNumber(value, matching.size());
        putDocids(value, chosen);
        db.set_metadata(kKeyPrefix + stem, value);
        for (Xapian::docid id : matching)
            count[id] = 0;
    }
    storeWordLists(db, frequentWords, length, boundary, keep);
    db.set_metadata(kDepthKey, std::to_string(depth));
    db.commit();
}

void TopCandidates::storeWordLists(Xapian::WritableDatabase& db, const std::vector<std::string>& frequent,
                                   const std::vector<Xapian::termcount>& length, Xapian::termcount clamp,
                                   size_t keep) {
    const auto clamped = [&](Xapian::docid id) { return std::max(length[id], clamp); };
    const auto before = [&](Xapian::docid a, Xapian::docid b) {
        return clamped(a) != clamped(b) ? clamped(a) < clamped(b) : a < b;
    };
    for (const std::string& word : frequent) {
        std::map<Xapian::termcount, std::vector<Xapian::docid>> byCount;
        for (auto p = db.postlist_begin(word); p != db.postlist_end(word); ++p)
            byCount[p.get_wdf()].push_back(*p);
        std::vector<Xapian::docid> chosen;
        std::string leftOut;
        Xapian::termcount counts = 0;
        for (auto& [wdf, ids] : byCount) {
            // The first `keep` in order, and after them the first one left out.
            const size_t n = std::min(keep + 1, ids.size());
            std::partial_sort(ids.begin(), ids.begin() + std::ptrdiff_t(n), ids.end(), before);
            chosen.insert(chosen.end(), ids.begin(), ids.begin() + std::ptrdiff_t(std::min(keep, ids.size())));
            if (ids.size() > keep) {
                putNumber(leftOut, wdf);
                putNumber(leftOut, clamped(ids[keep]));
                ++counts;
            }
        }
        std::sort(chosen.begin(), chosen.end());
        std::string value;
        putNumber(value, clamp);
        putNumber(value, counts);
        value += leftOut;
        putDocids(value, chosen);
        db.set_metadata(kWordKeyPrefix + word, value);
    }
}

std::optional<TopCandidates::List> TopCandidates::load(const Xapian::Database& shard,
                                                       const std::string& stem) {
    const std::string value = shard.get_metadata(kKeyPrefix + stem);
    if (value.empty()) return std::nullopt;
    List list;
    const char* p = value.data();
    const char* end = p + value.size();
    std::uint64_t n = 0;
    if (!getNumber(p, end, n)) return std::nullopt;
    list.matches = Xapian::doccount(n);
    if (!getDocids(p, end, list.docids)) return std::nullopt;
    return list;
}

std::optional<TopCandidates::WordList> TopCandidates::loadWord(const Xapian::Database& shard,
                                                               const std::string& word) {
    const std::string value = shard.get_metadata(kWordKeyPrefix + word);
    if (value.empty()) return std::nullopt;
    WordList list;
    const char* p = value.data();
    const char* end = p + value.size();
    std::uint64_t clamp = 0, counts = 0, a = 0, b = 0;
    if (!getNumber(p, end, clamp) || !getNumber(p, end, counts)) return std::nullopt;
    list.clamp = Xapian::termcount(clamp);
    for (std::uint64_t i = 0; i < counts; ++i) {
        if (!getNumber(p, end, a) || !getNumber(p, end, b)) return std::nullopt;
        list.leftOut.emplace_back(Xapian::termcount(a), Xapian::termcount(b));
    }
    if (!getDocids(p, end, list.docids)) return std::nullopt;
    return list;
}

} // namespace warrant
