#include "SearchPanel.h"

#include "AutoCoder.h"
#include "FacetListModel.h"
#include "KwicModel.h"
#include "SearchIndex.h"
#include "SearchResultsModel.h"
#include "SnippetDelegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QToolTip>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

namespace warrant {

SearchPanel::SearchPanel(QWidget* parent) : QWidget(parent) {
    m_results = new SearchResultsModel(this);
    m_kwic = new KwicModel(this);
    m_facets = new FacetListModel(this);
    buildUi();
    setEnabled(false); // until an index is given
    updateControls();
}

SearchPanel::~SearchPanel() = default;

QString SearchPanel::cheatSheet() {
    return tr("<b>Search syntax</b><table>"
              "<tr><td><code>policy</code></td><td>the word and its forms</td></tr>"
              "<tr><td><code>=policies</code></td><td>exactly that word</td></tr>"
              "<tr><td><code>\"world of politics\"</code></td><td>a phrase</td></tr>"
              "<tr><td><code>NHS NEAR/10 procurement</code></td><td>within 10 words</td></tr>"
              "<tr><td><code>polic*</code></td><td>words starting with</td></tr>"
              "<tr><td><code>a OR b</code>, <code>a -b</code>, <code>( )</code></td><td>either, not, "
              "grouping</td></tr>"
              "<tr><td><code>participant:R8</code></td><td>one participant</td></tr>"
              "<tr><td><code>group:medical</code></td><td>any participant attribute</td></tr>"
              "<tr><td><code>code:\"Political influence\"</code></td><td>coded text (with subcodes)</td></tr>"
              "<tr><td><code>coder:NAME</code>, <code>source:R8</code>, <code>turn:12</code></td><td>coder, "
              "source, turn</td></tr>"
              "<tr><td><code>speaker:interviewer</code>, <code>kind:document</code></td><td>who speaks, kind "
              "of source</td></tr>"
              "</table>");
}

void SearchPanel::buildUi() {
    m_queryEdit = new QLineEdit(this);
    m_queryEdit->setPlaceholderText(tr("participant:R8 \"supply chain\" NEAR/5 code:Funding"));
    m_queryEdit->setClearButtonEnabled(true);
    connect(m_queryEdit, &QLineEdit::returnPressed, this, [this] { runQuery(m_queryEdit->text()); });

    m_helpButton = new QToolButton(this);
    m_helpButton->setText(QStringLiteral("?"));
    m_helpButton->setToolTip(cheatSheet());
    connect(m_helpButton, &QToolButton::clicked, this, &SearchPanel::showHelp);

    m_orderCombo = new QComboBox(this);
    m_orderCombo->addItem(tr("Relevance"), int(SearchOptions::Order::Relevance));
    m_orderCombo->addItem(tr("Document order"), int(SearchOptions::Order::Document));
    connect(m_orderCombo, &QComboBox::currentIndexChanged, this, [this] { runPage(0); });

    m_kwicToggle = new QToolButton(this);
    m_kwicToggle->setText(tr("KWIC"));
    m_kwicToggle->setToolTip(tr("Show keyword-in-context lines aligned on the match"));
    m_kwicToggle->setCheckable(true);
    connect(m_kwicToggle, &QToolButton::toggled, this, &SearchPanel::setKwicMode);

    m_scopeCombo = new QComboBox(this);
    m_scopeCombo->addItem(tr("Sentence"), int(AutoCodeScope::Sentence));
    m_scopeCombo->addItem(tr("Passage"), int(AutoCodeScope::Passage));
    m_scopeCombo->addItem(tr("Turn"), int(AutoCodeScope::Turn));
    m_scopeCombo->setToolTip(tr("How much text around each match Code All Hits codes"));

    m_codeAllButton = new QPushButton(tr("Code All Hits…"), this);
    connect(m_codeAllButton, &QPushButton::clicked, this, &SearchPanel::requestCodeAllHits);

    // The query has a row of its own, so a narrow panel never squeezes it to a few letters.
    auto* queryRow = new QHBoxLayout;
    queryRow->addWidget(m_queryEdit, 1);
    queryRow->addWidget(m_helpButton);
    auto* optionsRow = new QHBoxLayout;
    optionsRow->addWidget(m_orderCombo);
    optionsRow->addWidget(m_kwicToggle);
    optionsRow->addStretch(1);
    optionsRow->addWidget(m_scopeCombo);
    optionsRow->addWidget(m_codeAllButton);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();

    m_suggestionLabel = new QLabel(this);
    m_suggestionLabel->setTextFormat(Qt::RichText);
    m_suggestionLabel->hide();
    connect(m_suggestionLabel, &QLabel::linkActivated, this, &SearchPanel::acceptSuggestion);

    m_resultsView = new QTreeView(this);
    m_resultsView->setModel(m_results);
    m_resultsView->setRootIsDecorated(false);
    m_resultsView->setUniformRowHeights(true);
    m_resultsView->setAllColumnsShowFocus(true);
    m_resultsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_resultsView->setDragEnabled(true);
    m_resultsView->setDragDropMode(QAbstractItemView::DragOnly);
    m_resultsView->setItemDelegateForColumn(SearchResultsModel::SnippetColumn,
                                            new SnippetDelegate(SearchResultsModel::SnippetHtmlRole, this));
    m_resultsView->setTextElideMode(Qt::ElideMiddle);
    m_resultsView->header()->setStretchLastSection(true);
    // The snippet gets what the short columns leave: it is what the reader scans.
    for (const int column : {SearchResultsModel::RankColumn, SearchResultsModel::SourceColumn,
                             SearchResultsModel::ParticipantColumn, SearchResultsModel::TurnColumn})
        m_resultsView->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    connect(m_resultsView, &QTreeView::activated, this, [this](const QModelIndex& index) {
        if (const SearchHit* hit = m_results->hitAt(index.row()))
            Q_EMIT hitActivated(SearchResultsModel::matchLocation(*hit));
    });

    m_kwicView = new QTableView(this);
    m_kwicView->setModel(m_kwic);
    m_kwicView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_kwicView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_kwicView->setShowGrid(false);
    m_kwicView->setWordWrap(false);
    m_kwicView->verticalHeader()->hide();
    m_kwicView->setDragEnabled(true);
    m_kwicView->setDragDropMode(QAbstractItemView::DragOnly);
    m_kwicView->horizontalHeader()->setStretchLastSection(true);
    connect(m_kwicView, &QTableView::activated, this, [this](const QModelIndex& index) {
        const TextLocation location = m_kwic->locationAt(index.row());
        if (location.isValid()) Q_EMIT hitActivated(location);
    });

    m_views = new QStackedWidget(this);
    m_views->addWidget(m_resultsView);
    m_views->addWidget(m_kwicView);

    m_facetView = new QListView(this);
    m_facetView->setModel(m_facets);
    m_facetView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_facetView->setToolTip(
        tr("Matches by participant, group and code; double-click one to narrow the search"));
    connect(m_facetView, &QListView::doubleClicked, this, [this](const QModelIndex& index) {
        const QString filter = m_facets->filterAt(index.row());
        if (!filter.isEmpty()) addFilter(filter);
    });

    // Wide enough for a heading and a count; a longer value elides and has its tooltip.
    m_facetView->setTextElideMode(Qt::ElideMiddle);
    QFont headingFont = m_facetView->font();
    headingFont.setBold(true);
    const int labelWidth = std::max(QFontMetrics(headingFont).horizontalAdvance(QStringLiteral("Participants")),
                                    m_facetView->fontMetrics().horizontalAdvance(QStringLiteral("M.K.  (999)")));
    m_facetView->setMinimumWidth(labelWidth + m_facetView->verticalScrollBar()->sizeHint().width() + 16);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_views);
    splitter->addWidget(m_facetView);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);

    m_pageLabel = new QLabel(this);
    m_previousButton = new QPushButton(tr("Previous"), this);
    m_nextButton = new QPushButton(tr("Next"), this);
    connect(m_previousButton, &QPushButton::clicked, this, &SearchPanel::previousPage);
    connect(m_nextButton, &QPushButton::clicked, this, &SearchPanel::nextPage);
    auto* pageRow = new QHBoxLayout;
    pageRow->addWidget(m_pageLabel, 1);
    pageRow->addWidget(m_previousButton);
    pageRow->addWidget(m_nextButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(queryRow);
    layout->addLayout(optionsRow);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_suggestionLabel);
    layout->addWidget(splitter, 1);
    layout->addLayout(pageRow);
}

void SearchPanel::setProject(Project* project) {
    if (project == m_project) return;
    m_project = project;
    m_query.clear();
    m_queryEdit->clear();
    clearResults();
}

void SearchPanel::setSearchIndex(SearchIndex* index) {
    m_index = index;
    setEnabled(index != nullptr);
    if (!index)
        clearResults();
    else if (!m_query.isEmpty())
        runPage(0);
}

void SearchPanel::runQuery(const QString& query) {
    if (m_queryEdit->text() != query) m_queryEdit->setText(query);
    m_query = query.trimmed();
    runPage(0);
}

void SearchPanel::refresh() {
    runPage(m_offset);
}

void SearchPanel::nextPage() {
    if (m_offset + kPageSize < m_total) runPage(m_offset + kPageSize);
}

void SearchPanel::previousPage() {
    if (m_offset > 0) runPage(std::max(0, m_offset - kPageSize));
}

void SearchPanel::addFilter(const QString& filter) {
    const QString current = m_queryEdit->text().trimmed();
    runQuery(current.isEmpty() ? filter : current + u' ' + filter);
}

void SearchPanel::acceptSuggestion() {
    if (!m_suggestion.isEmpty()) runQuery(m_suggestion);
}

bool SearchPanel::kwicMode() const {
    return m_kwicToggle->isChecked();
}

void SearchPanel::setKwicMode(bool on) {
    if (m_kwicToggle->isChecked() != on) m_kwicToggle->setChecked(on); // re-enters through toggled
    m_views->setCurrentWidget(on ? static_cast<QWidget*>(m_kwicView) : m_resultsView);
}

void SearchPanel::requestCodeAllHits() {
    if (m_query.isEmpty() || !m_error.isEmpty() || m_total == 0) return;
    Q_EMIT codeAllHitsRequested(m_query, m_scopeCombo->currentData().toInt());
}

void SearchPanel::runPage(int offset) {
    if (!m_index || m_query.isEmpty()) {
        clearResults();
        return;
    }
    SearchOptions options;
    options.limit = kPageSize;
    options.offset = offset;
    options.order = SearchOptions::Order(m_orderCombo->currentData().toInt());
    auto results = m_index->search(m_query, options);
    if (!results) {
        clearResults();
        showError(results.errorMessage());
        return;
    }
    m_error.clear();
    m_errorLabel->hide();
    m_offset = offset;
    m_total = results->total;
    m_suggestion = results->suggestion;
    m_facets->setFacets(*results);
    m_kwic->setLines(std::move(results->kwic), results->hits);
    m_results->setHits(std::move(results->hits));
    m_resultsView->resizeColumnToContents(SearchResultsModel::RankColumn);
    m_resultsView->resizeColumnToContents(SearchResultsModel::SourceColumn);
    m_kwicView->resizeColumnsToContents();
    updateControls();
    Q_EMIT resultsChanged();
}

void SearchPanel::clearResults() {
    const bool hadResults = m_results->rowCount() > 0 || m_total > 0;
    m_offset = 0;
    m_total = 0;
    m_error.clear();
    m_suggestion.clear();
    m_errorLabel->hide();
    m_results->clear();
    m_kwic->clear();
    m_facets->clear();
    updateControls();
    if (hadResults) Q_EMIT resultsChanged();
}

void SearchPanel::showError(const QString& message) {
    m_error = message;
    m_errorLabel->setText(message);
    m_errorLabel->show();
    updateControls();
}

void SearchPanel::updateControls() {
    const int shown = m_results->rowCount();
    if (!m_error.isEmpty() || m_query.isEmpty())
        m_pageLabel->clear();
    else if (shown == 0)
        m_pageLabel->setText(tr("No matches"));
    else
        m_pageLabel->setText(tr("%1–%2 of %3").arg(m_offset + 1).arg(m_offset + shown).arg(m_total));
    m_previousButton->setEnabled(m_offset > 0);
    m_nextButton->setEnabled(m_offset + shown < m_total);
    m_codeAllButton->setEnabled(m_index && m_error.isEmpty() && m_total > 0);

    m_suggestionLabel->setVisible(!m_suggestion.isEmpty());
    if (!m_suggestion.isEmpty())
        m_suggestionLabel->setText(
            tr("Did you mean <a href=\"suggestion\">%1</a>?").arg(m_suggestion.toHtmlEscaped()));
}

void SearchPanel::showHelp() {
    QToolTip::showText(m_helpButton->mapToGlobal(QPoint(0, m_helpButton->height())), cheatSheet(),
                       m_helpButton);
}

std::vector<TextLocation> SearchPanel::matchRanges() const {
    std::vector<TextLocation> ranges;
    for (const SearchHit& hit : m_results->hits())
        for (const auto& [start, end] : hit.matches)
            ranges.push_back({hit.sourceId, start, end});
    return ranges;
}

} // namespace warrant
