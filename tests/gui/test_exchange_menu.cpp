#include <catch2/catch.hpp>

#include "MainWindow.h"
#include "SampleWindow.h"
#include "Workbench.h"
#include "ops/ProjectSummary.h"
#include "store/Project.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

#include <functional>
#include <memory>

using namespace warrant;
using warrant::test::SampleWindow;

namespace {

// Answers the next modal dialog of type T as soon as it is shown: the event loop of the dialog itself
// runs the check, so nothing waits on a clock.
template <typename T>
void whenShown(std::function<void(T*)> answer) {
    auto poll = std::make_shared<std::function<void()>>();
    *poll = [answer, poll] {
        if (auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget())) {
            answer(dialog);
            return;
        }
        QTimer::singleShot(0, *poll);
    };
    QTimer::singleShot(0, *poll);
}

void chooseFile(QFileDialog* dialog, const QString& path) {
    dialog->selectFile(path);
    QMetaObject::invokeMethod(dialog, "accept"); // as the dialog's own button does
}

QAction* action(MainWindow& window, const char* name) {
    auto* found = window.findChild<QAction*>(QString::fromLatin1(name));
    REQUIRE(found);
    return found;
}

} // namespace

TEST_CASE("File menu exports a REFI-QDA project and imports it as a new project", "[gui][qdpx]") {
    SampleWindow sample;
    MainWindow& window = sample.window;
    const auto before = *ProjectSummary::of(sample.project());
    const QString qdpx = sample.dir.filePath(QStringLiteral("exported.qdpx"));

    whenShown<QFileDialog>([&](QFileDialog* d) { chooseFile(d, qdpx); });
    action(window, "exportQdpxAction")->trigger();
    REQUIRE(QFileInfo(qdpx).size() > 0);
    CHECK(window.statusBar()->currentMessage().startsWith(QStringLiteral("Exported exported.qdpx")));

    const QString copy = sample.dir.filePath(QStringLiteral("imported.warrant"));
    QString reportShown;
    whenShown<QFileDialog>([&](QFileDialog* open) {
        whenShown<QFileDialog>([&](QFileDialog* save) {
            whenShown<QMessageBox>([&](QMessageBox* box) {
                reportShown = box->text();
                box->accept();
            });
            chooseFile(save, copy);
        });
        chooseFile(open, qdpx);
    });
    action(window, "importQdpxAction")->trigger();

    CHECK(reportShown.contains(QStringLiteral("Imported exported.qdpx")));
    REQUIRE(window.workbench().project());
    CHECK(window.workbench().project()->path() == copy); // the new project is open
    CHECK(window.windowTitle().startsWith(QStringLiteral("imported.warrant")));
    const auto after = *ProjectSummary::of(*window.workbench().project());
    CHECK(after.codes == before.codes);
    CHECK(after.codings == before.codings);
    CHECK(after.participants == before.participants);
    CHECK(after.turns == before.turns);

    SECTION("a file that is not a project is refused with a message and opens nothing") {
        const QString bad = sample.dir.filePath(QStringLiteral("bad.qdpx"));
        { QFile f(bad); REQUIRE(f.open(QIODevice::WriteOnly)); f.write("not a zip"); }
        const QString never = sample.dir.filePath(QStringLiteral("never.warrant"));
        QString warning;
        whenShown<QMessageBox>([&](QMessageBox* box) {
            warning = box->text();
            box->accept();
        });
        CHECK_FALSE(window.importQdpxInto(bad, never).ok());
        CHECK(warning.contains(QStringLiteral("bad.qdpx")));
        CHECK_FALSE(QFileInfo::exists(never));
        CHECK(window.workbench().project()->path() == copy);
    }
}
