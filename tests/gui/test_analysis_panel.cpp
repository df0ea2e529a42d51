#include <catch2/catch.hpp>

#include "AgreementView.h"
#include "AnalysisCharts.h"
#include "AnalysisPanel.h"
#include "DisagreementBrowser.h"
#include "DocumentView.h"
#include "MatrixView.h"
#include "RetrievalModel.h"
#include "SampleWindow.h"
#include "analysis/AnalysisSnapshot.h"
#include "analysis/CodeMatrix.h"
#include "analysis/Disagreements.h"
#include "analysis/IntercoderAgreement.h"
#include "analysis/TableExport.h"
#include "store/CodingRepository.h"

#include <QAbstractButton>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QUndoStack>

#include <set>
#include <tuple>

using namespace warrant;
using warrant::test::SampleWindow;

namespace {

const QStringList kCoders{QStringLiteral("alewis"), QStringLiteral("bosei")};

AnalysisPanel& openAnalysis(SampleWindow& sample, const QString& tab) {
    REQUIRE(sample.window.showAnalysis(tab));
    QApplication::processEvents(); // the tab reads the project when first shown
    return *sample.window.analysisPanel();
}

AnalysisSnapshot snapshotOf(Project& project) {
    auto snapshot = AnalysisSnapshot::load(project);
    REQUIRE(snapshot.ok());
    return std::move(*snapshot);
}

AgreementReport computeAgreement(Project& project, AgreementUnit unit = AgreementUnit::Turn) {
    auto report = IntercoderAgreement::compute(project, snapshotOf(project), AgreementRequest{kCoders, {}, unit, {}});
    REQUIRE(report.ok());
    return std::move(*report);
}

std::vector<Disagreement> listDisagreements(Project& project, const QString& code, AgreementUnit unit = AgreementUnit::Turn) {
    auto list = Disagreements::list(project, snapshotOf(project), kCoders, code, unit);
    REQUIRE(list.ok());
    return std::move(*list);
}

QVariant figure(const QStandardItemModel* model, int row, int column, int role = AgreementView::ValueRole) {
    return model->index(row, column).data(role);
}

void checkCoefficient(const QStandardItemModel* model, int row, int column, const std::optional<double>& expected, int decimals) {
    CAPTURE(row, column);
    if (!expected) {
        CHECK_FALSE(figure(model, row, column).isValid());
        CHECK(figure(model, row, column, Qt::DisplayRole).toString() == QStringLiteral("—"));
        CHECK(figure(model, row, column, Qt::ToolTipRole).toString().contains(QStringLiteral("undefined")));
        return;
    }
    CHECK(figure(model, row, column).toDouble() == *expected);
    const double shown = column == AgreementView::PercentColumn ? *expected * 100 : *expected;
    CHECK(figure(model, row, column, Qt::DisplayRole).toString().startsWith(QString::number(shown, 'f', decimals)));
}

// One row of the figures table against what core computed.
void checkFigures(const QStandardItemModel* model, int row, const AgreementFigures& f) {
    CAPTURE(row, model->index(row, 0).data().toString().toStdString());
    CHECK(figure(model, row, AgreementView::BothColumn).toLongLong() == f.both);
    CHECK(figure(model, row, AgreementView::FirstOnlyColumn).toLongLong() == f.firstOnly);
    CHECK(figure(model, row, AgreementView::SecondOnlyColumn).toLongLong() == f.secondOnly);
    CHECK(figure(model, row, AgreementView::NeitherColumn).toLongLong() == f.neither);
    CHECK(figure(model, row, AgreementView::NeitherColumn, Qt::DisplayRole).toString() == QString::number(f.neither));
    checkCoefficient(model, row, AgreementView::PercentColumn, f.percentAgreement, 1);
    checkCoefficient(model, row, AgreementView::KappaColumn, f.kappa, 3);
    checkCoefficient(model, row, AgreementView::AlphaColumn, f.alpha, 3);
}

void checkReportShown(const AgreementView& view, const AgreementReport& expected) {
    const QStandardItemModel* model = view.figuresModel();
    REQUIRE(model->rowCount() == int(expected.codes.size()) + 1);
    for (int row = 0; row < int(expected.codes.size()); ++row) {
        const CodeAgreement& c = expected.codes[size_t(row)];
        // The code's own name, indented under its parent's; the full path in the tooltip.
        CHECK(model->index(row, AgreementView::CodeColumn).data().toString().trimmed() == c.code.section(u'/', -1));
        CHECK(model->index(row, AgreementView::CodeColumn).data(Qt::ToolTipRole).toString() == c.code);
        CHECK(model->index(row, AgreementView::CodeColumn).data(AgreementView::CodeIdRole).toLongLong() == c.codeId);
        checkFigures(model, row, c.figures);
    }
    checkFigures(model, model->rowCount() - 1, expected.total); // the pooled row
    REQUIRE(expected.cuAlpha.has_value());
    CHECK(view.summaryLabel()->text().contains(QStringLiteral("cu-α %1").arg(*expected.cuAlpha, 0, 'f', 3)));
}

// The codings of a code as (coding, segment, range, coder, created) — what an exact undo restores.
using CodingKey = std::tuple<qint64, qint64, qsizetype, qsizetype, QString, QDateTime>;
std::set<CodingKey> codingsOf(Project& project, qint64 codeId) {
    SegmentFilter filter;
    filter.codeIds = {codeId};
    auto segments = CodingRepository(project).segments(filter);
    REQUIRE(segments.ok());
    std::set<CodingKey> out;
    for (const CodedSegment& s : *segments) out.emplace(s.codingId, s.segmentId, s.start, s.end, s.coder, s.createdAt);
    return out;
}

// One coder's codings of a code overlapping a passage, as ranges.
std::set<std::pair<qsizetype, qsizetype>> rangesOf(Project& project, qint64 codeId, const QString& coder, const Disagreement& d) {
    SegmentFilter filter;
    filter.codeIds = {codeId};
    filter.coder = coder;
    filter.sourceId = d.sourceId;
    auto segments = CodingRepository(project).segments(filter);
    REQUIRE(segments.ok());
    std::set<std::pair<qsizetype, qsizetype>> out;
    for (const CodedSegment& s : *segments)
        if (s.codeId == codeId && s.start < d.end && s.end > d.start) out.emplace(s.start, s.end);
    return out;
}

qint64 mostDisputed(const AgreementReport& report) {
    qint64 best = 0, most = -1;
    for (const CodeAgreement& c : report.codes)
        if (c.figures.firstOnly + c.figures.secondOnly > most) {
            best = c.codeId;
            most = c.figures.firstOnly + c.figures.secondOnly;
        }
    return best;
}

void checkMatrixShown(const MatrixView& view, const CodeMatrixResult& expected) {
    const QStandardItemModel* model = view.matrixModel();
    REQUIRE(model->rowCount() == expected.rows.size());
    REQUIRE(model->columnCount() == expected.columns.size() + 1);
    for (int column = 0; column < expected.columns.size(); ++column)
        CHECK(model->headerData(column + 1, Qt::Horizontal).toString() == expected.columns[column]);
    for (int row = 0; row < expected.rows.size(); ++row) {
        CHECK(model->index(row, 0).data(Qt::ToolTipRole).toString() == expected.rows[row]);
        for (int column = 0; column < expected.columns.size(); ++column) {
            const QModelIndex at = view.cellIndex(row, column);
            CHECK(at.data(MatrixView::ValueRole).toLongLong() == expected.cells[size_t(row)][size_t(column)]);
            CHECK(at.data().toString() == QString::number(expected.cells[size_t(row)][size_t(column)]));
        }
    }
}

void clickCell(QTableView* table, const QModelIndex& at, bool twice = false) {
    table->scrollTo(at);
    const QPoint centre = table->visualRect(at).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre);
    if (twice) QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre);
}

// A control shows all of itself: at least its minimum size, inside the tab's area.
void checkWholeControl(const QWidget* tab, const QWidget* w) {
    const auto* button = qobject_cast<const QAbstractButton*>(w);
    CAPTURE(w->metaObject()->className(), w->objectName().toStdString(), button ? button->text().toStdString() : std::string());
    const QRect inTab(w->mapTo(tab, QPoint(0, 0)), w->size());
    CHECK(tab->rect().contains(inTab));
    if (const auto* label = qobject_cast<const QLabel*>(w); label && label->wordWrap()) {
        CHECK(label->heightForWidth(label->width()) <= label->height());
        return;
    }
    const QSize needed = qobject_cast<const QAbstractButton*>(w) ? w->sizeHint() : w->minimumSizeHint();
    CHECK(w->width() >= needed.width());
    CHECK(w->height() >= needed.height());
}

void checkNothingClipped(const QWidget* tab) {
    for (const QWidget* w : tab->findChildren<QWidget*>()) {
        if (!w->isVisibleTo(tab) || !w->isVisible()) continue;
        if (qobject_cast<const QLabel*>(w) || qobject_cast<const QAbstractButton*>(w) || qobject_cast<const QComboBox*>(w)) {
            // Header sections and scroll-bar arrows are parts of views, not controls of the tab.
            if (qobject_cast<const QAbstractItemView*>(w->parentWidget()) || w->parentWidget()->inherits("QAbstractScrollArea"))
                continue;
            checkWholeControl(tab, w);
        }
    }
}

int rowsShown(const QTableView* table) {
    const int row = table->verticalHeader()->defaultSectionSize();
    return row > 0 ? table->viewport()->height() / row : 0;
}

} // namespace

TEST_CASE("The agreement tab shows the figures core computes for the demo's coders", "[gui][analysis]") {
    SampleWindow sample;
    AgreementView* view = openAnalysis(sample, QStringLiteral("agreement")).agreementView();
    REQUIRE(view->isVisible());
    // Everyone who coded is compared until the user chooses.
    CHECK(view->request().coders == kCoders);
    CHECK(view->coderList()->count() >= 2);
    REQUIRE(view->report().has_value());
    checkReportShown(*view, computeAgreement(sample.project()));

    SECTION("another unit gives core's figures for that unit") {
        view->unitCombo()->setCurrentIndex(view->unitCombo()->findData(int(AgreementUnit::Sentence)));
        checkReportShown(*view, computeAgreement(sample.project(), AgreementUnit::Sentence));
    }
    SECTION("one coder is not enough, and says so") {
        view->checkCoders({kCoders.front()});
        CHECK(view->figuresModel()->rowCount() == 0);
        CHECK(view->summaryLabel()->text().contains(QStringLiteral("two or more")));
        CHECK_FALSE(view->exportButton()->isEnabled());
    }
    SECTION("the table exports as core writes it, CSV and XLSX") {
        QTemporaryDir out;
        const QString csv = out.filePath(QStringLiteral("agreement.csv"));
        REQUIRE(view->exportTo(csv).ok());
        QFile file(csv);
        REQUIRE(file.open(QIODevice::ReadOnly));
        CHECK(file.readAll() == TableExport::csv(computeAgreement(sample.project()).table()));
        const QString xlsx = out.filePath(QStringLiteral("agreement.xlsx"));
        REQUIRE(view->exportTo(xlsx).ok());
        CHECK(QFileInfo(xlsx).size() > 0);
    }
}

TEST_CASE("The disagreement browser lists core's disagreements of the chosen code and shows them", "[gui][analysis]") {
    SampleWindow sample;
    AgreementView* view = openAnalysis(sample, QStringLiteral("agreement")).agreementView();
    DisagreementBrowser* browser = view->disagreements();
    const AgreementReport report = computeAgreement(sample.project());
    for (const CodeAgreement& c : report.codes) {
        CAPTURE(c.code.toStdString());
        REQUIRE(view->selectCode(c.codeId));
        const std::vector<Disagreement> expected = listDisagreements(sample.project(), c.code);
        REQUIRE(browser->disagreements().size() == expected.size());
        REQUIRE(browser->listModel()->rowCount() == int(expected.size()));
        for (size_t i = 0; i < expected.size(); ++i) {
            CHECK(browser->listModel()->index(int(i), 0).data().toString() == expected[i].citation);
            // Side by side: one column per coder, "not coded" where that coder did not code it.
            for (size_t v = 0; v < expected[i].versions.size(); ++v)
                if (!expected[i].versions[v].coded)
                    CHECK(browser->listModel()->index(int(i), int(v) + 1).data().toString() == QStringLiteral("not coded"));
        }
    }

    REQUIRE(view->selectCode(mostDisputed(report)));
    REQUIRE(browser->disagreements().size() >= 2);
    // The selected passage as each coder coded it.
    const QString versions = browser->versionsView()->toPlainText();
    CHECK(versions.contains(kCoders[0]));
    CHECK(versions.contains(kCoders[1]));
    const Disagreement first = browser->disagreements()[0];
    QTest::mouseClick(browser->showButton(), Qt::LeftButton);
    auto shown = sample.window.documentView()->selectedRange();
    REQUIRE(shown.has_value());
    CHECK(*shown == TextLocation{first.sourceId, qsizetype(first.start), qsizetype(first.end)});

    const Disagreement second = browser->disagreements()[1];
    clickCell(browser->listView(), browser->listModel()->index(1, 0), true);
    shown = sample.window.documentView()->selectedRange();
    REQUIRE(shown.has_value());
    CHECK(*shown == TextLocation{second.sourceId, qsizetype(second.start), qsizetype(second.end)});
}

TEST_CASE("Adopting a coder's version is one undoable change, and the figures follow", "[gui][analysis]") {
    SampleWindow sample;
    Project& project = sample.project();
    AgreementView* view = openAnalysis(sample, QStringLiteral("agreement")).agreementView();
    DisagreementBrowser* browser = view->disagreements();
    const qint64 code = mostDisputed(computeAgreement(project));
    REQUIRE(view->selectCode(code));
    const QString path = snapshotOf(project).codePath(code);
    const size_t before = browser->disagreements().size();
    REQUIRE(before > 0);
    // A passage alewis coded and bosei did not (or coded otherwise).
    int row = 0;
    while (row < int(before) && !browser->disagreements()[size_t(row)].versions[0].coded) ++row;
    REQUIRE(row < int(before));
    browser->selectRow(row);
    const Disagreement passage = browser->disagreements()[size_t(row)];
    const auto codingsBefore = codingsOf(project, code);
    QUndoStack* undo = sample.window.workbench().undoStack();
    const int steps = undo->count();

    QPushButton* adopt = browser->adoptButton(QStringLiteral("alewis"));
    REQUIRE(adopt);
    REQUIRE(adopt->isEnabled());
    QTest::mouseClick(adopt, Qt::LeftButton);

    // bosei now has exactly alewis's codings of the code in the passage, as one step.
    CHECK(rangesOf(project, code, QStringLiteral("bosei"), passage) == rangesOf(project, code, QStringLiteral("alewis"), passage));
    CHECK(codingsOf(project, code) != codingsBefore);
    REQUIRE(undo->count() == steps + 1);
    CHECK(undo->undoText().startsWith(QStringLiteral("Adopt alewis's Version")));
    // The figures and the list are read again: the passage is no longer a disagreement.
    checkReportShown(*view, computeAgreement(project));
    CHECK(view->selectedCodeId() == code);
    CHECK(browser->disagreements().size() == listDisagreements(project, path).size());
    CHECK(browser->disagreements().size() == before - 1);
    const auto codingsAfter = codingsOf(project, code);

    undo->undo();
    CHECK(codingsOf(project, code) == codingsBefore); // ids and dates too
    checkReportShown(*view, computeAgreement(project));
    CHECK(browser->disagreements().size() == before);

    undo->redo();
    CHECK(rangesOf(project, code, QStringLiteral("bosei"), passage) == rangesOf(project, code, QStringLiteral("alewis"), passage));
    CHECK(codingsOf(project, code).size() == codingsAfter.size());
    CHECK(browser->disagreements().size() == before - 1);
}

TEST_CASE("The analysis follows the project, and catches up with edits made while out of sight", "[gui][analysis]") {
    SampleWindow sample;
    Project& project = sample.project();
    AgreementView* view = openAnalysis(sample, QStringLiteral("agreement")).agreementView();
    const AgreementReport before = computeAgreement(project);
    checkReportShown(*view, before);

    // Behind the search panel the figures wait; raising the dock's tab brings them up to date.
    REQUIRE(sample.window.raisePanel(QStringLiteral("search")));
    QApplication::processEvents();
    SegmentFilter filter;
    filter.coder = kCoders[0];
    auto codings = CodingRepository(project).segments(filter);
    REQUIRE(codings.ok());
    REQUIRE_FALSE(codings->empty());
    REQUIRE(CodingRepository(project).remove(codings->front().codingId).ok());
    const AgreementReport after = computeAgreement(project);
    REQUIRE(after.total.firstOnly + after.total.both != before.total.firstOnly + before.total.both);
    CHECK(view->report()->total.firstOnly + view->report()->total.both == before.total.firstOnly + before.total.both); // unseen: not computed

    REQUIRE(sample.window.raisePanel(QStringLiteral("analysis")));
    QApplication::processEvents();
    checkReportShown(*view, after);
}

TEST_CASE("The matrix tab shows core's matrix and lists exactly a cell's segments", "[gui][analysis]") {
    SampleWindow sample;
    Project& project = sample.project();
    MatrixView* view = openAnalysis(sample, QStringLiteral("matrix")).matrixView();
    const std::vector<std::pair<QString, MatrixCount>> choices = {
        {QStringLiteral("group"), MatrixCount::Segments}, {QStringLiteral("coder"), MatrixCount::Cases},
        {QStringLiteral("participant"), MatrixCount::Words}, {QStringLiteral("source"), MatrixCount::Segments}};
    for (const auto& [columns, count] : choices) {
        CAPTURE(columns.toStdString(), matrixCountName(count).toStdString());
        REQUIRE(view->setColumns(columns));
        view->setCount(count);
        auto expected = CodeMatrix::compute(project, snapshotOf(project), MatrixRequest{{}, columns, count});
        REQUIRE(expected.ok());
        checkMatrixShown(*view, *expected);
    }

    REQUIRE(view->setColumns(QStringLiteral("group")));
    view->setCount(MatrixCount::Segments);
    auto expected = CodeMatrix::compute(project, snapshotOf(project), MatrixRequest{{}, QStringLiteral("group"), MatrixCount::Segments});
    REQUIRE(expected.ok());
    // Heat map: the fullest cell is the darkest, its text light; an empty cell stays pale.
    QModelIndex full, empty;
    for (int row = 0; row < expected->rows.size(); ++row)
        for (int column = 0; column < expected->columns.size(); ++column) {
            const QModelIndex at = view->cellIndex(row, column);
            if (!full.isValid() || at.data(MatrixView::ValueRole).toLongLong() > full.data(MatrixView::ValueRole).toLongLong()) full = at;
            if (at.data(MatrixView::ValueRole).toLongLong() == 0) empty = at;
        }
    REQUIRE(empty.isValid());
    const QColor dark = full.data(Qt::BackgroundRole).value<QBrush>().color();
    CHECK(dark.lightness() < empty.data(Qt::BackgroundRole).value<QBrush>().color().lightness());
    CHECK(full.data(Qt::ForegroundRole).value<QBrush>().color().lightness() > dark.lightness());

    for (const auto& [row, column] : {std::pair{0, 0}, std::pair{5, 4}, std::pair{9, 2}}) {
        CAPTURE(row, column);
        clickCell(view->matrixTable(), view->cellIndex(row, column));
        const std::vector<qint64>& ids = expected->segments[size_t(row)][size_t(column)];
        REQUIRE(view->segmentsModel()->rowCount() == int(ids.size()));
        std::set<qint64> listed;
        for (const CodedSegment& s : view->segmentsModel()->segments()) listed.insert(s.segmentId);
        CHECK(listed == std::set<qint64>(ids.begin(), ids.end()));
        CHECK(view->cellLabel()->text().contains(expected->columns[column]));
    }
    // A listed segment opens in the document.
    const TextLocation target = view->segmentsModel()->locationAt(0);
    clickCell(view->segmentsView(), view->segmentsModel()->index(0, RetrievalModel::TextColumn), true);
    const auto shown = sample.window.documentView()->selectedRange();
    REQUIRE(shown.has_value());
    CHECK(*shown == target);

    QTemporaryDir out;
    REQUIRE(view->exportTo(out.filePath(QStringLiteral("matrix.xlsx"))).ok());
    CHECK(QFileInfo(out.filePath(QStringLiteral("matrix.xlsx"))).size() > 0);
}

TEST_CASE("Every chart is drawn from core's figures and exports to PNG and SVG", "[gui][analysis]") {
    SampleWindow sample;
    AnalysisCharts* charts = openAnalysis(sample, QStringLiteral("charts")).chartsView();
    // One bar per code, one pair per code whose coefficients are defined, one point per coded transcript.
    const AgreementReport report = computeAgreement(sample.project());
    const auto defined = std::count_if(report.codes.begin(), report.codes.end(),
                                       [](const CodeAgreement& c) { return c.figures.kappa || c.figures.alpha; });
    CHECK(charts->chart(AnalysisCharts::CodeFrequencies)->series().size() == 1);
    REQUIRE(charts->chart(AnalysisCharts::AgreementByCode)->axes(Qt::Vertical).size() == 1);
    CHECK(charts->chart(AnalysisCharts::AgreementByCode)->axes(Qt::Vertical).front()->property("count").toInt() == int(defined));
    // Codes left out of the agreement chart are said to be.
    charts->showChart(AnalysisCharts::AgreementByCode);
    CHECK(charts->noteLabel()->text().isEmpty() == (defined == qsizetype(report.codes.size())));

    QTemporaryDir out;
    for (const AnalysisCharts::Chart which : {AnalysisCharts::CodeFrequencies, AnalysisCharts::AgreementByCode, AnalysisCharts::Saturation}) {
        CAPTURE(int(which));
        charts->showChart(which);
        const QString png = out.filePath(QStringLiteral("chart%1.png").arg(int(which)));
        const QString svg = out.filePath(QStringLiteral("chart%1.svg").arg(int(which)));
        REQUIRE(charts->exportChart(which, png).ok());
        REQUIRE(charts->exportChart(which, svg).ok());
        const QImage image(png);
        REQUIRE_FALSE(image.isNull());
        CHECK(image.width() >= 960);
        CHECK(QFileInfo(png).size() > 0);
        QFile file(svg);
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        CHECK((text.startsWith("<?xml") || text.contains("<svg")));
    }
    CHECK_FALSE(charts->exportChart(AnalysisCharts::Saturation, out.filePath(QStringLiteral("chart.gif"))).ok());
}

TEST_CASE("The analysis tabs fit a 1024x700 window with nothing clipped", "[gui][analysis][layout]") {
    SampleWindow sample;
    MainWindow& window = sample.window;
    window.resize(1024, 700);
    QApplication::processEvents();
    window.resetLayout();
    QApplication::processEvents();
    REQUIRE(window.width() == 1024); // no panel makes the window wider than asked
    AnalysisPanel& panel = openAnalysis(sample, QStringLiteral("agreement"));
    AgreementView* agreement = panel.agreementView();
    REQUIRE(agreement->selectCode(mostDisputed(computeAgreement(sample.project()))));
    QApplication::processEvents();
    checkNothingClipped(agreement);
    CHECK(rowsShown(agreement->figuresView()) >= 4);
    CHECK(rowsShown(agreement->disagreements()->listView()) >= 2);
    CHECK(agreement->disagreements()->versionsView()->viewport()->height() >= 3 * agreement->fontMetrics().lineSpacing());
    // The figures' columns show their numbers whole.
    const QTableView* figures = agreement->figuresView();
    for (int row = 0; row < figures->model()->rowCount(); ++row)
        for (int column = AgreementView::BothColumn; column < AgreementView::ColumnCount; ++column)
            CHECK(figures->columnWidth(column) > figures->fontMetrics().horizontalAdvance(figures->model()->index(row, column).data().toString()));

    openAnalysis(sample, QStringLiteral("matrix"));
    MatrixView* matrix = panel.matrixView();
    clickCell(matrix->matrixTable(), matrix->cellIndex(0, 0));
    QApplication::processEvents();
    checkNothingClipped(matrix);
    CHECK(rowsShown(matrix->matrixTable()) >= 4);
    CHECK(rowsShown(matrix->segmentsView()) >= 2);

    openAnalysis(sample, QStringLiteral("charts"));
    AnalysisCharts* charts = panel.chartsView();
    for (const AnalysisCharts::Chart which : {AnalysisCharts::CodeFrequencies, AnalysisCharts::AgreementByCode, AnalysisCharts::Saturation}) {
        charts->showChart(which);
        QApplication::processEvents();
        checkNothingClipped(charts);
        CHECK(charts->chartView(which)->height() >= 180);
    }
    // The document above still shows a passage jumped to.
    CHECK(window.documentView()->height() >= 150);
    CHECK(window.width() == 1024);
}

TEST_CASE("A new window asks for no more width than a small screen has", "[gui][analysis][layout]") {
    // The window is sized before it is first shown: a minimum taken while the bottom panels were
    // still side by side would push it past the screen.
    QTemporaryDir dir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.filePath(QStringLiteral("settings")));
    MainWindow fresh;
    CHECK(fresh.minimumWidth() <= 1024);
    fresh.resize(1024, 700);
    CHECK(fresh.width() == 1024);
}
