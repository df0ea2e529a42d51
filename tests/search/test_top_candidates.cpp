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

// A page answered from the candidate lists (offset + limit ≤ depth) must be the same as that
// page of a search too deep for them, which ranks every matching passage. Its count is exact,
// like the count of a search with facets (which visits every match), where a plain full search
// may give Xapian's estimate.
void checkSamePages(SearchIndex& index, const QStringList& words, bool exactCounts) {
    for (const QString& word : words) {
        const SearchResults full = run(index, word, 0, kDepth + 1);
        const qint64 exact = run(index, word, 0, 1, true).total;
        for (const auto& [offset, limit] : {std::pair{0, kDepth}, std::pair{2, 3}}) {
            const SearchResults page = run(index, word, offset, limit);
            INFO(word.toStdString() << " offset " << offset);
            if (exactCounts) CHECK(page.total == exact);
            const size_t expected =
                size_t(std::clamp<qsizetype>(qsizetype(full.hits.size()) - offset, 0, limit));
            REQUIRE(page.hits.size() == expected);
            for (size_t i = 0; i < page.hits.size(); ++i) {
                CHECK(page.hits[i].passageId == full.hits[size_t(offset) + i].passageId);
                CHECK(page.hits[i].weight == full.hits[size_t(offset) + i].weight);
            }
        }
    }
}

} // namespace

TEST_CASE("One-word searches answered from precomputed candidates rank exactly like full searches",
          "[search][candidates]") {
    // Lists for every stem, a few results deep, so the small sample corpus prunes hard.
    const ScopedEnv minimum("WARRANT_INDEX_TOP_MIN", "1");
    const ScopedEnv depth("WARRANT_INDEX_TOP_DEPTH", QByteArray::number(kDepth));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.warrant"));
    const std::unique_ptr<Project> opened = test::freshSampleProject(path);
    Project& project = *opened;
    SearchIndex index(SearchIndex::locationFor(path));
    REQUIRE(index.open(project).ok());
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

    // After a change the shards are no longer as built: every search ranks in full (and counts
    // hidden passages by estimate), the pages still alike.
    auto code = CodebookRepository(project).resolve(QStringLiteral("Evaluation/Policy learning"));
    REQUIRE(code.ok());
    REQUIRE(CodingRepository(project).applyRange(sources->front().id, 0, 40, code->id).ok());
    checkSamePages(index, words.mid(0, 60), false);
}

TEST_CASE("Phrase searches of frequent words tried on their candidates rank exactly like full searches",
          "[search][candidates]") {
    // Word lists for every word, five passages per count: most phrases of common words can be
    // proved from the candidates, many cannot and fall back to the full search.
    const ScopedEnv minimum("WARRANT_INDEX_TOP_MIN", "1");
    const ScopedEnv depth("WARRANT_INDEX_TOP_DEPTH", QByteArray::number(kDepth));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.warrant"));
    const std::unique_ptr<Project> opened = test::freshSampleProject(path);
    Project& project = *opened;
    SearchIndex index(SearchIndex::locationFor(path));
    REQUIRE(index.open(project).ok());

    // Every adjacent pair of words in the first answers of two transcripts, with the same word
    // twice ("the the") and three-word phrases added.
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
    const auto checkPhrases = [&index](const QStringList& list) {
        for (const QString& phrase : list) {
            // With facets every match is visited: the reference ranking.
            const SearchResults full = run(index, phrase, 0, 12, true);
            for (const auto& [offset, limit] : {std::pair{0, 1}, std::pair{0, 12}, std::pair{3, 4}}) {
                const SearchResults page = run(index, phrase, offset, limit);
                INFO(phrase.toStdString() << " offset " << offset << " limit " << limit);
                const size_t expected =
                    size_t(std::clamp<qsizetype>(qsizetype(full.hits.size()) - offset, 0, limit));
                REQUIRE(page.hits.size() == expected);
                for (size_t i = 0; i < page.hits.size(); ++i) {
                    CHECK(page.hits[i].passageId == full.hits[size_t(offset) + i].passageId);
                    CHECK(page.hits[i].weight == full.hits[size_t(offset) + i].weight);
                }
                // Counts are Xapian's estimates (a full search's too): only their sense is checked.
                if (!page.hits.empty()) CHECK(page.total >= qint64(page.hits.size()) + offset);
                CHECK((page.total == 0) == (full.total == 0));
            }
        }
    };
    checkPhrases(phrases);

    // After a change the delta hides the changed source's passages from the shards; the
    // candidates still prove pages, since hiding passages only removes competitors.
    index.attach(project);
    auto code = CodebookRepository(project).resolve(QStringLiteral("Evaluation/Policy learning"));
    REQUIRE(code.ok());
    REQUIRE(CodingRepository(project).applyRange(sources->front().id, 0, 40, code->id).ok());
    checkPhrases(phrases.mid(0, 150));
}
