#include <catch2/catch.hpp>

#include "AutoCoder.h"
#include "SearchIndex.h"
#include "TestPaths.h"
#include "import/ImportedDocument.h"
#include "ops/DemoProjectBuilder.h"
#include "store/ChangeLogReader.h"
#include "store/CodebookRepository.h"
#include "store/CodingRepository.h"
#include "store/ParticipantRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>

using namespace warrant;

namespace {

// The demo project and its index, built once for the read-only tests.
struct DemoIndex {
    QTemporaryDir dir;
    QString path;
    std::unique_ptr<Project> project;
    std::unique_ptr<SearchIndex> index;

    DemoIndex() {
        path = dir.filePath(QStringLiteral("demo.warrant"));
        REQUIRE(DemoProjectBuilder::build(test::sourcePath(QStringLiteral("sample_corpus")), path).ok());
        auto opened = Project::open(path);
        REQUIRE(opened.ok());
        project = std::move(*opened);
        index = std::make_unique<SearchIndex>(SearchIndex::locationFor(path));
        REQUIRE(index->open(*project).ok());
        index->attach(*project);
    }

    SearchResults search(const QString& q, int limit = 200) {
        SearchOptions options;
        options.limit = limit;
        auto r = index->search(q, options);
        INFO(q.toStdString() << ": " << r.errorMessage().toStdString());
        REQUIRE(r.ok());
        return *r;
    }
    QString groupOf(const QString& code) {
        auto p = ParticipantRepository(*project).findByCode(code);
        return p.ok() && p->has_value() ? (*p)->attribute(QStringLiteral("group")) : QString();
    }
};

DemoIndex& demo() {
    static DemoIndex instance;
    return instance;
}

// A new project at `path` with one transcript: `body` spoken by participant `code` in one turn.
std::unique_ptr<Project> projectWithOneTurn(const QString& path, const QString& code, const QString& body) {
    auto project = Project::create(path);
    REQUIRE(project.ok());
    ImportedDocument doc;
    doc.title = code;
    doc.format = QStringLiteral("txt");
    doc.participantCode = code;
    doc.text = code + QStringLiteral(": ") + body;
    const qsizetype start = code.size() + 2;
    qsizetype end = doc.text.size();
    while (end > start && doc.text.at(end - 1).isSpace()) --end;
    doc.turns.push_back({start, end, code, false, std::nullopt, code});
    REQUIRE((*project)->mutate(QStringLiteral("source.import"), code, [&]() -> Status {
        auto id = SourceRepository(**project).add(doc, SourceKind::Transcript, code + QStringLiteral(".txt"), code);
        return id ? Status() : Status(id.error());
    }).ok());
    return std::move(*project);
}

} // namespace

TEST_CASE("Words are stemmed, =word is exact, phrases, NEAR and wildcards use positions", "[search]") {
    DemoIndex& d = demo();
    const qint64 stemmed = d.search(QStringLiteral("policies")).total;
    const qint64 exact = d.search(QStringLiteral("=policies")).total;
    CHECK(stemmed > exact);
    CHECK(exact > 0);
    CHECK(d.search(QStringLiteral("policy")).total == stemmed);

    const SearchResults phrase = d.search(QStringLiteral("\"world of politics\""));
    REQUIRE(phrase.total >= 1);
    bool pc = false;
    for (const SearchHit& h : phrase.hits) pc = pc || h.participantCode == QStringLiteral("P.C.");
    CHECK(pc);
    for (const SearchHit& h : phrase.hits) CHECK(h.snippet.contains(QStringLiteral("«world of politics»"), Qt::CaseInsensitive));

    const qint64 near = d.search(QStringLiteral("NHS NEAR/10 procurement")).total;
    const qint64 both = d.search(QStringLiteral("NHS AND procurement")).total;
    CHECK(near > 0);
    CHECK(near <= both);
    CHECK(d.search(QStringLiteral("polic*")).total >= stemmed);
}

TEST_CASE("Boolean operators and parentheses combine freely", "[search]") {
    DemoIndex& d = demo();
    const qint64 marconi = d.search(QStringLiteral("Marconi")).total;
    const qint64 rover = d.search(QStringLiteral("Rover")).total;
    const qint64 either = d.search(QStringLiteral("Marconi OR Rover")).total;
    const qint64 both = d.search(QStringLiteral("Marconi AND Rover")).total;
    CHECK(either == marconi + rover - both);
    CHECK(d.search(QStringLiteral("Rover -Marconi")).total == rover - both);
    CHECK(d.search(QStringLiteral("Rover NOT Marconi")).total == rover - both);
    CHECK(d.search(QStringLiteral("(Marconi OR Rover) speaker:interviewer")).total < either);
}

TEST_CASE("Filters by participant, attribute, speaker, source and kind", "[search][filters]") {
    DemoIndex& d = demo();
    const SearchResults r8 = d.search(QStringLiteral("cluster participant:R8"));
    REQUIRE(r8.total > 0);
    for (const SearchHit& h : r8.hits) CHECK(h.participantCode == QStringLiteral("R8"));

    const SearchResults medical = d.search(QStringLiteral("NHS group:medical"));
    REQUIRE(medical.total > 0);
    for (const SearchHit& h : medical.hits) CHECK(d.groupOf(h.participantCode) == QStringLiteral("medical"));

    const SearchResults pc = d.search(QStringLiteral("politics participant:P.C"));
    REQUIRE(pc.total > 0);
    for (const SearchHit& h : pc.hits) CHECK(h.participantCode == QStringLiteral("P.C."));

    const SearchResults interviewer = d.search(QStringLiteral("cluster speaker:interviewer"));
    REQUIRE(interviewer.total > 0);
    for (const SearchHit& h : interviewer.hits) CHECK(h.interviewer);

    const SearchResults source = d.search(QStringLiteral("cluster source:M7"));
    REQUIRE(source.total > 0);
    for (const SearchHit& h : source.hits) {
        CHECK(h.sourceTitle == QStringLiteral("M7"));
        if (!h.interviewer) CHECK(h.mediaTimeMs.has_value());
    }
    const SearchResults manuscript = d.search(QStringLiteral("cluster kind:manuscript"));
    REQUIRE(manuscript.total > 0);
    for (const SearchHit& h : manuscript.hits) CHECK(h.sourceKind == QStringLiteral("manuscript"));
}

TEST_CASE("Code filters include subcodes and follow coding and its removal at once", "[search][codes]") {
    DemoIndex& d = demo();
    const qint64 child = d.search(QStringLiteral("code:\"Lobbying and special interests\"")).total;
    const qint64 parent = d.search(QStringLiteral("code:\"Political influence\"")).total;
    CHECK(child > 0);
    CHECK(parent >= child);
    CHECK(d.search(QStringLiteral("code:\"Political influence\" coder:bosei")).total > 0);
    CHECK(d.search(QStringLiteral("code:\"Political influence\" -code:\"Lobbying and special interests\"")).total < parent);

    // A passage about Marconi that is not yet coded as evaluation...
    const qint64 passages = *d.index->passageCount();
    const qint64 marconi = d.search(QStringLiteral("Marconi")).total;
    auto evaluation = CodebookRepository(*d.project).resolve(QStringLiteral("Evaluation/Policy learning"));
    REQUIRE(evaluation.ok());
    const SearchResults before = d.search(QStringLiteral("Marconi -code:\"Policy learning\""));
    REQUIRE(before.total > 0);
    const SearchHit target = before.hits.front();
    const qint64 coded = d.search(QStringLiteral("code:\"Policy learning\"")).total;
    // ...is found by the code filter right after coding it, and not after the coding is removed.
    REQUIRE(CodingRepository(*d.project).applyRange(target.sourceId, target.matches.front().first,
                                                    target.matches.front().second, evaluation->id).ok());
    CHECK(d.search(QStringLiteral("code:\"Policy learning\"")).total == coded + 1);
    CHECK(d.search(QStringLiteral("Marconi -code:\"Policy learning\"")).total == before.total - 1);
    // The re-indexed source's passages replace its old ones: nothing is found twice or lost.
    CHECK(*d.index->passageCount() == passages);
    const SearchResults again = d.search(QStringLiteral("Marconi"));
    CHECK(again.total == marconi);
    QSet<QString> ids;
    for (const SearchHit& h : again.hits) ids.insert(h.passageId);
    CHECK(ids.size() == qsizetype(again.hits.size()));
    REQUIRE(CodingRepository(*d.project).removeRange(target.sourceId, target.matches.front().first,
                                                     target.matches.front().second, evaluation->id).ok());
    CHECK(d.search(QStringLiteral("code:\"Policy learning\"")).total == coded);
}

TEST_CASE("Results give location, snippet, KWIC, facets, paging and order", "[search][results]") {
    DemoIndex& d = demo();
    SearchOptions options;
    options.limit = 5;
    auto page1 = d.index->search(QStringLiteral("procurement"), options);
    options.offset = 5;
    auto page2 = d.index->search(QStringLiteral("procurement"), options);
    REQUIRE(page1.ok());
    REQUIRE(page2.ok());
    REQUIRE(page1->hits.size() == 5);
    CHECK(page2->hits.front().rank == 6);
    CHECK(page1->hits.front().passageId != page2->hits.front().passageId);
    CHECK(page1->total == page2->total);

    // Facets count every match, not just the page.
    int participantTotal = 0;
    for (const FacetCount& f : page1->byParticipant) participantTotal += f.count;
    CHECK(participantTotal <= page1->total);
    CHECK_FALSE(page1->byGroup.empty());
    CHECK(page1->byGroup.front().count >= page1->byGroup.back().count);

    // Offsets point into the source text, and KWIC lines sit on the match.
    const SearchHit& hit = page1->hits.front();
    auto source = SourceRepository(*d.project).get(hit.sourceId);
    REQUIRE(source.ok());
    REQUIRE(!hit.matches.empty());
    const QString matched = (*source)->text.mid(hit.matches.front().first, hit.matches.front().second - hit.matches.front().first);
    CHECK(matched.compare(QStringLiteral("procurement"), Qt::CaseInsensitive) == 0);
    REQUIRE_FALSE(page1->kwic.empty());
    CHECK(page1->kwic.front().match.compare(QStringLiteral("procurement"), Qt::CaseInsensitive) == 0);

    options.offset = 0;
    options.limit = 50;
    options.order = SearchOptions::Order::Document;
    auto ordered = d.index->search(QStringLiteral("Rover"), options);
    REQUIRE(ordered.ok());
    for (size_t i = 1; i < ordered->hits.size(); ++i) {
        const SearchHit& a = ordered->hits[i - 1];
        const SearchHit& b = ordered->hits[i];
        if (a.sourceId == b.sourceId) CHECK(a.start < b.start);
    }
}

TEST_CASE("Bad queries say what is wrong and where, unknown words get a suggestion", "[search][errors]") {
    DemoIndex& d = demo();
    auto unclosed = d.index->search(QStringLiteral("Rover \"national agenda"));
    REQUIRE_FALSE(unclosed.ok());
    CHECK(unclosed.errorMessage() == QStringLiteral("column 7: the quote opened here is never closed"));
    auto filter = d.index->search(QStringLiteral("Rover colour:red"));
    REQUIRE_FALSE(filter.ok());
    CHECK(filter.errorMessage().startsWith(QStringLiteral("column 7: unknown filter 'colour:'")));
    auto paren = d.index->search(QStringLiteral("(Rover OR Marconi"));
    REQUIRE_FALSE(paren.ok());
    CHECK(paren.errorMessage().contains(QStringLiteral("never closed")));
    auto dangling = d.index->search(QStringLiteral("Rover AND"));
    REQUIRE_FALSE(dangling.ok());
    CHECK(dangling.errorMessage().contains(QStringLiteral("AND needs something after it")));
    auto nobody = d.index->search(QStringLiteral("cluster participant:Z99"));
    REQUIRE_FALSE(nobody.ok());
    CHECK(nobody.errorMessage().contains(QStringLiteral("no participant 'Z99'")));

    const SearchResults typo = d.search(QStringLiteral("Marconni participant:R8"));
    CHECK(typo.total == 0);
    CHECK(typo.suggestion == QStringLiteral("marconi participant:R8"));
    SearchOptions quiet;
    quiet.spelling = false;
    auto unsuggested = d.index->search(QStringLiteral("Marconni participant:R8"), quiet);
    REQUIRE(unsuggested.ok());
    CHECK(unsuggested->suggestion.isEmpty());
    // Participant codes resolve however they are written.
    CHECK(d.search(QStringLiteral("cluster participant:p.c")).total == d.search(QStringLiteral("cluster participant:P.C.")).total);
}

TEST_CASE("Unranked searches answer 'does anything match?' without weights", "[search][results]") {
    DemoIndex& d = demo();
    const SearchResults ranked = d.search(QStringLiteral("procurement"));
    REQUIRE(ranked.total > 1);
    SearchOptions unranked;
    unranked.order = SearchOptions::Order::Unranked;
    unranked.limit = 1;
    auto first = d.index->search(QStringLiteral("procurement"), unranked);
    REQUIRE(first.ok());
    REQUIRE(first->hits.size() == 1);
    CHECK(first->hits.front().weight == 0.0);
    QSet<QString> rankedIds;
    for (const SearchHit& h : ranked.hits) rankedIds.insert(h.passageId);
    CHECK(rankedIds.contains(first->hits.front().passageId));
    auto none = d.index->search(QStringLiteral("procurement participant:A2"), unranked);
    REQUIRE(none.ok());
    CHECK(none->hits.size() == size_t(d.search(QStringLiteral("procurement participant:A2")).total > 0 ? 1 : 0));
}

TEST_CASE("Auto-coding codes every hit as one change", "[search][autocode]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("auto.warrant"));
    REQUIRE(DemoProjectBuilder::build(test::sourcePath(QStringLiteral("sample_corpus")), path).ok());
    auto project = Project::open(path);
    REQUIRE(project.ok());
    SearchIndex index(SearchIndex::locationFor(path));
    REQUIRE(index.open(**project).ok());
    index.attach(**project);
    auto code = CodebookRepository(**project).create(Code{0, 0, QStringLiteral("Marconi"), {}, {}, {}, {}, {}, 0});
    REQUIRE(code.ok());
    const int changesBefore = int(ChangeLogReader(**project).entries()->size());

    auto outcome = AutoCoder::codeHits(**project, index, QStringLiteral("Marconi"), *code, AutoCodeScope::Sentence);
    REQUIRE(outcome.ok());
    CHECK(outcome->hits > 3);
    CHECK(outcome->applied.added == outcome->hits);
    CHECK(int(ChangeLogReader(**project).entries()->size()) == changesBefore + 1);
    // Each coded range is a sentence that mentions Marconi.
    for (const auto& r : outcome->ranges) {
        auto source = SourceRepository(**project).get(r.sourceId);
        const QString sentence = (*source)->text.mid(r.start, r.end - r.start);
        CHECK(sentence.contains(QStringLiteral("Marconi")));
        CHECK(sentence.size() < 1200);
    }
    SearchOptions options;
    options.limit = 500;
    const qint64 coded = index.search(QStringLiteral("code:Marconi"), options)->total;
    CHECK(coded >= outcome->hits / 2);

    // Undoing it is one change too, and the index follows.
    auto undone = CodingRepository(**project).removeRanges(outcome->ranges, *code);
    REQUIRE(undone.ok());
    CHECK(*undone == outcome->applied.added);
    CHECK(int(ChangeLogReader(**project).entries()->size()) == changesBefore + 2);
    CHECK(index.search(QStringLiteral("code:Marconi"), options)->total == 0);
}

TEST_CASE("The index is a cache: rebuilt when deleted, damaged or stale", "[search][rebuild]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.warrant"));
    REQUIRE(DemoProjectBuilder::build(test::sourcePath(QStringLiteral("sample_corpus")), path).ok());
    auto project = Project::open(path);
    REQUIRE(project.ok());
    const QString location = SearchIndex::locationFor(path);
    bool rebuilt = false;
    {
        SearchIndex index(location);
        REQUIRE(index.open(**project, {}, &rebuilt).ok());
        CHECK(rebuilt);
        CHECK(*index.passageCount() > 1000);
    }
    SECTION("an up-to-date index is reused") {
        SearchIndex index(location);
        REQUIRE(index.open(**project, {}, &rebuilt).ok());
        CHECK_FALSE(rebuilt);
    }
    SECTION("a deleted index is rebuilt, with progress") {
        QDir(location).removeRecursively();
        SearchIndex index(location);
        int last = 0, calls = 0;
        REQUIRE(index.open(**project, [&](int done, int total) { last = done; ++calls; CHECK(done <= total); }, &rebuilt).ok());
        CHECK(rebuilt);
        CHECK(calls > 0);
        CHECK(last == *index.passageCount());
    }
    SECTION("a damaged index is rebuilt") {
        QDir shard(location + QStringLiteral("/shard0"));
        for (const QString& f : shard.entryList(QDir::Files)) {
            QFile file(shard.filePath(f));
            REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write("not a xapian table");
        }
        SearchIndex index(location);
        REQUIRE(index.open(**project, {}, &rebuilt).ok());
        CHECK(rebuilt);
        CHECK(index.search(QStringLiteral("Marconi"))->total > 0);
    }
    SECTION("changes made without the index make it stale, so it is rebuilt") {
        auto code = CodebookRepository(**project).ensurePath(QStringLiteral("New theme"));
        REQUIRE(code.ok());
        SearchIndex index(location);
        REQUIRE(index.open(**project, {}, &rebuilt).ok());
        CHECK(rebuilt);
    }
}

TEST_CASE("Long turns are split into passages of about 300 words", "[search][passages]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("long.warrant"));
    QString body;
    for (int paragraph = 0; paragraph < 6; ++paragraph) {
        for (int sentence = 0; sentence < 20; ++sentence)
            body += QStringLiteral("Sentence %1 of paragraph %2 talks about regional clusters. ").arg(sentence).arg(paragraph);
        body += QStringLiteral("\n\n");
    }
    auto project = projectWithOneTurn(path, QStringLiteral("R99"), body);
    SearchIndex index(SearchIndex::locationFor(path));
    REQUIRE(index.open(*project).ok());
    // 6 paragraphs × 160 words ≈ 960 words → about three passages, all in turn 1.
    CHECK(*index.passageCount() >= 3);
    CHECK(*index.passageCount() <= 4);
    SearchOptions options;
    options.limit = 10;
    auto hits = index.search(QStringLiteral("clusters"), options);
    REQUIRE(hits.ok());
    for (const SearchHit& h : hits->hits) {
        CHECK(h.turnNumber == 1);
        CHECK(h.end - h.start < 2400);
    }
}

TEST_CASE("An index built in many parts answers exactly like one built in a single part", "[search][rebuild]") {
    DemoIndex& d = demo();
    const QStringList queries = {QStringLiteral("policies"), QStringLiteral("\"world of politics\""),
                                 QStringLiteral("NHS AND procurement"), QStringLiteral("cluster participant:R8"),
                                 QStringLiteral("code:\"political influence\""), QStringLiteral("polic*")};
    QTemporaryDir dir;
    const auto build = [&](const char* partSize, const QString& name) {
        qputenv("WARRANT_INDEX_PART_SIZE", partSize);
        auto index = std::make_unique<SearchIndex>(dir.filePath(name));
        const Status built = index->rebuild(*d.project);
        qunsetenv("WARRANT_INDEX_PART_SIZE");
        REQUIRE(built.ok());
        return index;
    };
    auto whole = build("1000000", QStringLiteral("whole"));
    auto parts = build("5", QStringLiteral("parts"));
    CHECK(*parts->passageCount() == *whole->passageCount());
    CHECK(*parts->passageCount() > 5 * 48 * 2); // enough parts that runs get merged too
    // The part folders are merged away.
    CHECK(QDir(dir.filePath(QStringLiteral("parts"))).entryList({QStringLiteral("part*")}, QDir::Dirs).isEmpty());
    for (const QString& q : queries) {
        SearchOptions options;
        options.limit = 50;
        auto a = whole->search(q, options);
        auto b = parts->search(q, options);
        REQUIRE(a.ok());
        REQUIRE(b.ok());
        QStringList idsA, idsB;
        for (const SearchHit& h : a->hits) idsA << h.passageId;
        for (const SearchHit& h : b->hits) idsB << h.passageId;
        INFO(q.toStdString());
        CHECK(a->total > 0);
        CHECK(b->total == a->total);
        CHECK(idsB == idsA);
    }
}

TEST_CASE("A stemmed word matches only words with its stem", "[search][stems]") {
    DemoIndex& d = demo();
    // Every hit of a stemmed query marks a form of the word in its snippet: no passage is found
    // through a different word that happens to be spelled like the stem.
    for (const QString& q : {QStringLiteral("policies"), QStringLiteral("organisations"), QStringLiteral("funding"),
                             QStringLiteral("universities"), QStringLiteral("pragmatically")}) {
        const SearchResults r = d.search(q, 200);
        INFO(q.toStdString());
        CHECK(r.total > 0);
        for (const SearchHit& h : r.hits) CHECK(h.snippet.contains(u'«'));
    }
    // The stemmer is not idempotent: "stushsisteantments" stems to "stushsisteant", whose own
    // stem is "stushsist". A passage with only the shorter word must not match the longer one.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("stems.warrant"));
    auto project = projectWithOneTurn(path, QStringLiteral("R98"),
                                      QStringLiteral("A stushsisteant view. We were hoping for more, dying to see it."));
    SearchIndex index(SearchIndex::locationFor(path));
    REQUIRE(index.open(*project).ok());
    CHECK(index.search(QStringLiteral("stushsisteant"))->total == 1);
    CHECK(index.search(QStringLiteral("stushsisteantments"))->total == 0);
    // Stemming may add a letter ("hoping" → "hope") or change one ("dying" → "die").
    for (const QString& q : {QStringLiteral("hope"), QStringLiteral("hoping"), QStringLiteral("die"), QStringLiteral("dying")}) {
        INFO(q.toStdString());
        auto r = index.search(q);
        REQUIRE(r.ok());
        REQUIRE(r->total == 1);
        CHECK(r->hits.front().snippet.contains(u'«'));
    }
}
