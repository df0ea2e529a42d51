#include <catch2/catch.hpp>

#include "ClaimListModel.h"
#include "CodingActions.h"
#include "CodePickerDialog.h"
#include "CodeDefinitionEditor.h"
#include "CodebookPanel.h"
#include "DocumentView.h"
#include "EvidencePanel.h"
#include "ImportController.h"
#include "MainWindow.h"
#include "RetrievalPanel.h"
#include "SearchPanel.h"
#include "SourcesPanel.h"
#include "TestPaths.h"
#include "RemoveCodingCommand.h"
#include "SampleWindow.h"
#include "TextRangeMime.h"
#include "Workbench.h"
#include "ops/DemoProjectBuilder.h"
#include "store/ChangeLogReader.h"
#include "store/ClaimRepository.h"
#include "store/CodebookRepository.h"
#include "store/CodingRepository.h"
#include "store/Project.h"
#include "store/QuickCodeRepository.h"
#include "store/SourceRepository.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QInputDialog>
#include <QLabel>
#include <QMimeData>
#include <QStatusBar>
#include <QToolButton>
#include <QToolBar>
#include <QTreeView>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace warrant;
using warrant::test::SampleWindow;

TEST_CASE("The main window codes a selection by keyboard and undoes and redoes it", "[gui]") {
    SampleWindow sample;
    MainWindow& window = sample.window;
    CHECK(window.windowTitle().startsWith(QStringLiteral("demo.warrant")));
    CHECK(window.documentView()->sourceId() > 0); // opens on a page, not an empty view
    CHECK(window.sourcesPanel()->currentSourceId() == window.documentView()->sourceId());

    const qint64 source = sample.sourceTitled(QStringLiteral("R8"));
    window.showSource(source);
    DocumentView* view = window.documentView();
    REQUIRE(view->sourceId() == source);
    auto turns = SourceRepository(sample.project()).turns(source);
    const Turn turn = [&] {
        for (const Turn& t : *turns)
            if (!t.isInterviewer && t.end - t.start > 60) return t;
        return Turn{};
    }();
    REQUIRE(turn.number > 0);
    view->selectRange(turn.start + 10, turn.start + 50);
    REQUIRE(view->selectedRange().has_value());
    const TextLocation selected = *view->selectedRange();

    auto onKey1 = QuickCodeRepository(sample.project()).codeOn(1);
    REQUIRE(onKey1.ok());
    REQUIRE(*onKey1 > 0);
    const qint64 code = *onKey1;
    const int before = sample.codingsOnDisk(code);

    view->setFocus();
    QTest::keyClick(view, Qt::Key_1);
    CHECK(sample.codingsOnDisk(code) == before + 1);
    QUndoStack* undo = window.workbench().undoStack();
    auto* undoAction = window.findChild<QAction*>(QStringLiteral("undoAction"));
    REQUIRE(undoAction);
    CHECK(undoAction->text().startsWith(QStringLiteral("&Undo Apply Code '")));

    undoAction->trigger();
    CHECK(sample.codingsOnDisk(code) == before);
    undo->redo();
    CHECK(sample.codingsOnDisk(code) == before + 1);

    SegmentFilter onSource;
    onSource.sourceId = source;
    onSource.codeIds = {code};
    bool found = false;
    const auto coded = CodingRepository(sample.project()).segments(onSource);
    for (const CodedSegment& s : *coded)
        found = found || (s.start == selected.start && s.end == selected.end);
    CHECK(found);
}

TEST_CASE("A search hit activated in the main window shows its passage", "[gui]") {
    SampleWindow sample;
    MainWindow& window = sample.window;
    SearchPanel* search = window.searchPanel();
    search->queryEdit()->setText(QStringLiteral("\"supply chain\""));
    QTest::keyClick(search->queryEdit(), Qt::Key_Return);
    const auto hits = search->matchRanges();
    REQUIRE_FALSE(hits.empty());

    window.navigateTo(hits.front());
    DocumentView* view = window.documentView();
    CHECK(view->sourceId() == hits.front().sourceId);
    REQUIRE(view->selectedRange().has_value());
    CHECK(view->selectedRange()->start == hits.front().start);
    // Scrolled to it: the selection's cursor is inside the viewport.
    const QRect cursor = view->cursorRect();
    CHECK(view->viewport()->rect().intersects(cursor));
}

TEST_CASE("A segment dropped on a claim in the main window is linked as evidence and can be undone", "[gui]") {
    SampleWindow sample;
    MainWindow& window = sample.window;
    auto sources = *SourceRepository(sample.project()).list();
    qint64 manuscript = 0;
    for (const Source& s : sources)
        if (s.kind == SourceKind::Manuscript) manuscript = s.id;
    REQUIRE(manuscript > 0);
    REQUIRE(window.auditManuscript(manuscript).ok());
    ClaimListModel* claims = window.evidencePanel()->claimModel();
    REQUIRE(claims->rowCount() > 0);
    const qint64 claim = claims->data(claims->index(0, 0), ClaimListModel::ClaimIdRole).toLongLong();
    REQUIRE(claim > 0);
    const size_t linksBefore = ClaimRepository(sample.project()).links(claim)->size();

    // The range as the document view drags it out, dropped on the claim's row.
    const qint64 source = sample.sourceTitled(QStringLiteral("R8"));
    QMimeData mime;
    TextRangeMime::write(mime, TextLocation{source, 0, 20});
    REQUIRE(claims->dropMimeData(&mime, Qt::CopyAction, -1, -1, claims->index(0, 0)));
    CHECK(ClaimRepository(sample.project()).links(claim)->size() == linksBefore + 1);
    CHECK(window.workbench().undoStack()->undoText() == QStringLiteral("Link Evidence to Claim"));
    window.workbench().undoStack()->undo();
    CHECK(ClaimRepository(sample.project()).links(claim)->size() == linksBefore);
}

namespace {

// Types into the code picker as soon as it opens, then presses Enter (with Shift: a new code).
void answerPicker(const QString& typed, Qt::KeyboardModifiers modifiers) {
    QTimer::singleShot(0, [typed, modifiers] {
        auto* picker = qobject_cast<CodePickerDialog*>(QApplication::activeModalWidget());
        REQUIRE(picker);
        QTest::keyClicks(picker->lineEdit(), typed);
        QTest::keyClick(picker->lineEdit(), Qt::Key_Return, modifiers);
    });
}

} // namespace

TEST_CASE("Ctrl+K codes the selection with a code picked by typing or with a new one", "[gui]") {
    SampleWindow sample;
    MainWindow& window = sample.window;
    const qint64 source = sample.sourceTitled(QStringLiteral("A2"));
    window.showSource(source);
    DocumentView* view = window.documentView();
    auto turns = SourceRepository(sample.project()).turns(source);
    const Turn turn = turns->back();
    view->selectRange(turn.start, std::min(turn.end, turn.start + 30));
    view->setFocus();

    auto funding = CodebookRepository(sample.project()).resolve(QStringLiteral("Funding"));
    REQUIRE(funding.ok());
    const int before = sample.codingsOnDisk(funding->id);
    answerPicker(QStringLiteral("Funding"), Qt::NoModifier);
    QTest::keyClick(view, Qt::Key_K, Qt::ControlModifier);
    CHECK(sample.codingsOnDisk(funding->id) == before + 1);

    REQUIRE(view->selectedRange().has_value()); // coding keeps the selection
    window.activateWindow(); // the closed picker took the focus with it
    REQUIRE(QTest::qWaitForWindowActive(&window));
    view->setFocus();
    answerPicker(QStringLiteral("Supplier voices"), Qt::ShiftModifier);
    QTest::keyClick(view, Qt::Key_K, Qt::ControlModifier);
    auto created = CodebookRepository(sample.project()).resolve(QStringLiteral("Supplier voices"));
    REQUIRE(created.ok());
    CHECK(sample.codingsOnDisk(created->id) == 1);
    CHECK(window.workbench().undoStack()->undoText() == QStringLiteral("Apply New Code 'Supplier voices'"));
    // One step: undo removes the coding and the code.
    window.workbench().undoStack()->undo();
    CHECK_FALSE(CodebookRepository(sample.project()).resolve(QStringLiteral("Supplier voices")).ok());
}

namespace {

const Turn& turnOf(const std::vector<Turn>& turns, int number) {
    for (const Turn& t : turns)
        if (t.number == number) return t;
    FAIL("no turn " << number);
    return turns.front();
}

QPoint pointAt(DocumentView* view, qsizetype position) {
    QTextCursor cursor(view->document());
    cursor.setPosition(int(position));
    return view->cursorRect(cursor).center();
}

} // namespace

TEST_CASE("A coding edit never moves the document view, even after a claim was shown", "[gui][coding]") {
    SampleWindow sample;
    MainWindow& window = sample.window;
    qint64 manuscript = 0;
    const auto sources = SourceRepository(sample.project()).list();
    for (const Source& s : *sources)
        if (s.kind == SourceKind::Manuscript) manuscript = s.id;
    REQUIRE(window.auditManuscript(manuscript).ok());
    // A claim chosen in the evidence list shows the manuscript.
    ClaimListModel* claims = window.evidencePanel()->claimModel();
    REQUIRE(claims->rowCount() > 0);
    window.evidencePanel()->selectClaim(claims->data(claims->index(0, 0), ClaimListModel::ClaimIdRole).toLongLong());
    DocumentView* view = window.documentView();
    REQUIRE(view->sourceId() == manuscript);

    // Then, as from a search hit, R8 and a few words of turn 4.
    const qint64 r8 = sample.sourceTitled(QStringLiteral("R8"));
    const Turn turn = turnOf(*SourceRepository(sample.project()).turns(r8), 4);
    window.navigateTo({r8, turn.start + 8, turn.start + 30});
    auto* back = window.findChild<QAction*>(QStringLiteral("backAction"));
    REQUIRE(back);
    const bool backBefore = back->isEnabled();
    const TextLocation selected = *view->selectedRange();

    const auto stays = [&](const char* what) {
        INFO(what);
        CHECK(view->sourceId() == r8);
        REQUIRE(view->selectedRange().has_value());
        CHECK(view->selectedRange()->start == selected.start);
        CHECK(back->isEnabled() == backBefore);
    };
    view->setFocus();
    QTest::keyClick(view, Qt::Key_1);
    stays("quick code 1");
    window.workbench().undoStack()->undo();
    stays("undo");
    window.findChild<QAction*>(QStringLiteral("inVivoAction"))->trigger();
    stays("in-vivo code");
    SegmentFilter onR8;
    onR8.sourceId = r8;
    const auto coded = CodingRepository(sample.project()).segments(onR8);
    REQUIRE_FALSE(coded->empty());
    view->selectRange(selected.start, selected.end);
    REQUIRE(window.workbench().push(new RemoveCodingCommand(window.workbench(), coded->back())));
    stays("remove coding");
}

TEST_CASE("A triple-clicked turn is coded without its speaker label and keeps its turn number", "[gui][coding]") {
    SampleWindow sample;
    MainWindow& window = sample.window;
    const qint64 r8 = sample.sourceTitled(QStringLiteral("R8"));
    window.showSource(r8);
    DocumentView* view = window.documentView();
    const Turn turn = turnOf(*SourceRepository(sample.project()).turns(r8), 4);
    view->selectRange(turn.start, turn.start); // scrolled into view
    const QPoint inside = pointAt(view, turn.start + 12);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, inside);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, inside);
    REQUIRE(view->selectedRange().has_value());
    REQUIRE(view->selectedRange()->start < turn.start); // the line, label and all

    auto onKey1 = QuickCodeRepository(sample.project()).codeOn(1);
    REQUIRE(onKey1.ok());
    view->setFocus();
    QTest::keyClick(view, Qt::Key_1);
    SegmentFilter filter;
    filter.sourceId = r8;
    filter.codeIds = {*onKey1};
    const auto coded = CodingRepository(sample.project()).segments(filter);
    REQUIRE(coded.ok());
    bool found = false;
    for (const CodedSegment& s : *coded) {
        if (s.turnNumber != 4) continue;
        found = true;
        CHECK(s.start == turn.start);
        CHECK_FALSE(s.text.startsWith(QStringLiteral("R8")));
        CHECK(s.citation() == QStringLiteral("(R8, turn 4)"));
    }
    CHECK(found);
}

TEST_CASE("Pinning one quick code keeps keys 2 to 9, across a restart and in the project", "[gui][coding]") {
    SampleWindow sample;
    MainWindow& window = sample.window;
    auto before = QuickCodeRepository(sample.project()).keys();
    REQUIRE(before.ok());
    const qint64 funding = CodebookRepository(sample.project()).resolve(QStringLiteral("Funding"))->id;
    window.codebookPanel()->pinQuickCode(funding);
    CHECK(window.workbench().undoStack()->undoText() == QStringLiteral("Pin Quick Code 'Funding'"));
    CHECK(*QuickCodeRepository(sample.project()).codeOn(1) == funding);

    // Quit and reopen: the pin comes from the project file; key 2 still codes its default.
    window.workbench().close();
    REQUIRE(window.openProject(sample.path).ok());
    window.workbench().waitForIndex();
    CHECK(*QuickCodeRepository(sample.project()).codeOn(1) == funding);
    const qint64 onKey2 = (*before)[1].codeId;
    REQUIRE(onKey2 > 0);
    const qint64 r8 = sample.sourceTitled(QStringLiteral("R8"));
    const Turn turn = turnOf(*SourceRepository(sample.project()).turns(r8), 4);
    window.navigateTo({r8, turn.start + 8, turn.start + 30});
    const int codings = sample.codingsOnDisk(onKey2);
    window.documentView()->setFocus();
    QTest::keyClick(window.documentView(), Qt::Key_2);
    CHECK(sample.codingsOnDisk(onKey2) == codings + 1);

    // Undo takes the pin off again.
    window.codebookPanel()->unpinQuickCode(funding);
    CHECK(*QuickCodeRepository(sample.project()).codeOn(1) == (*before)[0].codeId);
    window.workbench().undoStack()->undo();
    CHECK(*QuickCodeRepository(sample.project()).codeOn(1) == funding);
}

TEST_CASE("The last stored audit is shown on open and an unchanged re-audit logs nothing", "[gui][evidence]") {
    SampleWindow sample;
    MainWindow& window = sample.window;
    qint64 manuscript = 0;
    const auto sources = SourceRepository(sample.project()).list();
    for (const Source& s : *sources)
        if (s.kind == SourceKind::Manuscript) manuscript = s.id;
    REQUIRE(window.auditManuscript(manuscript).ok());
    ClaimListModel* claims = window.evidencePanel()->claimModel();
    const int shown = claims->rowCount();
    REQUIRE(shown > 0);
    const int problems = claims->problemCount();

    // Quit and reopen: the evidence view shows the stored audit, and the view stays where it opens.
    window.workbench().close();
    REQUIRE(window.openProject(sample.path).ok());
    window.workbench().waitForIndex();
    const qint64 opened = window.documentView()->sourceId();
    CHECK(window.evidencePanel()->claimModel()->rowCount() == shown);
    CHECK(window.evidencePanel()->claimModel()->problemCount() == problems);
    CHECK(window.documentView()->sourceId() == opened);

    // Auditing again with nothing changed writes nothing and adds no undo step.
    const auto lastChange = [&] { return *ChangeLogReader(sample.project()).lastId(); };
    const qint64 before = lastChange();
    REQUIRE(window.auditManuscript(manuscript).ok());
    CHECK(lastChange() == before);
    CHECK(window.workbench().undoStack()->count() == 0);
    CHECK(window.evidencePanel()->claimModel()->rowCount() == shown);
}

TEST_CASE("Change-log entries of workbench edits read as sentences", "[gui][coding]") {
    SampleWindow sample;
    MainWindow& window = sample.window;
    const qint64 r8 = sample.sourceTitled(QStringLiteral("R8"));
    const Turn turn = turnOf(*SourceRepository(sample.project()).turns(r8), 4);
    window.navigateTo({r8, turn.start + 8, turn.start + 30});
    const qint64 code = *QuickCodeRepository(sample.project()).codeOn(1);
    const QString name = CodebookRepository(sample.project()).get(code)->value().name;
    window.documentView()->setFocus();
    QTest::keyClick(window.documentView(), Qt::Key_1);
    const auto newest = [&] { return ChangeLogReader(sample.project()).entries(1)->front(); };
    CHECK(newest().detail == QStringLiteral("coded R8 turn 4 with '%1'").arg(name));
    window.workbench().undoStack()->undo();
    CHECK(newest().detail == QStringLiteral("removed '%1' from R8 turn 4").arg(name));
    window.codebookPanel()->pinQuickCode(CodebookRepository(sample.project()).resolve(QStringLiteral("Funding"))->id);
    CHECK(newest().detail == QStringLiteral("put 'Funding' on quick-code key 1"));
    const auto entries = ChangeLogReader(sample.project()).entries(0);
    REQUIRE(entries.ok());
    for (const ChangeLogEntry& e : *entries) {
        INFO(e.detail.toStdString());
        CHECK_FALSE(e.detail.contains(QStringLiteral("Undo")));
        CHECK_FALSE(e.detail.contains(QStringLiteral("(s)")));
        CHECK_FALSE(e.detail.contains(QStringLiteral("(batch)")));
    }
}

TEST_CASE("Long edits end with a summary and the status bar names the coder", "[gui][feedback]") {
    SampleWindow sample;
    MainWindow& window = sample.window;
    const qint64 linkages = CodebookRepository(sample.project()).resolve(QStringLiteral("Linkages"))->id;
    REQUIRE(window.codingActions()->codeAllHits(QStringLiteral("Marconi"), 0, linkages));
    CHECK(window.statusBar()->currentMessage().startsWith(QStringLiteral("Coded ")));
    CHECK(window.statusBar()->currentMessage().contains(QStringLiteral("hits with 'Linkages'")));
    // The same again: nothing new, and it says so.
    CHECK_FALSE(window.codingActions()->codeAllHits(QStringLiteral("Marconi"), 0, linkages));
    CHECK(window.statusBar()->currentMessage().startsWith(QStringLiteral("Nothing new to code: all ")));

    window.retrievalPanel()->showCodes({linkages});
    REQUIRE(window.retrievalPanel()->exportTo(sample.dir.filePath(QStringLiteral("linkages.csv"))).ok());
    CHECK(window.statusBar()->currentMessage().startsWith(QStringLiteral("Exported ")));
    CHECK(window.statusBar()->currentMessage().endsWith(QStringLiteral("coded segments to linkages.csv.")));

    auto* coder = window.findChild<QToolButton*>(QStringLiteral("coderButton"));
    REQUIRE(coder);
    CHECK(coder->text().startsWith(QStringLiteral("Coder: ")));
    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        dialog->setTextValue(QStringLiteral("Ann Lewis"));
        dialog->accept();
    });
    coder->click();
    CHECK(coder->text() == QStringLiteral("Coder: Ann Lewis"));
    CHECK(sample.project().coderName() == QStringLiteral("Ann Lewis"));
    // Kept for the next project opened.
    window.workbench().close();
    REQUIRE(window.openProject(sample.path).ok());
    CHECK(sample.project().coderName() == QStringLiteral("Ann Lewis"));
}

TEST_CASE("The codebook shows a new code, keeps the tree when a filter is cleared and never edits an unchosen code", "[gui][codebook]") {
    SampleWindow sample;
    MainWindow& window = sample.window;
    CodebookPanel* panel = window.codebookPanel();
    QTreeView* tree = panel->view();

    // A new code is selected and scrolled into view.
    panel->createCode(0, QStringLiteral("Zz thin evidence base"));
    const qint64 created = CodebookRepository(sample.project()).resolve(QStringLiteral("Zz thin evidence base"))->id;
    CHECK(panel->currentCodeId() == created);
    CHECK(tree->viewport()->rect().intersects(tree->visualRect(tree->currentIndex())));

    // Collapse one branch, filter, clear: the tree is as it was.
    tree->collapseAll();
    const qint64 political = CodebookRepository(sample.project()).resolve(QStringLiteral("Political influence"))->id;
    panel->selectCode(political);
    tree->expand(tree->currentIndex());
    const auto expandedRows = [&] {
        int n = 0;
        for (int r = 0; r < tree->model()->rowCount(); ++r) n += tree->isExpanded(tree->model()->index(r, 0)) ? 1 : 0;
        return n;
    };
    REQUIRE(expandedRows() == 1);
    panel->setFilterText(QStringLiteral("fund"));
    panel->setFilterText(QString());
    CHECK(expandedRows() == 1);
    CHECK(panel->currentCodeId() == political);

    // With nothing chosen, typing a filter shows no code's editor.
    tree->selectionModel()->clearCurrentIndex();
    tree->selectionModel()->clearSelection();
    CHECK(panel->currentCodeId() == 0);
    panel->setFilterText(QStringLiteral("pressure"));
    CHECK(panel->currentCodeId() == 0);
    CHECK(panel->findChild<CodeDefinitionEditor*>()->codeId() == 0);
}

TEST_CASE("Toolbar buttons keep their place while the undo text changes, and an imported source opens", "[gui][polish]") {
    SampleWindow sample;
    MainWindow& window = sample.window;
    auto* bar = window.findChild<QToolBar*>(QStringLiteral("mainToolBar"));
    REQUIRE(bar);
    const auto geometries = [&] {
        std::vector<QRect> out;
        for (QAction* a : bar->actions())
            if (QWidget* w = bar->widgetForAction(a)) out.push_back(w->geometry());
        return out;
    };
    const auto before = geometries();
    const qint64 r8 = sample.sourceTitled(QStringLiteral("R8"));
    const Turn turn = turnOf(*SourceRepository(sample.project()).turns(r8), 4);
    window.navigateTo({r8, turn.start + 8, turn.start + 30});
    window.documentView()->setFocus();
    QTest::keyClick(window.documentView(), Qt::Key_1);
    REQUIRE(window.workbench().undoStack()->canUndo());
    CHECK(geometries() == before);
    auto* undoButton = window.findChild<QAction*>(QStringLiteral("undoActionButton"));
    REQUIRE(undoButton);
    CHECK(undoButton->text() == QStringLiteral("Undo"));
    CHECK(undoButton->toolTip().startsWith(QStringLiteral("Undo Apply Code '")));

    // A file imported through the window is shown at once.
    const QString file = sample.dir.filePath(QStringLiteral("Z1.txt"));
    QFile f(file);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("Participant: Z1\n\nINT: How did it start?\n\nZ1: With a phone call from the agency.\n");
    f.close();
    REQUIRE(window.importer()->importFiles({file}, SourceKind::Transcript).ok());
    CHECK(window.documentView()->sourceId() == sample.sourceTitled(QStringLiteral("Z1")));
}

TEST_CASE("The window fits small screens and its panels keep usable sizes", "[gui][layout]") {
    for (const QRect available : {QRect(0, 0, 1024, 700), QRect(0, 0, 1366, 768), QRect(0, 24, 1920, 1056)}) {
        const QRect first = MainWindow::initialGeometry(available);
        CHECK(available.contains(first));
        CHECK(first.height() <= 1000);
    }
    SampleWindow sample;
    MainWindow& window = sample.window;
    CHECK(window.minimumSizeHint().height() <= 700);
    CHECK(window.minimumSizeHint().width() <= 1024);
    window.resize(1024, 700);
    QApplication::processEvents();
    CHECK(window.height() <= 700);
    const QWidget* document = window.findChild<QWidget*>(QStringLiteral("documentPane"));
    REQUIRE(document);
    CHECK(document->height() >= 200);
    CHECK(document->width() >= 300);
    const QTreeView* tree = window.codebookPanel()->view();
    CHECK(tree->height() >= 6 * tree->fontMetrics().height());
}
