#include <catch2/catch.hpp>

#include "ImportController.h"
#include "TestPaths.h"
#include "Workbench.h"
#include "store/Project.h"
#include "store/SourceRepository.h"

#include <QTemporaryDir>
#include <QUndoStack>

using namespace warrant;

TEST_CASE("Importing files from the workbench is one undoable step", "[import-gui]") {
    QTemporaryDir dir;
    Workbench workbench;
    REQUIRE(workbench.create(dir.filePath(QStringLiteral("new.warrant"))).ok());
    workbench.waitForIndex();
    ImportController importer(workbench, nullptr);
    const QString transcripts = test::sourcePath(QStringLiteral("sample_corpus/transcripts"));
    const QStringList files = {transcripts + QStringLiteral("/A2.txt"), transcripts + QStringLiteral("/I3.docx")};

    auto done = importer.importFiles(files, SourceKind::Transcript);
    REQUIRE(done.ok());
    CHECK(done->startsWith(QStringLiteral("Imported 2 files.")));
    const auto count = [&] { return SourceRepository(*workbench.project()).list()->size(); };
    CHECK(count() == 2);
    CHECK(workbench.undoStack()->undoText() == QStringLiteral("Import 2 Files"));

    // The same files again are reported as already there and change nothing.
    auto again = importer.importFiles(files, SourceKind::Transcript);
    REQUIRE(again.ok());
    CHECK(again->contains(QStringLiteral("Skipped 2")));
    CHECK(workbench.undoStack()->count() == 1);

    workbench.undoStack()->undo();
    CHECK(count() == 0);
    workbench.undoStack()->redo();
    CHECK(count() == 2);
    workbench.waitForIndex();
    REQUIRE(workbench.searchIndex() != nullptr);

    // A file that cannot be read imports nothing and says which file.
    QFile bad(dir.filePath(QStringLiteral("broken.docx")));
    REQUIRE(bad.open(QIODevice::WriteOnly));
    bad.write("not a zip archive");
    bad.close();
    auto refused = importer.importFiles({bad.fileName()}, SourceKind::Transcript);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.errorMessage().contains(QStringLiteral("broken.docx")));
    CHECK(count() == 2);
    CHECK(workbench.undoStack()->count() == 1);
}
