#include "StemVariants.h"

#include <algorithm>

namespace warrant {

namespace {

// Byte length of the stem without its last UTF-8 character.
size_t withoutLastCharacter(const std::string& s) {
    size_t n = s.size();
    if (n == 0) return 0;
    --n;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return n;
}

} // namespace

const std::vector<std::string>& StemVariants::of(const Xapian::Database& db, const std::string& stem) {
    if (auto it = m_cache.find(stem); it != m_cache.end()) return it->second;
    // English stems are the word with a suffix removed and at most the last letter changed
    // ("policy" → "polici"), so every variant starts with the stem minus its last letter. Very
    // short stems are their own prefix, which keeps "a" from scanning a twentieth of the vocabulary.
    const size_t cut = withoutLastCharacter(stem);
    const std::string prefix = cut >= 2 ? stem.substr(0, cut) : stem;
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
        const std::string term = *t;
        if (m_stemmer(term) == stem) found.emplace_back(t.get_termfreq(), term);
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> words;
    for (auto& f : found) words.push_back(std::move(f.second));
    return m_cache.emplace(stem, std::move(words)).first->second;
}

} // namespace warrant
