#include <catch2/catch.hpp>

#include "ClaimListModel.h"
#include "CodebookModel.h"
#include "CodebookPanel.h"
#include "DocumentView.h"
#include "EvidencePanel.h"
#include "FacetListModel.h"
#include "RetrievalModel.h"
#include "RetrievalPanel.h"
#include "SampleWindow.h"
#include "ScreenshotRunner.h"
#include "SearchPanel.h"
#include "SearchResultsModel.h"
#include "SnippetDelegate.h"
#include "VerdictBadge.h"

#include <QDockWidget>
#include <QHeaderView>
#include <QImage>
#include <QLineEdit>
#include <QListView>
#include <QTableView>
#include <QTreeView>

using namespace warrant;
using warrant::test::SampleWindow;

namespace {

int charWidth(const QWidget* w) { return w->fontMetrics().horizontalAdvance(QLatin1Char('x')); }

// Rows the view shows whole, from its viewport and its row height.
int visibleRows(const QTreeView* view) {
    const int row = view->sizeHintForRow(0);
    return row > 0 ? view->viewport()->height() / row : 0;
}

// What every view needs at any size: a readable document, a code tree with rows, and quick keys in sight.
void checkCommonPanels(MainWindow& window) {
    const QWidget* document = window.findChild<QWidget*>(QStringLiteral("documentPane"));
    REQUIRE(document);
    CHECK(document->height() >= 250);
    CHECK(document->width() >= 60 * charWidth(document));
    const QTreeView* tree = window.codebookPanel()->view();
    CHECK(visibleRows(tree) >= 8);
    const QFontMetrics fm = tree->fontMetrics();
    for (QModelIndex at = tree->indexAt(QPoint(4, 4)); at.isValid(); at = tree->indexBelow(at)) {
        if (at.data(CodebookModel::QuickNumberRole).toInt() == 0) continue;
        // The marker leads the name, so the cell must hold it and a few letters of the name.
        const QRect cell = tree->visualRect(at);
        const int needed = tree->iconSize().width() + fm.horizontalAdvance(QStringLiteral("[9]  Wxxxxx"));
        CHECK(cell.width() >= needed);
        CHECK(at.data(Qt::ToolTipRole).toString().contains(QStringLiteral("quick key")));
    }
}

void checkSearch(MainWindow& window) {
    SearchPanel* search = window.searchPanel();
    CHECK(search->queryEdit()->width() >= 30 * charWidth(search));
    const QTreeView* results = search->resultsView();
    REQUIRE(results->model()->rowCount() > 0);
    const int snippetWidth = results->columnWidth(SearchResultsModel::SnippetColumn);
    CHECK(snippetWidth >= results->viewport()->width() * 2 / 5);
    // Each visible snippet is shifted so that its match lies inside the cell.
    for (int row = 0; row < std::min(5, results->model()->rowCount()); ++row) {
        const QString html = results->model()->index(row, SearchResultsModel::SnippetColumn)
                                 .data(SearchResultsModel::SnippetHtmlRole).toString();
        const qreal x = SnippetDelegate::matchX(html, results->font());
        if (x < 0) continue;
        const qreal shift = SnippetDelegate::matchShift(html, results->font(), snippetWidth);
        CHECK(x >= shift);
        CHECK(x - shift < snippetWidth - charWidth(results) * 4);
    }
    // Facet headings fit; a value that does not has its whole label in the tooltip.
    const QListView* facets = search->facetView();
    for (int row = 0; row < facets->model()->rowCount(); ++row) {
        const QModelIndex at = facets->model()->index(row, 0);
        const QString label = at.data().toString();
        const QFont font = at.data(Qt::FontRole).isValid() ? at.data(Qt::FontRole).value<QFont>() : facets->font();
        if (QFontMetrics(font).horizontalAdvance(label) + 8 <= facets->viewport()->width()) continue;
        CAPTURE(label);
        CHECK(at.data(FacetListModel::FilterRole).isValid());
        CHECK(at.data(Qt::ToolTipRole).toString().contains(label.section(QStringLiteral("  ("), 0, 0)));
    }
}

void checkRetrieval(MainWindow& window) {
    const QTableView* table = window.retrievalPanel()->tableView();
    REQUIRE(table->model()->rowCount() > 0);
    CHECK(table->columnWidth(RetrievalModel::TextColumn) >= table->viewport()->width() / 3);
    const QModelIndex code = table->model()->index(0, RetrievalModel::CodeColumn);
    CHECK(code.data(Qt::ToolTipRole).toString() == code.data().toString());
    CHECK(table->verticalHeader()->defaultSectionSize() <= table->fontMetrics().height() + 10);
}

void checkEvidence(MainWindow& window) {
    const QTreeView* claims = window.evidencePanel()->claimView();
    const QAbstractItemModel* model = claims->model();
    REQUIRE(model->rowCount() > 0);
    const QFontMetrics fm = claims->fontMetrics();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString status = model->index(row, ClaimListModel::StatusColumn).data().toString();
        const QString section = model->index(row, ClaimListModel::SectionColumn).data().toString();
        CAPTURE(status, section);
        // No cut badge ("unsupporte") and no cut section number.
        CHECK(claims->columnWidth(ClaimListModel::StatusColumn) >= VerdictBadge::sizeHint(fm, status).width());
        CHECK(claims->columnWidth(ClaimListModel::SectionColumn) >= fm.horizontalAdvance(section));
    }
    CHECK(claims->columnWidth(ClaimListModel::ClaimColumn) >= 12 * charWidth(claims));
    const QWidget* quotes = window.evidencePanel()->findChild<QWidget*>(QStringLiteral("claimQuotes"));
    REQUIRE(quotes);
    CHECK(quotes->height() >= 5 * quotes->fontMetrics().lineSpacing());
    CHECK(quotes->width() >= 28 * charWidth(quotes));
}

} // namespace

TEST_CASE("Every view renders at 1024x700, 1366x768 and 1920x1080 with nothing a user needs clipped",
          "[gui][layout][render]") {
    SampleWindow sample;
    MainWindow& window = sample.window;
    QTemporaryDir shots;
    for (const QSize size : {QSize(1024, 700), QSize(1366, 768), QSize(1920, 1080)}) {
        for (const QString& view : {QStringLiteral("coding"), QStringLiteral("search"), QStringLiteral("retrieval"),
                                   QStringLiteral("evidence")}) {
            CAPTURE(size.width(), size.height(), view.toStdString());
            const QString png = shots.filePath(QStringLiteral("%1-%2x%3.png").arg(view).arg(size.width()).arg(size.height()));
            REQUIRE(ScreenshotRunner::capture(window, view, png, size).ok());
            const QImage image(png);
            CHECK(image.size() == size * window.devicePixelRatio());
            checkCommonPanels(window);
            if (view == QStringLiteral("search")) checkSearch(window);
            if (view == QStringLiteral("retrieval") || view == QStringLiteral("coding")) checkRetrieval(window);
            if (view == QStringLiteral("evidence")) checkEvidence(window);
        }
    }
}

TEST_CASE("A window cramped on a small screen gives its panels their share back when it grows",
          "[gui][layout]") {
    SampleWindow sample;
    MainWindow& window = sample.window;
    window.resize(1024, 700);
    QApplication::processEvents();
    window.resetLayout();
    QApplication::processEvents();
    const QDockWidget* codebook = window.findChild<QDockWidget*>(QStringLiteral("codebookDock"));
    const QDockWidget* search = window.findChild<QDockWidget*>(QStringLiteral("searchDock"));
    REQUIRE(codebook);
    REQUIRE(search);
    const double shareBefore = double(codebook->width()) / window.width();
    const double heightBefore = double(search->height()) / window.height();
    window.resize(1920, 1080);
    QApplication::processEvents();
    CHECK(codebook->width() >= 1920 * shareBefore * 0.9);
    CHECK(search->height() >= 1080 * heightBefore * 0.9);
    CHECK(codebook->width() > 400);
    window.resize(1024, 700);
    QApplication::processEvents();
    CHECK(codebook->width() <= 1024 * 0.4);
}

TEST_CASE("A snippet wider than its cell is shown around its match", "[gui][layout]") {
    const QFont font;
    const QString start = QStringLiteral("<b>cluster</b> policy and a long tail of words that never ends here");
    const QString late = QStringLiteral("a long run of words before the match comes at last: <b>cluster</b> policy");
    CHECK(SnippetDelegate::matchShift(start, font, 120) == 0);
    const qreal x = SnippetDelegate::matchX(late, font);
    REQUIRE(x > 120);
    const qreal shift = SnippetDelegate::matchShift(late, font, 120);
    CHECK(shift > 0);
    CHECK(x - shift >= 0);
    CHECK(x - shift < 120);
    // A snippet that fits is never shifted, and one without a match starts at its beginning.
    CHECK(SnippetDelegate::matchShift(late, font, 4000) == 0);
    CHECK(SnippetDelegate::matchShift(QStringLiteral("no match at all in this rather long snippet text"), font, 40) == 0);
}
