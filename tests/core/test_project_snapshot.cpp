#include <catch2/catch.hpp>

#include "SampleProjects.h"
#include "store/ChangeLogReader.h"
#include "store/CodebookRepository.h"
#include "store/CodingRepository.h"
#include "store/Project.h"
#include "store/ProjectSnapshot.h"

#include <QTemporaryDir>

using namespace warrant;

TEST_CASE("A snapshot restores a merged code with its id and codings as one new change", "[snapshot]") {
    QTemporaryDir dir;
    const std::unique_ptr<Project> opened = test::freshSampleProject(dir.filePath(QStringLiteral("demo.warrant")));
    Project& project = *opened;
    CodebookRepository codebook(project);
    CodingRepository codings(project);

    auto codes = codebook.list();
    REQUIRE(codes.ok());
    REQUIRE(codes->size() >= 2);
    const Code from = codes->back();
    const Code into = codes->front();
    auto before = codings.segments({});
    REQUIRE(before.ok());
    const size_t codesBefore = codes->size();

    auto snapshot = ProjectSnapshot::take(project, dir.filePath(QStringLiteral("before-merge.sqlite")));
    REQUIRE(snapshot.ok());
    CHECK_FALSE(ProjectSnapshot::take(project, snapshot->file()).ok()); // never overwrites

    REQUIRE(codebook.merge(from.id, into.id).ok());
    REQUIRE_FALSE(codebook.get(from.id)->has_value());

    ChangeNotice heard;
    project.addListener([&](const ChangeNotice& n) { heard = n; });
    ChangeNotice notice;
    notice.codebookChanged = true;
    REQUIRE(snapshot->restore(project, QStringLiteral("code.merge.undo"), from.name, notice).ok());

    CHECK(heard.codebookChanged);
    auto restored = codebook.get(from.id);
    REQUIRE(restored.ok());
    REQUIRE(restored->has_value());
    CHECK((*restored)->name == from.name);
    CHECK(codebook.list()->size() == codesBefore);
    auto after = codings.segments({});
    REQUIRE(after.ok());
    CHECK(after->size() == before->size());
    auto log = ChangeLogReader(project).entries(1);
    REQUIRE(log.ok());
    REQUIRE(log->size() == 1);
    CHECK(log->front().action == QStringLiteral("code.merge.undo"));
}
