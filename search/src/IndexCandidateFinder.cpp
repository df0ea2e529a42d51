#include "IndexCandidateFinder.h"

#include "SearchIndex.h"
#include "WordTokenizer.h"

#include <xapian.h>

#include <QSet>


namespace warrant {

namespace {

const QSet<QString>& stopwords() {
    static const QSet<QString> words = [] {
        QSet<QString> s;
        for (const char* w : {"a", "about", "after", "again", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because",
                              "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does",
                              "each", "even", "for", "from", "further", "had", "has", "have", "he", "her", "here", "his", "how",
                              "i", "if", "in", "into", "is", "it", "its", "just", "more", "most", "much", "many", "my", "no",
                              "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "out", "over",
                              "own", "said", "same", "several", "she", "should", "so", "some", "such", "than", "that", "the",
                              "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
                              "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while",
                              "who", "whom", "why", "will", "with", "would", "you", "your", "interview", "interviews",
                              "interviewee", "interviewees", "participant", "participants", "almost", "whose", "within",
                              "upon", "per", "also", "yet", "still", "rather", "less", "among", "against"})
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    return words;
}

} // namespace

struct IndexCandidateFinder::Impl {
    SearchIndex& index;
    Xapian::Stem stemmer{"en"};

    // Distinct content words of a text, as stems, with one spelling of each for the query.
    std::map<std::string, QString> contentStems(const QString& text) {
        std::map<std::string, QString> stems;
        for (const WordSpan& w : WordTokenizer::words(text)) {
            const QString word = text.mid(w.start, w.end - w.start);
            const std::string term = WordTokenizer::term(word);
            if (term.size() < 3 || stopwords().contains(QString::fromStdString(term))) continue;
            if (std::all_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
            stems.emplace(stemmer(term), QString::fromStdString(term));
        }
        return stems;
    }
    static QString orQuery(const std::map<std::string, QString>& stems) {
        QStringList parts;
        for (const auto& [stem, word] : stems) parts << word;
        return QStringLiteral("(%1)").arg(parts.join(QStringLiteral(" OR ")));
    }
};

IndexCandidateFinder::IndexCandidateFinder(SearchIndex& index) : d(std::make_unique<Impl>(Impl{index})) {}
IndexCandidateFinder::~IndexCandidateFinder() = default;

std::vector<std::pair<qint64, qsizetype>> IndexCandidateFinder::passagesWith(const QString& words, int limit) {
    std::vector<std::pair<qint64, qsizetype>> out;
    const auto stems = d->contentStems(words);
    if (stems.empty()) return out;
    SearchOptions options;
    options.limit = limit;
    options.snippets = false;
    options.facets = false;
    options.kwicWidth = 0;
    auto results = d->index.search(Impl::orQuery(stems) + QStringLiteral(" speaker:participant"), options);
    if (!results) return out;
    for (const SearchHit& h : results->hits) out.emplace_back(h.sourceId, h.start);
    return out;
}

std::vector<CandidateFinder::Suggestion> IndexCandidateFinder::suggest(const QString& claimText, const QString& participantCode,
                                                                      int limit) {
    std::vector<Suggestion> out;
    const auto stems = d->contentStems(claimText);
    if (stems.empty()) return out;
    SearchOptions options;
    options.limit = limit;
    options.snippets = false;
    options.facets = false;
    options.kwicWidth = 0;
    // Relevance is relative: how well this participant's best passage matches the claim, against
    // the best passage anyone in the project has. A cited participant who really said it is
    // among the best; one who never touched the subject is far behind.
    SearchOptions best = options;
    best.limit = 1;
    auto top = d->index.search(Impl::orQuery(stems) + QStringLiteral(" speaker:participant"), best);
    if (!top || top->hits.empty()) return out;
    const double topWeight = top->hits.front().weight;
    auto results = d->index.search(Impl::orQuery(stems) + QStringLiteral(" participant:%1").arg(participantCode), options);
    if (!results) return out;
    for (const SearchHit& h : results->hits)
        out.push_back({h.sourceId, h.start, h.end, topWeight > 0 ? std::min(1.0, h.weight / topWeight) : 0.0});
    std::sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) { return a.relevance > b.relevance; });
    return out;
}

} // namespace warrant
