#include "IndexCandidateFinder.h"

#include "SearchIndex.h"
#include "WordTokenizer.h"

#include <xapian.h>

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>


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
    // Per word, for one audit (claims share many words): passages holding it, and whether any
    // participant says it.
    struct WordUse {
        qint64 passages = 0;
        bool spoken = false;
    };
    std::map<QString, WordUse> wordUse;

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
    // What a claim's vocabulary is made of: its content words, except that a hyphenated compound
    // ("start-ups", "proof-of-concept") is one unit, a phrase, since its parts alone ("start")
    // mean something else. Query text → the unit as printed.
    std::map<QString, QString> coverageUnits(const QString& text) {
        static const QRegularExpression compound(QStringLiteral("[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)+"),
                                                 QRegularExpression::UseUnicodePropertiesOption);
        std::map<QString, QString> units;
        QString rest = text;
        for (auto it = compound.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            const QStringList parts = m.captured(0).toLower().split(u'-', Qt::SkipEmptyParts);
            rest.replace(m.capturedStart(), m.capturedLength(), QString(m.capturedLength(), u' '));
            const bool content = std::any_of(parts.begin(), parts.end(), [&](const QString& p) {
                return p.size() >= 3 && !stopwords().contains(QString::fromStdString(WordTokenizer::term(p)));
            });
            if (content) units.emplace(QStringLiteral("\"%1\"").arg(parts.join(u' ')), m.captured(0));
        }
        for (const auto& [stem, word] : contentStems(rest)) units.emplace(word, word);
        return units;
    }
    // Look-ups for the auditor: hits' locations and weights only, no snippets, facets or spelling help.
    static SearchOptions lookup(int limit, SearchOptions::Order order = SearchOptions::Order::Relevance) {
        SearchOptions options;
        options.limit = limit;
        options.order = order;
        options.snippets = false;
        options.facets = false;
        options.kwicWidth = 0;
        options.spelling = false;
        return options;
    }
    static QString participantFilter(const QString& code) { return QStringLiteral("participant:\"%1\"").arg(code); }
    // Whether a search matches anything at all (unranked: it stops at the first match).
    Result<bool> matchesAny(const QString& query) {
        auto r = index.search(query, lookup(1, SearchOptions::Order::Unranked));
        if (!r) return r.error();
        return !r->hits.empty();
    }
    Result<WordUse> useOf(const QString& word) {
        auto known = wordUse.find(word);
        if (known != wordUse.end()) return known->second;
        WordUse use;
        auto anywhere = index.search(word, lookup(0));
        if (!anywhere) return anywhere.error();
        use.passages = anywhere->total;
        if (use.passages > 0) {
            auto spoken = matchesAny(word + QStringLiteral(" speaker:participant"));
            if (!spoken) return spoken.error();
            use.spoken = *spoken;
        }
        return wordUse.emplace(word, use).first->second;
    }
    std::map<QString, bool> exactWords; // usesWord answers, for one audit
    static QString orQuery(const std::map<std::string, QString>& stems) {
        QStringList parts;
        for (const auto& [stem, word] : stems) parts << word;
        return QStringLiteral("(%1)").arg(parts.join(QStringLiteral(" OR ")));
    }
};

IndexCandidateFinder::IndexCandidateFinder(SearchIndex& index) : d(std::make_unique<Impl>(Impl{index})) {}
IndexCandidateFinder::~IndexCandidateFinder() = default;

namespace {

// The longest stretch of a printed quotation that no ellipsis or editorial insertion breaks, as
// words for a phrase query; empty when shorter than three words.
QString longestUnbrokenWords(const QString& quote) {
    static const QRegularExpression cuts(QStringLiteral("\\.\\s*\\.\\s*\\.|\u2026|\\[[^\\]]*\\]|\\([^)]*\\)"));
    static const QRegularExpression nonWord(QStringLiteral("[^\\w']+"), QRegularExpression::UseUnicodePropertiesOption);
    QStringList best;
    for (const QString& part : quote.split(cuts)) {
        const QStringList words = part.split(nonWord, Qt::SkipEmptyParts);
        if (words.size() > best.size()) best = words;
    }
    return best.size() >= 3 ? best.join(u' ') : QString();
}

} // namespace

Result<CandidateFinder::Places> IndexCandidateFinder::passagesWith(const QString& words, int limit) {
    Places out;
    // Word for word first: a quotation of common words ranks its own passage low among
    // thousands that share them, but a phrase finds it wherever it was said.
    if (const QString phrase = longestUnbrokenWords(words); !phrase.isEmpty()) {
        auto exact = d->index.search(QStringLiteral("\"%1\" speaker:participant").arg(phrase), Impl::lookup(limit));
        if (!exact) return exact.error();
        for (const SearchHit& h : exact->hits) out.emplace_back(h.sourceId, h.start);
    }
    const auto stems = d->contentStems(words);
    if (stems.empty() || int(out.size()) >= limit) return out;
    auto results = d->index.search(Impl::orQuery(stems) + QStringLiteral(" speaker:participant"), Impl::lookup(limit - int(out.size())));
    if (!results) return results.error();
    for (const SearchHit& h : results->hits)
        if (std::find(out.begin(), out.end(), std::make_pair(h.sourceId, h.start)) == out.end()) out.emplace_back(h.sourceId, h.start);
    return out;
}

Result<std::vector<CandidateFinder::Suggestion>> IndexCandidateFinder::suggest(const QString& claimText, const QString& participantCode,
                                                                      int limit) {
    std::vector<Suggestion> out;
    const auto stems = d->contentStems(claimText);
    if (stems.empty()) return out;
    // Relevance is relative: how well this participant's best passage matches the claim, against
    // the best passage anyone in the project has. A cited participant who really said it is
    // among the best; one who never touched the subject is far behind.
    auto top = d->index.search(Impl::orQuery(stems) + QStringLiteral(" speaker:participant"), Impl::lookup(1));
    if (!top) return top.error();
    if (top->hits.empty()) return out;
    const double topWeight = top->hits.front().weight;
    auto results = d->index.search(Impl::orQuery(stems) + u' ' + Impl::participantFilter(participantCode), Impl::lookup(limit));
    if (!results) return results.error();
    for (const SearchHit& h : results->hits)
        out.push_back({h.sourceId, h.start, h.end, topWeight > 0 ? std::min(1.0, h.weight / topWeight) : 0.0});
    std::sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) { return a.relevance > b.relevance; });
    return out;
}

Result<CandidateFinder::Coverage> IndexCandidateFinder::vocabularyCoverage(const QString& claimText,
                                                                     const QStringList& participantCodes) {
    Coverage coverage;
    if (participantCodes.isEmpty()) return coverage;
    QStringList filters;
    for (const QString& p : participantCodes) filters << Impl::participantFilter(p);
    const QString participants = QStringLiteral("(%1)").arg(filters.join(QStringLiteral(" OR ")));
    const auto passages = d->index.passageCount();
    if (!passages) return passages.error();
    if (*passages <= 0) return coverage;
    struct Word {
        QString spelling;
        double weight; // inverse passage frequency
        bool used;
    };
    std::vector<Word> words;
    double total = 0, used = 0;
    for (const auto& [word, display] : d->coverageUnits(claimText)) {
        // The word as the query language reads it: every spelling with its stem. Words only the
        // manuscript or the interviewers use say nothing either way.
        const auto use = d->useOf(word);
        if (!use) return use.error();
        if (!use->spoken) continue;
        const auto isUsed = d->matchesAny(QStringLiteral("%1 %2").arg(word, participants));
        if (!isUsed) return isUsed.error();
        const double weight = std::log(std::max(1.0, double(*passages) / double(use->passages)));
        words.push_back({display, weight, *isUsed});
        total += weight;
        if (*isUsed) used += weight;
    }
    if (total <= 0) return coverage;
    coverage.share = used / total;
    std::stable_sort(words.begin(), words.end(), [](const Word& a, const Word& b) { return a.weight > b.weight; });
    for (const Word& w : words)
        if (!w.used) coverage.missing << w.spelling;
    if (!coverage.missing.isEmpty()) {
        // Who speaks of the rarest of them.
        const QString rarest = coverage.missing.mid(0, 3).join(QStringLiteral(" OR "));
        auto results = d->index.search(QStringLiteral("(%1) speaker:participant").arg(rarest), Impl::lookup(10));
        if (!results) return results.error();
        for (const SearchHit& h : results->hits)
                if (!h.participantCode.isEmpty() && !coverage.usedBy.contains(h.participantCode)) coverage.usedBy << h.participantCode;
    }
    return coverage;
}

Result<bool> IndexCandidateFinder::usesWord(const QString& word) {
    // Only plain words reach the query language; anything else counts as used (never tolerated).
    static const QRegularExpression plain(QStringLiteral("^[\\p{L}\\p{N}]+(?:'[\\p{L}\\p{N}]+)*$"));
    if (!plain.match(word).hasMatch()) return true;
    if (auto known = d->exactWords.find(word); known != d->exactWords.end()) return known->second;
    auto used = d->matchesAny(QStringLiteral("=%1 -kind:manuscript").arg(word));
    if (!used) return used.error();
    d->exactWords.emplace(word, *used);
    return *used;
}

} // namespace warrant
