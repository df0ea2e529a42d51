#include <catch2/catch.hpp>

#include "MainWindow.h"
#include "TestPaths.h"
#include "ops/DemoProjectBuilder.h"

#include <QListWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace warrant;

TEST_CASE("The main window opens the sample project and shows a transcript", "[gui]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.warrant"));
    REQUIRE(DemoProjectBuilder::build(test::sourcePath(QStringLiteral("sample_corpus")), path).ok());

    MainWindow window;
    REQUIRE(window.openProject(path).ok());
    window.show();
    CHECK(window.windowTitle().startsWith(QStringLiteral("demo")));
    REQUIRE(window.sourceList()->count() > 0);
    CHECK(window.codebookTree()->topLevelItemCount() > 0);

    // Selecting a transcript shows its speaker turns.
    for (int i = 0; i < window.sourceList()->count(); ++i) {
        if (window.sourceList()->item(i)->text().startsWith(QStringLiteral("R8 "))) {
            window.sourceList()->setCurrentRow(i);
            break;
        }
    }
    const QString shown = window.documentView()->toPlainText();
    CHECK(shown.contains(QStringLiteral("Participant")));
    CHECK(shown.contains(QStringLiteral("INT")));
    CHECK(shown.contains(QStringLiteral("R8")));
}
