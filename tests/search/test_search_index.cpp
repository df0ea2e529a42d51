#include <catch2/catch.hpp>

#include "SearchIndex.h"
#include "import/ImportedDocument.h"
#include "store/Project.h"
#include "store/SourceRepository.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace warrant;

namespace {

ImportedDocument transcript(const QString& code, const QStringList& answers) {
    ImportedDocument doc;
    doc.title = code;
    doc.format = QStringLiteral("txt");
    doc.participantCode = code;
    for (const QString& answer : answers) {
        doc.text += QStringLiteral("INT: Tell me more.\n\n");
        doc.turns.push_back({doc.text.size() - 19 + 5, doc.text.size() - 2, QStringLiteral("INT"), true, std::nullopt});
        const qsizetype start = doc.text.size() + code.size() + 2;
        doc.text += QStringLiteral("%1: %2\n\n").arg(code, answer);
        doc.turns.push_back({start, start + answer.size(), code, false, std::nullopt});
    }
    return doc;
}

void addSource(Project& project, const ImportedDocument& doc) {
    REQUIRE(project.mutate(QStringLiteral("source.import"), doc.title, [&]() -> Status {
        auto id = SourceRepository(project).add(doc, SourceKind::Transcript, doc.title + QStringLiteral(".txt"), doc.title);
        return id ? Status() : Status(id.error());
    }).ok());
}

} // namespace

TEST_CASE("The index finds stemmed words and filters by participant", "[search]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.warrant"));
    auto project = Project::create(path);
    REQUIRE(project.ok());
    addSource(**project, transcript(QStringLiteral("R8"), {QStringLiteral("Marconi lobbied for ICT clusters."),
                                                          QStringLiteral("Farmers pressed after Foot and Mouth.")}));
    addSource(**project, transcript(QStringLiteral("M2"), {QStringLiteral("The NHS dominated procurement and the cluster.")}));

    SearchIndex index(SearchIndex::locationFor(path));
    bool rebuilt = false;
    REQUIRE(index.open(**project, {}, &rebuilt).ok());
    CHECK(rebuilt);
    CHECK(*index.passageCount() == 6);

    auto clusters = index.search(QStringLiteral("cluster"));
    REQUIRE(clusters.ok());
    REQUIRE(clusters->hits.size() == 2); // "clusters" and "cluster" share a stem
    auto r8 = index.search(QStringLiteral("cluster participant:R8"));
    REQUIRE(r8.ok());
    REQUIRE(r8->hits.size() == 1);
    const SearchHit& hit = r8->hits.front();
    CHECK(hit.participantCode == QStringLiteral("R8"));
    CHECK(hit.turnNumber == 2);
    CHECK(hit.sourceTitle == QStringLiteral("R8"));
    CHECK(hit.snippet.contains(QStringLiteral("[[clusters]]")));

    SECTION("a deleted index is rebuilt from the project") {
        SearchIndex fresh(SearchIndex::locationFor(path));
        QDir(SearchIndex::locationFor(path)).removeRecursively();
        bool again = false;
        REQUIRE(fresh.open(**project, {}, &again).ok());
        CHECK(again);
        CHECK(fresh.search(QStringLiteral("procurement"))->hits.size() == 1);
    }
    SECTION("an existing index of the current format is reused") {
        SearchIndex reopened(SearchIndex::locationFor(path));
        bool again = true;
        REQUIRE(reopened.open(**project, {}, &again).ok());
        CHECK_FALSE(again);
    }
    SECTION("a malformed query is an error value, not an exception") {
        auto bad = index.search(QStringLiteral("\"unclosed AND ("));
        // Xapian's parser is lenient; whatever it decides, no exception escapes.
        CHECK((bad.ok() || !bad.errorMessage().isEmpty()));
    }
}
