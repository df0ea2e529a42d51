#include "StemVariants.h"

#include <algorithm>

namespace warrant {

const std::vector<std::string>& StemVariants::of(const Xapian::Database& db, const std::string& stem) {
    if (auto it = m_cache.find(stem); it != m_cache.end()) return it->second;
    // An English stem is its word with a suffix removed, and at most its last letter differs:
    // a final y becomes i ("policy" → "polici", "cries" → "cri") and an e may be added ("hoping"
    // → "hope"); Porter's exceptions make "dying" → "die". So every variant starts with the stem
    // or with the stem less a final i or e, or with "dy" for "die".
    std::vector<std::string> prefixes{stem};
    if (stem.size() > 1 && (stem.back() == 'i' || stem.back() == 'e'))
        prefixes = {stem.substr(0, stem.size() - 1)};
    if (stem.size() > 2 && stem.compare(stem.size() - 2, 2, "ie") == 0)
        prefixes.push_back(stem.substr(0, stem.size() - 2) + "y");
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    for (const std::string& prefix : prefixes)
        for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
            const std::string term = *t;
            if (m_stemmer(term) == stem) found.emplace_back(t.get_termfreq(), term);
        }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> words;
    for (auto& f : found)
        words.push_back(std::move(f.second));
    return m_cache.emplace(stem, std::move(words)).first->second;
}

} // namespace warrant
