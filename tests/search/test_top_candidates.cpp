#include "SampleProjects.h"
#include "SearchIndex.h"
#include "store/CodebookRepository.h"
#include "store/CodingRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"

#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace warrant;

namespace {

constexpr int kDepth = 5;

// Sets an environment variable for the life of the object.
struct ScopedEnv {
    QByteArray name;
    ScopedEnv(const char* n, const QByteArray& value) : name(n) { qputenv(n, value); }
    ~ScopedEnv() { qunsetenv(name.constData()); }
};

// The sample project indexed with candidate lists for every stem and word, a few passages per
// count deep, so the small corpus prunes hard.
struct PrunedSampleIndex {
    ScopedEnv minimum{"WARRANT_INDEX_TOP_MIN", "1"};
    ScopedEnv depth{"WARRANT_INDEX_TOP_DEPTH", QByteArray::number(kDepth)};
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("demo.warrant"));
    std::unique_ptr<Project> project = test::freshSampleProject(path);
    SearchIndex index{SearchIndex::locationFor(path)};
    PrunedSampleIndex() { REQUIRE(index.open(*project).ok()); }
};

SearchResults run(SearchIndex& index, const QString& query, int offset, int limit, bool facets = false) {
    SearchOptions options;
    options.offset = offset;
    options.limit = limit;
    options.facets = facets;
    auto r = index.search(query, options);
    INFO(query.toStdString() << ": " << r.errorMessage().toStdString());
    REQUIRE(r.ok());
    return *r;
}

// `page` must hold the hits of `full` (a longer first page of the full search) from `offset` on.
void checkPageOf(const SearchResults& page, const SearchResults& full, int offset, int limit) {
    const size_t expected = size_t(std::clamp<qsizetype>(qsizetype(full.hits.size()) - offset, 0, limit));
    REQUIRE(page.hits.size() == expected);
    for (size_t i = 0; i < page.hits.size(); ++i) {
        CHECK(page.hits[i].passageId == full.hits[size_t(offset) + i].passageId);
        CHECK(page.hits[i].weight == full.hits[size_t(offset) + i].weight);
    }
}

// A page answered from the candidate lists (offset + limit ≤ depth) must be the same as that
// page of a search with facets, which visits and ranks every matching passage. Its count is
// exact too, where a search without facets may give Xapian's estimate.
void checkSamePages(SearchIndex& index, const QStringList& words, bool exactCounts) {
    for (const QString& word : words) {
        const SearchResults full = run(index, word, 0, kDepth + 1, true);
        const qint64 exact = run(index, word, 0, 1, true).total;
        for (const auto& [offset, limit] : {std::pair{0, kDepth}, std::pair{2, 3}}) {
            const SearchResults page = run(index, word, offset, limit);
            INFO(word.toStdString() << " offset " << offset);
            if (exactCounts) CHECK(page.total == exact);
            checkPageOf(page, full, offset, limit);
        }
    }
}

// Pages of searches that may be answered from candidates and a weight bound must equal the same
// pages of a search with facets (which ranks every match), at the top, deeper than the lists
// reach, and further down.
void checkAgainstFull(SearchIndex& index, const QStringList& queries) {
    for (const QString& query : queries) {
        const SearchResults full = run(index, query, 0, 12, true);
        for (const auto& [offset, limit] : {std::pair{0, 1}, std::pair{0, 12}, std::pair{3, 4}}) {
            const SearchResults page = run(index, query, offset, limit);
            INFO(query.toStdString() << " offset " << offset << " limit " << limit);
            checkPageOf(page, full, offset, limit);
            // Counts are Xapian's estimates (a full search's too): only their sense is checked.
            if (!page.hits.empty()) CHECK(page.total >= qint64(page.hits.size()) + offset);
            CHECK((page.total == 0) == (full.total == 0));
        }
    }
}

} // namespace

TEST_CASE("One-word searches answered from precomputed candidates rank exactly like full searches",
          "[search][candidates]") {
    PrunedSampleIndex sample;
    Project& project = *sample.project;
    SearchIndex& index = sample.index;
    index.attach(project);

    // Every distinct word of a few transcripts: function words, stems with many spellings, rare words.
    QSet<QString> distinct;
    auto sources = SourceRepository(project).list(true);
    REQUIRE(sources.ok());
    int taken = 0;
    for (const Source& s : *sources) {
        if (s.kind != SourceKind::Transcript || taken++ >= 3) continue;
        for (const QString& w :
             s.text.split(QRegularExpression(QStringLiteral("[^A-Za-z]+")), Qt::SkipEmptyParts))
            if (w.size() > 1 && w.compare(QStringLiteral("AND")) && w.compare(QStringLiteral("OR")) &&
                w.compare(QStringLiteral("NOT")))
                distinct.insert(w.toLower());
    }
    QStringList words(distinct.begin(), distinct.end());
    words.sort();
    REQUIRE(words.size() > 300);
    checkSamePages(index, words, true);
    // Pages deeper than the lists: words with one spelling, and exact words, try their word lists
    // and a bound.
    checkAgainstFull(index, words);
    QStringList exact;
    for (const QString& w : words.mid(0, 150)) exact << u'=' + w;
    checkAgainstFull(index, exact);

    // After a change the shards are no longer as built: the stem lists are off (counts of hidden
    // passages are estimated), words with one spelling are still proved by the bound, the pages
    // alike either way.
    auto code = CodebookRepository(project).resolve(QStringLiteral("Evaluation/Policy learning"));
    REQUIRE(code.ok());
    REQUIRE(CodingRepository(project).applyRange(sources->front().id, 0, 40, code->id).ok());
    checkSamePages(index, words.mid(0, 60), false);
    checkAgainstFull(index, words.mid(0, 200));
}

TEST_CASE("Phrase searches tried on their words' candidates rank exactly like full searches",
          "[search][candidates]") {
    // Many searches of common words can be proved from the candidates, many cannot and fall back
    // to the full search.
    PrunedSampleIndex sample;
    Project& project = *sample.project;
    SearchIndex& index = sample.index;

    // Every adjacent pair of words in the first answers of two transcripts as a phrase, with the
    // same word twice ("the the") and three-word phrases added.
    auto sources = SourceRepository(project).list(true);
    REQUIRE(sources.ok());
    QStringList phrases{QStringLiteral("\"the the\""), QStringLiteral("\"of the\""), QStringLiteral("\"in the\""),
                        QStringLiteral("\"one of the\""), QStringLiteral("\"it was the\"")};
    int taken = 0;
    for (const Source& s : *sources) {
        if (s.kind != SourceKind::Transcript || taken++ >= 2) continue;
        const QStringList words =
            s.text.left(6000).split(QRegularExpression(QStringLiteral("[^A-Za-z']+")), Qt::SkipEmptyParts);
        for (qsizetype i = 0; i + 1 < words.size(); ++i)
            phrases << QStringLiteral("\"%1 %2\"").arg(words[i].toLower(), words[i + 1].toLower());
    }
    phrases.removeDuplicates();
    REQUIRE(phrases.size() > 300);
    checkAgainstFull(index, phrases);

    // After a change the delta hides the changed source's passages from the shards; the
    // candidates still prove pages, since hiding passages only removes competitors.
    index.attach(project);
    auto code = CodebookRepository(project).resolve(QStringLiteral("Evaluation/Policy learning"));
    REQUIRE(code.ok());
    REQUIRE(CodingRepository(project).applyRange(sources->front().id, 0, 40, code->id).ok());
    checkAgainstFull(index, phrases.mid(0, 150));
}
