#include "StemVariants.h"

#include <algorithm>

namespace warrant {

const std::vector<std::string>& StemVariants::of(const Xapian::Database& db, const std::string& stem) {
    if (auto it = m_cache.find(stem); it != m_cache.end()) return it->second;
    // An English stem is its word with a suffix removed and at most its last letter changed,
    // so nearly every variant starts with the stem itself. The exceptions are few and known: a
    // final i that was a y ("policy" → "polici"), an e added after removing -ed or -ing ("hoping"
    // → "hope"), and Porter's "dying" → "die"; those words are looked up one by one rather than
    // by scanning a shorter prefix (which for "we" would mean every word starting with w).
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    for (auto t = db.allterms_begin(stem); t != db.allterms_end(stem); ++t) {
        const std::string term = *t;
        if (m_stemmer(term) == stem) found.emplace_back(t.get_termfreq(), term);
    }
    std::vector<std::string> others;
    const std::string base = stem.substr(0, stem.empty() ? 0 : stem.size() - 1);
    if (!stem.empty() && stem.back() == 'i') others = {base + "y", base + "ys"};
    if (!stem.empty() && stem.back() == 'e')
        others = {base + "ed", base + "edly", base + "ing", base + "ingly", base + "ings"};
    if (stem.size() > 2 && stem.compare(stem.size() - 2, 2, "ie") == 0)
        others.push_back(stem.substr(0, stem.size() - 2) + "ying");
    for (const std::string& word : others)
        if (word.compare(0, stem.size(), stem) != 0 && db.term_exists(word) && m_stemmer(word) == stem)
            found.emplace_back(db.get_termfreq(word), word); // not already found by the scan
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> words;
    for (auto& f : found)
        words.push_back(std::move(f.second));
    return m_cache.emplace(stem, std::move(words)).first->second;
}

} // namespace warrant
