#include "SpellingSuggester.h"

#include "WordTokenizer.h"

#include <algorithm>
#include <cstdlib>

namespace warrant {

int SpellingSuggester::distance(const std::string& a, const std::string& b, int limit) {
    if (std::abs(int(a.size()) - int(b.size())) > limit) return limit + 1;
    std::vector<int> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = int(j);
    for (size_t i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        int best = row[0];
        for (size_t j = 1; j <= b.size(); ++j) {
            const int up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
            best = std::min(best, row[j]);
        }
        if (best > limit) return limit + 1;
    }
    return row[b.size()];
}

std::string SpellingSuggester::closest(const std::string& word) {
    if (word.size() < 3) return {};
    const int limit = word.size() <= 5 ? 1 : 2;
    std::string best;
    int bestDistance = limit + 1;
    Xapian::doccount bestFrequency = 0;
    // Words are unprefixed lower-case terms; a typo rarely changes the first letter.
    const std::string first = word.substr(0, 1);
    for (auto t = m_db.allterms_begin(first); t != m_db.allterms_end(first); ++t) {
        const std::string term = *t;
        const int dist = distance(word, term, limit);
        if (dist > limit) continue;
        const Xapian::doccount frequency = t.get_termfreq();
        if (dist < bestDistance || (dist == bestDistance && frequency > bestFrequency)) {
            best = term;
            bestDistance = dist;
            bestFrequency = frequency;
        }
    }
    return best;
}

QString SpellingSuggester::suggest(const QString& query, const std::vector<std::pair<QString, qsizetype>>& words) {
    QString suggestion = query;
    bool changed = false;
    // Replace from the end so earlier positions stay valid.
    std::vector<std::pair<QString, qsizetype>> sorted = words;
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [text, position] : sorted) {
        const std::string word = WordTokenizer::term(text);
        const std::string stem = m_stemmer(word);
        if (m_db.term_exists(word) || !m_variants.of(m_db, stem).empty()) continue;
        const std::string better = closest(word);
        if (better.empty()) continue;
        suggestion.replace(position, text.size(), QString::fromStdString(better));
        changed = true;
    }
    return changed ? suggestion : QString();
}

} // namespace warrant
