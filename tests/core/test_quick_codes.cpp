// The number keys' codes are project data: defaults from the codebook, pins stored in the file.

#include <catch2/catch.hpp>

#include "TestPaths.h"
#include "ops/DemoProjectBuilder.h"
#include "store/CodebookRepository.h"
#include "store/Project.h"
#include "store/QuickCodeRepository.h"

#include <QFile>
#include <QTemporaryDir>

using namespace warrant;

namespace {

struct Demo {
    QTemporaryDir dir;
    QString path;
    std::unique_ptr<Project> project;
    Demo() {
        path = dir.filePath(QStringLiteral("demo.warrant"));
        REQUIRE(DemoProjectBuilder::build(test::sourcePath(QStringLiteral("sample_corpus")), path).ok());
        auto opened = Project::open(path);
        REQUIRE(opened.ok());
        project = std::move(*opened);
    }
    qint64 code(const char* path) {
        auto c = CodebookRepository(*project).resolve(QString::fromUtf8(path));
        REQUIRE(c.ok());
        return c->id;
    }
    std::vector<qint64> onKeys(Project& p) {
        auto keys = QuickCodeRepository(p).keys();
        REQUIRE(keys.ok());
        std::vector<qint64> ids;
        for (const auto& k : *keys) ids.push_back(k.codeId);
        return ids;
    }
};

} // namespace

TEST_CASE("Quick codes default to the codebook's leaves in tree order", "[quick-codes]") {
    Demo d;
    const std::vector<qint64> keys = d.onKeys(*d.project);
    REQUIRE(keys.size() == 9);
    CHECK(keys[0] == d.code("Political influence/National agenda and fashion"));
    CHECK(keys[3] == d.code("Pragmatic approach/Pressure to act"));
    for (qint64 id : keys) CHECK(id != d.code("Political influence")); // a parent groups, it is not applied
}

TEST_CASE("Pinning one code leaves the other keys their defaults", "[quick-codes]") {
    Demo d;
    const std::vector<qint64> defaults = d.onKeys(*d.project);
    const qint64 funding = d.code("Funding");
    REQUIRE(std::find(defaults.begin(), defaults.end(), funding) == defaults.end());
    auto key = QuickCodeRepository(*d.project).pin(funding);
    REQUIRE(key.ok());
    CHECK(*key == 1);
    const std::vector<qint64> after = d.onKeys(*d.project);
    CHECK(after[0] == funding);
    for (size_t k = 1; k < 9; ++k) CHECK(after[k] == defaults[k]); // keys 2–9 still work
    // Pinning a code that is already a default keeps it on its own key.
    auto own = QuickCodeRepository(*d.project).pin(defaults[4]);
    REQUIRE(own.ok());
    CHECK(*own == 5);
    CHECK_FALSE(QuickCodeRepository(*d.project).pin(funding).ok()); // already pinned
}

TEST_CASE("Pins live in the project file and travel with it", "[quick-codes]") {
    Demo d;
    const qint64 linkages = d.code("Linkages");
    REQUIRE(QuickCodeRepository(*d.project).pinTo(3, linkages).ok());
    d.project.reset();
    // Moved to another folder (another machine, another user): the pin is still there.
    QTemporaryDir elsewhere;
    const QString moved = elsewhere.filePath(QStringLiteral("moved.warrant"));
    REQUIRE(QFile::copy(d.path, moved));
    auto reopened = Project::open(moved, Project::Mode::ReadOnly);
    REQUIRE(reopened.ok());
    CHECK(d.onKeys(**reopened)[2] == linkages);
}

TEST_CASE("Unpinning frees the key and a deleted code leaves its key", "[quick-codes]") {
    Demo d;
    const qint64 funding = d.code("Funding");
    const std::vector<qint64> defaults = d.onKeys(*d.project);
    REQUIRE(QuickCodeRepository(*d.project).pinTo(2, funding).ok());
    auto freed = QuickCodeRepository(*d.project).unpin(funding);
    REQUIRE(freed.ok());
    CHECK(*freed == 2);
    CHECK(d.onKeys(*d.project) == defaults);
    auto notPinned = QuickCodeRepository(*d.project).unpin(funding);
    REQUIRE(notPinned.ok());
    CHECK(*notPinned == 0);

    REQUIRE(QuickCodeRepository(*d.project).pinTo(7, funding).ok());
    REQUIRE(CodebookRepository(*d.project).remove(funding, true).ok());
    CHECK(d.onKeys(*d.project)[6] == defaults[6]);
    CHECK_FALSE(QuickCodeRepository(*d.project).pinTo(10, d.code("Linkages")).ok());
}

TEST_CASE("Nine pins fill every key and a tenth is refused", "[quick-codes]") {
    Demo d;
    auto codebook = CodebookRepository(*d.project).list();
    REQUIRE(codebook.ok());
    int pinned = 0;
    for (const Code& c : *codebook)
        if (QuickCodeRepository(*d.project).pin(c.id).ok()) ++pinned;
    CHECK(pinned == 9);
    auto keys = QuickCodeRepository(*d.project).keys();
    REQUIRE(keys.ok());
    for (const auto& k : *keys) CHECK(k.pinned);
}
