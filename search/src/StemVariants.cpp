#include "StemVariants.h"

#include <algorithm>

namespace warrant {

const std::vector<std::string>& StemVariants::of(const Xapian::Database& db, const std::string& stem) {
    if (auto it = m_cache.find(stem); it != m_cache.end()) return it->second;
    // An English stem is its word with a suffix removed; only a final y turned i ("policy" →
    // "polici", "cries" → "cri") changes a letter, and Porter's exceptions make "dying" → "die".
    // So the variants start with the stem, with the stem minus a final i, or with "dy" for "die".
    std::vector<std::string> prefixes{stem};
    if (stem.size() > 1 && stem.back() == 'i')
        prefixes = {stem.substr(0, stem.size() - 1)};
    else if (stem.size() > 2 && stem.compare(stem.size() - 2, 2, "ie") == 0)
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
