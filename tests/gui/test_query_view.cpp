#include <catch2/catch.hpp>

#include "AnalysisPanel.h"
#include "CodePickerDialog.h"
#include "DocumentView.h"
#include "MatrixView.h"
#include "QueryView.h"
#include "SampleWindow.h"
#include "analysis/AnalysisSnapshot.h"
#include "analysis/CodeMatrix.h"
#include "analysis/CodeQuery.h"
#include "analysis/TableExport.h"
#include "store/CodebookRepository.h"
#include "store/CodingRepository.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>

#include <set>
#include <tuple>

using namespace warrant;
using warrant::test::SampleWindow;

namespace {

const QString kNear = QStringLiteral("\"Pragmatic approach\" NEAR/1 Funding");
const QString kCoder = QStringLiteral("Funding coder:bosei");

QueryView& openQuery(SampleWindow& sample) {
    REQUIRE(sample.window.showAnalysis(QStringLiteral("query")));
    QApplication::processEvents(); // the tab reads the project when first shown
    return *sample.window.analysisPanel()->queryView();
}

AnalysisSnapshot snapshotOf(Project& project) {
    auto snapshot = AnalysisSnapshot::load(project);
    REQUIRE(snapshot.ok());
    return std::move(*snapshot);
}

std::vector<QueryPassage> runInCore(Project& project, const QString& text) {
    const AnalysisSnapshot snapshot = snapshotOf(project);
    auto query = CodeQuery::parse(text, snapshot);
    REQUIRE(query.ok());
    auto passages = query->run(snapshot);
    REQUIRE(passages.ok());
    return std::move(*passages);
}

using Span = std::tuple<qint64, qint64, qint64>;

} // namespace

namespace Catch {
template <> struct StringMaker<Span> {
    static std::string convert(const Span& s) {
        return QStringLiteral("%1:%2-%3").arg(std::get<0>(s)).arg(std::get<1>(s)).arg(std::get<2>(s)).toStdString();
    }
};
} // namespace Catch

namespace {

std::vector<Span> spansOf(const std::vector<QueryPassage>& passages) {
    std::vector<Span> out;
    for (const QueryPassage& p : passages) out.emplace_back(p.sourceId, p.start, p.end);
    return out;
}

// What the table shows, row by row, as spans of text.
std::vector<Span> spansShown(const QueryView& view) {
    std::vector<Span> out;
    for (int row = 0; row < view.passagesModel()->rowCount(); ++row) {
        const TextLocation at = view.locationAt(row);
        out.emplace_back(at.sourceId, at.start, at.end);
    }
    return out;
}

// Types a query into the line edit and presses Enter, as the user runs one.
void typeQuery(QueryView& view, const QString& text) {
    view.expressionEdit()->clear();
    QTest::keyClicks(view.expressionEdit(), text);
    QTest::keyClick(view.expressionEdit(), Qt::Key_Return);
}

std::multiset<Span> codingsOf(Project& project, qint64 codeId) {
    SegmentFilter filter;
    filter.codeIds = {codeId};
    auto segments = CodingRepository(project).segments(filter); // kept: the loop reads into it
    REQUIRE(segments.ok());
    std::multiset<Span> out;
    for (const CodedSegment& s : *segments) out.emplace(s.sourceId, s.start, s.end);
    return out;
}

size_t allCodings(Project& project) { return CodingRepository(project).segments({})->size(); }

// Names a new code in the picker as soon as it opens (Shift+Enter: create it).
void answerPickerWithNewCode(const QString& name) {
    QTimer::singleShot(0, [name] {
        auto* picker = qobject_cast<CodePickerDialog*>(QApplication::activeModalWidget());
        REQUIRE(picker);
        QTest::keyClicks(picker->lineEdit(), name);
        QTest::keyClick(picker->lineEdit(), Qt::Key_Return, Qt::ShiftModifier);
    });
}

} // namespace

TEST_CASE("The query tab shows the passages core's query finds, with citation, source and text", "[gui][analysis][query]") {
    SampleWindow sample;
    Project& project = sample.project();
    QueryView& view = openQuery(sample);
    REQUIRE(view.isVisible());
    CHECK_FALSE(view.expressionEdit()->placeholderText().isEmpty());
    CHECK(view.expressionEdit()->toolTip().contains(QStringLiteral("NEAR/n")));
    for (const QString& text : {kNear, kCoder}) {
        CAPTURE(text.toStdString());
        typeQuery(view, text);
        const std::vector<QueryPassage> expected = runInCore(project, text);
        REQUIRE_FALSE(expected.empty());
        CHECK(view.errorText().isEmpty());
        CHECK(spansShown(view) == spansOf(expected));
        auto rows = describePassages(project, snapshotOf(project), expected);
        REQUIRE(rows.ok());
        for (size_t i = 0; i < rows->size(); ++i) {
            const QueryPassageRow& r = (*rows)[i];
            CHECK(view.passagesModel()->index(int(i), QueryView::CitationColumn).data().toString() == r.citation);
            CHECK(view.passagesModel()->index(int(i), QueryView::SourceColumn).data().toString() == r.source);
            CHECK(view.passagesModel()->index(int(i), QueryView::TextColumn).data().toString() == r.text.simplified());
            // Elided on one line, whole in the tooltip.
            CHECK(view.passagesModel()->index(int(i), QueryView::TextColumn).data(Qt::ToolTipRole).toString().contains(r.text));
        }
        CHECK(view.statusText().contains(QString::number(expected.size())));
        CHECK(view.codeAllButton()->isEnabled());
    }
    // The Run button runs what is typed too.
    view.expressionEdit()->setText(kNear);
    QTest::mouseClick(view.runButton(), Qt::LeftButton);
    CHECK(spansShown(view) == spansOf(runInCore(project, kNear)));

    QTemporaryDir out;
    const QString csv = out.filePath(QStringLiteral("query.csv"));
    REQUIRE(view.exportTo(csv).ok());
    QFile file(csv);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(QString::fromUtf8(file.readAll()).count(u'\n') >= int(view.passageRows().size()) + 1);
    REQUIRE(view.exportTo(out.filePath(QStringLiteral("query.xlsx"))).ok());
    CHECK(QFileInfo(out.filePath(QStringLiteral("query.xlsx"))).size() > 0);
}

TEST_CASE("A bad query says what is wrong and lists nothing; an empty result says so", "[gui][analysis][query]") {
    SampleWindow sample;
    QueryView& view = openQuery(sample);
    const QString bad = QStringLiteral("Funding AND (");
    auto parsed = CodeQuery::parse(bad, snapshotOf(sample.project()));
    REQUIRE_FALSE(parsed.ok());
    typeQuery(view, kNear);
    REQUIRE(view.passagesModel()->rowCount() > 0);
    typeQuery(view, bad);
    CHECK(view.errorText() == parsed.errorMessage());
    CHECK(view.statusLabel()->isVisible());
    CHECK(view.statusText() == parsed.errorMessage());
    CHECK_FALSE(view.statusLabel()->text().isEmpty());
    CHECK_FALSE(view.statusText().contains(QStringLiteral("No passage")));
    CHECK(view.passagesModel()->rowCount() == 0);
    for (QPushButton* b : {view.codeAllButton(), view.addToMatrixButton(), view.exportButton(), view.showButton()}) CHECK_FALSE(b->isEnabled());

    typeQuery(view, QStringLiteral("Funding NOT Funding"));
    CHECK(view.errorText().isEmpty());
    CHECK(view.passagesModel()->rowCount() == 0);
    CHECK(view.statusText().startsWith(QStringLiteral("No passage matches")));
}

TEST_CASE("Code All codes every passage with a new code as one step, and one undo takes them back", "[gui][analysis][query]") {
    SampleWindow sample;
    Project& project = sample.project();
    QueryView& view = openQuery(sample);
    typeQuery(view, kNear);
    const std::vector<QueryPassage> passages = runInCore(project, kNear);
    REQUIRE_FALSE(passages.empty());
    QUndoStack* undo = sample.window.workbench().undoStack();
    const int steps = undo->count();
    const size_t before = allCodings(project);

    answerPickerWithNewCode(QStringLiteral("Pragmatic funding"));
    QTest::mouseClick(view.codeAllButton(), Qt::LeftButton);
    auto code = CodebookRepository(project).resolve(QStringLiteral("Pragmatic funding"));
    REQUIRE(code.ok());
    // Each passage as core codes a range: narrowed to what is codable (never a speaker label).
    std::multiset<Span> expected;
    for (const QueryPassage& p : passages) {
        auto codable = CodingRepository(project).codable({p.sourceId, qsizetype(p.start), qsizetype(p.end)});
        REQUIRE(codable.ok());
        expected.emplace(codable->sourceId, codable->start, codable->end);
    }
    CHECK(codingsOf(project, code->id) == expected);
    CHECK(allCodings(project) == before + passages.size());
    CHECK(sample.codingsOnDisk(code->id) == int(passages.size()));
    // The picker's new code is a step of its own, as with Code All Hits; the codings are one more.
    REQUIRE(undo->count() == steps + 2);
    CHECK(undo->undoText().startsWith(QStringLiteral("Code All Passages of")));

    undo->undo();
    CHECK(codingsOf(project, code->id).empty());
    CHECK(allCodings(project) == before);
    undo->redo();
    CHECK(codingsOf(project, code->id).size() == passages.size());
}

TEST_CASE("Add to Matrix shows the query as a row under the codes, as core computes it", "[gui][analysis][query]") {
    SampleWindow sample;
    Project& project = sample.project();
    QueryView& view = openQuery(sample);
    typeQuery(view, kCoder);
    QTest::mouseClick(view.addToMatrixButton(), Qt::LeftButton);
    QApplication::processEvents();
    MatrixView* matrix = sample.window.analysisPanel()->matrixView();
    CHECK(sample.window.analysisPanel()->tabs()->currentWidget() == matrix);
    REQUIRE(matrix->queryRows() == QStringList{kCoder});
    REQUIRE(matrix->removeQueriesButton()->isVisible());

    for (const MatrixCount count : {MatrixCount::Segments, MatrixCount::Cases}) {
        REQUIRE(matrix->setColumns(QStringLiteral("group")));
        matrix->setCount(count);
        const AnalysisSnapshot snapshot = snapshotOf(project);
        std::vector<MatrixRow> rows;
        for (const qint64 id : snapshot.codesInOrder()) rows.push_back({snapshot.codePath(id), snapshot.withDescendants(id), {}});
        auto queryRow = MatrixView::queryRow(kCoder, snapshot);
        REQUIRE(queryRow.ok());
        rows.push_back(*queryRow);
        auto expected = CodeMatrix::compute(project, snapshot, rows, QStringLiteral("group"), count);
        REQUIRE(expected.ok());
        REQUIRE(matrix->result().has_value());
        CHECK(matrix->result()->cells == expected->cells);
        CHECK(matrix->result()->columns == expected->columns);
        const int last = matrix->matrixModel()->rowCount() - 1;
        REQUIRE(last == int(snapshot.codesInOrder().size()));
        CHECK(matrix->matrixModel()->index(last, 0).data().toString() == kCoder);
        for (int column = 0; column < expected->columns.size(); ++column)
            CHECK(matrix->cellIndex(last, column).data(MatrixView::ValueRole).toLongLong() == expected->cells.back()[size_t(column)]);
    }
    // The query's passages, counted per group, add up to what the query finds.
    matrix->setCount(MatrixCount::Segments);
    qint64 total = 0;
    for (const qint64 n : matrix->result()->cells.back()) total += n;
    CHECK(total == qint64(runInCore(project, kCoder).size()));

    QTest::mouseClick(matrix->removeQueriesButton(), Qt::LeftButton);
    CHECK(matrix->queryRows().isEmpty());
    CHECK(matrix->matrixModel()->rowCount() == int(snapshotOf(project).codesInOrder().size()));
}

TEST_CASE("A passage opens in its document from the query table", "[gui][analysis][query]") {
    SampleWindow sample;
    QueryView& view = openQuery(sample);
    typeQuery(view, kCoder);
    REQUIRE(view.passagesModel()->rowCount() >= 2);
    const TextLocation second = view.locationAt(1);
    view.passagesView()->selectRow(1);
    QTest::mouseClick(view.showButton(), Qt::LeftButton);
    DocumentView* document = sample.window.documentView();
    CHECK(document->sourceId() == second.sourceId);
    auto shown = document->selectedRange();
    REQUIRE(shown.has_value());
    CHECK(*shown == second);

    // A double-click on a row goes there too.
    const TextLocation first = view.locationAt(0);
    const QModelIndex at = view.passagesModel()->index(0, QueryView::TextColumn);
    const QPoint centre = view.passagesView()->visualRect(at).center();
    QTest::mouseClick(view.passagesView()->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(view.passagesView()->viewport(), Qt::LeftButton, {}, centre);
    shown = document->selectedRange();
    REQUIRE(shown.has_value());
    CHECK(*shown == first);
    CHECK(document->sourceId() == first.sourceId);
}

TEST_CASE("The query tab fits a 1024x700 window: its controls whole, its message on one line", "[gui][analysis][query][layout]") {
    SampleWindow sample;
    sample.window.resize(1024, 700);
    QApplication::processEvents();
    sample.window.resetLayout();
    QApplication::processEvents();
    QueryView& view = openQuery(sample);
    typeQuery(view, kNear);
    QApplication::processEvents();
    for (const QWidget* w : std::initializer_list<const QWidget*>{view.expressionEdit(), view.runButton(), view.showButton(),
                                                                   view.codeAllButton(), view.addToMatrixButton(), view.exportButton()}) {
        CAPTURE(w->metaObject()->className());
        CHECK(view.rect().contains(QRect(w->mapTo(&view, QPoint(0, 0)), w->size())));
        CHECK(w->width() >= w->minimumSizeHint().width());
    }
    const QLabel* status = view.statusLabel();
    CHECK(status->fontMetrics().horizontalAdvance(status->text()) <= status->width());
    CHECK(view.passagesView()->viewport()->height() >= 4 * view.passagesView()->verticalHeader()->defaultSectionSize());
}
