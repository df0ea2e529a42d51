#include "AutoCoder.h"
#include "FacetListModel.h"
#include "KwicModel.h"
#include "SearchIndex.h"
#include "SearchPanel.h"
#include "SearchResultsModel.h"
#include "TestPaths.h"
#include "TextRangeMime.h"
#include "ops/DemoProjectBuilder.h"
#include "store/Project.h"
#include "store/SourceRepository.h"
#include "text/TextOffsets.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <catch2/catch.hpp>
#include <memory>

using namespace warrant;

namespace {

// The sample project and its index, built once: these tests only read them.
struct SearchFixture {
    QTemporaryDir dir;
    std::unique_ptr<Project> project;
    std::unique_ptr<SearchIndex> index;

    SearchFixture() {
        const QString path = dir.filePath(QStringLiteral("demo.warrant"));
        REQUIRE(DemoProjectBuilder::build(test::sourcePath(QStringLiteral("sample_corpus")), path).ok());
        auto opened = Project::open(path);
        REQUIRE(opened.ok());
        project = std::move(*opened);
        index = std::make_unique<SearchIndex>(SearchIndex::locationFor(path));
        REQUIRE(index->open(*project).ok());
    }

    static SearchFixture& get() {
        static SearchFixture fixture;
        return fixture;
    }
};

// A panel on the sample index, shown, with all three models under the tester.
struct PanelUnderTest {
    SearchPanel panel;
    QAbstractItemModelTester resultsTester{panel.resultsModel(),
                                           QAbstractItemModelTester::FailureReportingMode::Fatal};
    QAbstractItemModelTester kwicTester{panel.kwicModel(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal};
    QAbstractItemModelTester facetTester{panel.facetModel(),
                                         QAbstractItemModelTester::FailureReportingMode::Fatal};

    PanelUnderTest() {
        SearchFixture& f = SearchFixture::get();
        panel.setProject(f.project.get());
        panel.setSearchIndex(f.index.get());
        panel.resize(900, 500);
        panel.show();
    }
};

QString cell(const QAbstractItemModel* model, int row, int column) {
    return model->data(model->index(row, column)).toString();
}

QString sourceSpan(qint64 sourceId, qsizetype start, qsizetype end) {
    auto source = SourceRepository(*SearchFixture::get().project).get(sourceId);
    REQUIRE(source.ok());
    REQUIRE(source->has_value());
    return TextOffsets::midCodePoints((*source)->text, start, end);
}

} // namespace

TEST_CASE("Typing a phrase and pressing Enter lists hits whose snippet holds the phrase", "[search-panel]") {
    PanelUnderTest t;
    QSignalSpy changed(&t.panel, &SearchPanel::resultsChanged);
    QTest::keyClicks(t.panel.queryEdit(), QStringLiteral("\"world of politics\""));
    QTest::keyClick(t.panel.queryEdit(), Qt::Key_Return);

    CHECK(changed.count() == 1);
    CHECK(t.panel.errorText().isEmpty());
    const SearchResultsModel* model = t.panel.resultsModel();
    REQUIRE(model->rowCount() > 0);
    CHECK(t.panel.totalHits() >= model->rowCount());
    for (int row = 0; row < model->rowCount(); ++row) {
        CHECK(cell(model, row, SearchResultsModel::SnippetColumn)
                  .contains(QStringLiteral("world of politics"), Qt::CaseInsensitive));
        CHECK(cell(model, row, SearchResultsModel::RankColumn).toInt() == row + 1);
        // The matches are bold in the rendered snippet, and the markers are gone.
        const QString html = model
                                 ->data(model->index(row, SearchResultsModel::SnippetColumn),
                                        SearchResultsModel::SnippetHtmlRole)
                                 .toString();
        CHECK(html.contains(QStringLiteral("<b>")));
        CHECK_FALSE(cell(model, row, SearchResultsModel::SnippetColumn).contains(u'\u00AB'));
    }
    // The sample corpus has the phrase from the academic observer P.C.
    CHECK(cell(model, 0, SearchResultsModel::SourceColumn).startsWith(QStringLiteral("PC")));
    CHECK(t.panel.pageLabel()->text().contains(QStringLiteral("of %1").arg(t.panel.totalHits())));

    // Every match range the panel reports for highlighting really is a word of the phrase.
    const auto ranges = t.panel.matchRanges();
    REQUIRE_FALSE(ranges.empty());
    for (const TextLocation& r : ranges) {
        const QString word = sourceSpan(r.sourceId, r.start, r.end).toLower();
        CHECK((word == QStringLiteral("world") || word == QStringLiteral("of") ||
               word == QStringLiteral("politics") || word == QStringLiteral("world of politics")));
    }
}

TEST_CASE("A query that cannot be read shows its error in the panel", "[search-panel]") {
    PanelUnderTest t;
    t.panel.runQuery(QStringLiteral("NHS AND"));
    CHECK_FALSE(t.panel.errorText().isEmpty());
    CHECK(t.panel.errorLabel()->isVisible());
    CHECK(t.panel.errorLabel()->text() == t.panel.errorText());
    CHECK(t.panel.errorText().contains(QStringLiteral("column")));
    CHECK(t.panel.resultsModel()->rowCount() == 0);
    CHECK_FALSE(t.panel.codeAllHitsButton()->isEnabled());

    // A good query clears the error again.
    t.panel.runQuery(QStringLiteral("NHS"));
    CHECK(t.panel.errorText().isEmpty());
    CHECK_FALSE(t.panel.errorLabel()->isVisible());
    CHECK(t.panel.resultsModel()->rowCount() > 0);
}

TEST_CASE("Query errors name what is missing and offer the nearest filter value", "[search-panel]") {
    PanelUnderTest t;
    const std::vector<std::pair<QString, QString>> cases = {
        {QStringLiteral("\"supply chain"), QStringLiteral("the quote opened here is never closed")},
        {QStringLiteral("(NHS OR Rover"), QStringLiteral("the '(' opened here is never closed")},
        {QStringLiteral("group:"), QStringLiteral("'group:' needs a value")},
        {QStringLiteral("NHS AND"), QStringLiteral("AND needs something after it")},
        {QStringLiteral("group:medcal"), QStringLiteral("(did you mean 'medical'?)")},
        {QStringLiteral("code:\"Fundng\""), QStringLiteral("(did you mean 'Funding'?)")},
    };
    for (const auto& [query, wanted] : cases) {
        INFO(query.toStdString());
        t.panel.runQuery(query);
        CHECK(t.panel.errorText().contains(wanted));
        CHECK_FALSE(t.panel.errorText().contains(QStringLiteral("something is missing")));
    }
}

TEST_CASE("A misspelt word offers a clickable suggestion that finds hits", "[search-panel]") {
    PanelUnderTest t;
    t.panel.runQuery(QStringLiteral("Marconni"));
    CHECK(t.panel.totalHits() == 0);
    REQUIRE_FALSE(t.panel.suggestion().isEmpty());
    CHECK(t.panel.suggestionLabel()->isVisible());
    CHECK(t.panel.suggestionLabel()->text().contains(t.panel.suggestion()));

    Q_EMIT t.panel.suggestionLabel()->linkActivated(QStringLiteral("suggestion"));
    CHECK(t.panel.queryEdit()->text().compare(QStringLiteral("marconi"), Qt::CaseInsensitive) == 0);
    CHECK(t.panel.totalHits() > 0);
    CHECK_FALSE(t.panel.suggestionLabel()->isVisible());
}

TEST_CASE("Double-clicking a participant facet adds its filter and narrows the results", "[search-panel]") {
    PanelUnderTest t;
    t.panel.runQuery(QStringLiteral("NHS"));
    const qint64 before = t.panel.totalHits();
    REQUIRE(before > 0);

    // The first participant facet row (row 0 is the "Participants" heading).
    const FacetListModel* facets = t.panel.facetModel();
    REQUIRE(facets->rowCount() > 1);
    CHECK(facets->filterAt(0).isEmpty());
    const QString filter = facets->filterAt(1);
    REQUIRE(filter.startsWith(QStringLiteral("participant:")));
    const int count = facets->data(facets->index(1, 0), FacetListModel::CountRole).toInt();
    const QString participant = filter.mid(QStringLiteral("participant:").size());

    QListView* view = t.panel.facetView();
    const QRect rect = view->visualRect(facets->index(1, 0));
    REQUIRE(rect.isValid());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());

    CHECK(t.panel.queryEdit()->text() == QStringLiteral("NHS ") + filter);
    CHECK(t.panel.currentQuery() == QStringLiteral("NHS ") + filter);
    CHECK(t.panel.totalHits() == count);
    CHECK(t.panel.totalHits() < before);
    const SearchResultsModel* model = t.panel.resultsModel();
    REQUIRE(model->rowCount() > 0);
    for (int row = 0; row < model->rowCount(); ++row)
        CHECK(cell(model, row, SearchResultsModel::ParticipantColumn) == participant);
}

TEST_CASE("A code facet adds a quoted code filter", "[search-panel]") {
    CHECK(FacetListModel::filterFor(QStringLiteral("code"),
                                    QStringLiteral("Political influence/Institutional conflict")) ==
          QStringLiteral("code:\"Political influence/Institutional conflict\""));
    CHECK(FacetListModel::filterFor(QStringLiteral("participant"), QStringLiteral("P.C")) ==
          QStringLiteral("participant:P.C"));

    PanelUnderTest t;
    t.panel.runQuery(QStringLiteral("consultation"));
    const FacetListModel* facets = t.panel.facetModel();
    int codeRow = -1;
    for (int row = 0; row < facets->rowCount() && codeRow < 0; ++row)
        if (facets->filterAt(row).startsWith(QStringLiteral("code:"))) codeRow = row;
    REQUIRE(codeRow >= 0);
    const qint64 before = t.panel.totalHits();
    Q_EMIT t.panel.facetView()->doubleClicked(facets->index(codeRow, 0));
    CHECK(t.panel.errorText().isEmpty());
    CHECK(t.panel.totalHits() > 0);
    CHECK(t.panel.totalHits() <= before);
}

TEST_CASE("The KWIC toggle shows aligned lines that contain the match", "[search-panel]") {
    PanelUnderTest t;
    t.panel.runQuery(QStringLiteral("NHS"));
    CHECK_FALSE(t.panel.kwicMode());
    CHECK(t.panel.resultsView()->isVisible());

    QTest::mouseClick(t.panel.kwicToggle(), Qt::LeftButton);
    CHECK(t.panel.kwicMode());
    CHECK(t.panel.kwicView()->isVisible());
    CHECK_FALSE(t.panel.resultsView()->isVisible());

    const KwicModel* kwic = t.panel.kwicModel();
    REQUIRE(kwic->rowCount() > 0);
    for (int row = 0; row < kwic->rowCount(); ++row) {
        // The match is the word or one of its forms (NHS's), exactly as the source has it.
        const QString match = cell(kwic, row, KwicModel::MatchColumn);
        CHECK(match.startsWith(QStringLiteral("NHS"), Qt::CaseInsensitive));
        const TextLocation location = kwic->locationAt(row);
        CHECK(sourceSpan(location.sourceId, location.start, location.end) == match);
        CHECK_FALSE((cell(kwic, row, KwicModel::LeftColumn).isEmpty() &&
                     cell(kwic, row, KwicModel::RightColumn).isEmpty()));
    }
    const auto leftAlignment =
        kwic->data(kwic->index(0, KwicModel::LeftColumn), Qt::TextAlignmentRole).value<Qt::Alignment>();
    CHECK((leftAlignment & Qt::AlignRight));

    // Activating a line goes to its match.
    QSignalSpy activated(&t.panel, &SearchPanel::hitActivated);
    t.panel.kwicView()->setCurrentIndex(kwic->index(0, KwicModel::MatchColumn));
    QTest::keyClick(t.panel.kwicView(), Qt::Key_Return);
    REQUIRE(activated.count() == 1);
    CHECK(activated.at(0).at(0).value<TextLocation>() == kwic->locationAt(0));

    QTest::mouseClick(t.panel.kwicToggle(), Qt::LeftButton);
    CHECK(t.panel.resultsView()->isVisible());
}

TEST_CASE("Activating a hit emits its match range", "[search-panel]") {
    PanelUnderTest t;
    t.panel.runQuery(QStringLiteral("Marconi"));
    const SearchResultsModel* model = t.panel.resultsModel();
    REQUIRE(model->rowCount() > 1);
    const SearchHit hit = *model->hitAt(1);
    REQUIRE_FALSE(hit.matches.empty());

    QSignalSpy activated(&t.panel, &SearchPanel::hitActivated);
    t.panel.resultsView()->setCurrentIndex(model->index(1, SearchResultsModel::SnippetColumn));
    QTest::keyClick(t.panel.resultsView(), Qt::Key_Return);
    REQUIRE(activated.count() == 1);
    const auto location = activated.at(0).at(0).value<TextLocation>();
    CHECK(location == TextLocation{hit.sourceId, hit.matches.front().first, hit.matches.front().second});
    CHECK(sourceSpan(location.sourceId, location.start, location.end)
              .compare(QStringLiteral("Marconi"), Qt::CaseInsensitive) == 0);

    // Rows drag out as the hit's passage.
    std::unique_ptr<QMimeData> mime(model->mimeData({model->index(1, 0)}));
    REQUIRE(mime);
    const auto dragged = TextRangeMime::read(mime.get());
    REQUIRE(dragged.has_value());
    CHECK(*dragged == TextLocation{hit.sourceId, hit.start, hit.end});
    CHECK(mime->text() == hit.text);
}

TEST_CASE("Code All Hits asks for the current query and the chosen scope", "[search-panel]") {
    PanelUnderTest t;
    QSignalSpy requested(&t.panel, &SearchPanel::codeAllHitsRequested);
    CHECK_FALSE(t.panel.codeAllHitsButton()->isEnabled());

    t.panel.runQuery(QStringLiteral("Marconi participant:I1"));
    REQUIRE(t.panel.totalHits() > 0);
    REQUIRE(t.panel.codeAllHitsButton()->isEnabled());
    t.panel.scopeCombo()->setCurrentIndex(t.panel.scopeCombo()->findText(QStringLiteral("Turn")));
    QTest::mouseClick(t.panel.codeAllHitsButton(), Qt::LeftButton);

    REQUIRE(requested.count() == 1);
    CHECK(requested.at(0).at(0).toString() == QStringLiteral("Marconi participant:I1"));
    CHECK(requested.at(0).at(1).toInt() == int(AutoCodeScope::Turn));
}

TEST_CASE("Paging and order move through all hits", "[search-panel]") {
    PanelUnderTest t;
    t.panel.runQuery(QStringLiteral("cluster"));
    const qint64 total = t.panel.totalHits();
    REQUIRE(total > 2 * SearchPanel::kPageSize);
    CHECK(t.panel.resultsModel()->rowCount() == SearchPanel::kPageSize);
    CHECK_FALSE(t.panel.previousPageButton()->isEnabled());
    CHECK(t.panel.pageLabel()->text() == QStringLiteral("1–20 of %1").arg(total));

    QSignalSpy changed(&t.panel, &SearchPanel::resultsChanged);
    QTest::mouseClick(t.panel.nextPageButton(), Qt::LeftButton);
    CHECK(changed.count() == 1);
    CHECK(t.panel.pageOffset() == SearchPanel::kPageSize);
    CHECK(t.panel.pageLabel()->text() == QStringLiteral("21–40 of %1").arg(total));
    CHECK(cell(t.panel.resultsModel(), 0, SearchResultsModel::RankColumn).toInt() == 21);
    CHECK(t.panel.previousPageButton()->isEnabled());

    // Changing the order starts again from the first page.
    t.panel.orderCombo()->setCurrentIndex(1);
    CHECK(t.panel.pageOffset() == 0);
    CHECK(t.panel.totalHits() == total);
    CHECK(cell(t.panel.resultsModel(), 0, SearchResultsModel::RankColumn).toInt() == 1);

    QTest::mouseClick(t.panel.nextPageButton(), Qt::LeftButton);
    QTest::mouseClick(t.panel.previousPageButton(), Qt::LeftButton);
    CHECK(t.panel.pageOffset() == 0);
}

TEST_CASE("Without an index the search panel is disabled", "[search-panel]") {
    PanelUnderTest t;
    t.panel.runQuery(QStringLiteral("NHS"));
    REQUIRE(t.panel.resultsModel()->rowCount() > 0);
    QSignalSpy changed(&t.panel, &SearchPanel::resultsChanged);
    t.panel.setSearchIndex(nullptr);
    CHECK_FALSE(t.panel.isEnabled());
    CHECK(t.panel.resultsModel()->rowCount() == 0);
    CHECK(t.panel.matchRanges().empty());
    CHECK(changed.count() == 1);
    CHECK(SearchPanel::cheatSheet().contains(QStringLiteral("participant:R8")));
    CHECK(t.panel.helpButton()->toolTip() == SearchPanel::cheatSheet());
}
