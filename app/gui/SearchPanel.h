#pragma once

#include "TextLocation.h"

#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStackedWidget;
class QTableView;
class QToolButton;
class QTreeView;

namespace warrant {

class FacetListModel;
class KwicModel;
class Project;
class SearchIndex;
class SearchResultsModel;

// The search panel at the bottom of the workbench: a query line with inline help, ranked hits
// with bold matches (or keyword-in-context lines), paging, facet counts that narrow the query,
// and "Code All Hits…". It only reads the index; coding is requested through a signal.
class SearchPanel : public QWidget {
    Q_OBJECT
  public:
    static constexpr int kPageSize = 20;

    explicit SearchPanel(QWidget* parent = nullptr);
    ~SearchPanel() override;

    // The project whose index is searched; clears the results when it changes.
    void setProject(Project* project);
    // The open index of that project (owned by the caller); nullptr disables the panel.
    void setSearchIndex(SearchIndex* index);

    QString currentQuery() const { return m_query; }
    qint64 totalHits() const { return m_total; }
    int pageOffset() const { return m_offset; }
    // The last query's error ("column 7: …"), empty when it ran.
    QString errorText() const { return m_error; }
    // The "did you mean" query offered with the last results, if any.
    QString suggestion() const { return m_suggestion; }
    // Every matched word of the hits on the current page, for highlighting in the document view.
    std::vector<TextLocation> matchRanges() const;
    bool kwicMode() const;

    static QString cheatSheet();

    QLineEdit* queryEdit() const { return m_queryEdit; }
    QToolButton* helpButton() const { return m_helpButton; }
    QComboBox* orderCombo() const { return m_orderCombo; }
    QToolButton* kwicToggle() const { return m_kwicToggle; }
    QComboBox* scopeCombo() const { return m_scopeCombo; }
    QPushButton* codeAllHitsButton() const { return m_codeAllButton; }
    QLabel* errorLabel() const { return m_errorLabel; }
    QLabel* suggestionLabel() const { return m_suggestionLabel; }
    QLabel* pageLabel() const { return m_pageLabel; }
    QPushButton* previousPageButton() const { return m_previousButton; }
    QPushButton* nextPageButton() const { return m_nextButton; }
    QTreeView* resultsView() const { return m_resultsView; }
    QTableView* kwicView() const { return m_kwicView; }
    QListView* facetView() const { return m_facetView; }
    SearchResultsModel* resultsModel() const { return m_results; }
    KwicModel* kwicModel() const { return m_kwic; }
    FacetListModel* facetModel() const { return m_facets; }

  public Q_SLOTS:
    // Shows `query` in the line edit and runs it from the first page.
    void runQuery(const QString& query);
    // Runs the current query again on the current page (e.g. after codings changed).
    void refresh();
    void nextPage();
    void previousPage();
    // Appends a filter such as participant:R8 to the query and runs it.
    void addFilter(const QString& filter);
    // Replaces the query with the offered suggestion and runs it.
    void acceptSuggestion();
    void setKwicMode(bool on);
    // Asks for the hits of the current query to be coded (see codeAllHitsRequested).
    void requestCodeAllHits();

  Q_SIGNALS:
    // A hit or keyword-in-context line was activated (double-click or Enter): go to its match
    // (the first matched word of a hit; the passage when the query matched no words).
    void hitActivated(const warrant::TextLocation& location);
    // The hits shown changed (new query, page, order, or cleared): matchRanges() is new.
    void resultsChanged();
    // The user asks to code every hit of `query`; `scope` is an AutoCodeScope (Sentence,
    // Passage, Turn) as int. The receiver asks which code and runs the undoable command.
    void codeAllHitsRequested(const QString& query, int scope);

  private:
    void buildUi();
    void runPage(int offset);
    void clearResults();
    void showError(const QString& message);
    void updateControls();
    void showHelp();

    Project* m_project = nullptr;
    SearchIndex* m_index = nullptr;
    QString m_query;
    int m_offset = 0;
    qint64 m_total = 0;
    QString m_error;
    QString m_suggestion;

    SearchResultsModel* m_results = nullptr;
    KwicModel* m_kwic = nullptr;
    FacetListModel* m_facets = nullptr;

    QLineEdit* m_queryEdit = nullptr;
    QToolButton* m_helpButton = nullptr;
    QComboBox* m_orderCombo = nullptr;
    QToolButton* m_kwicToggle = nullptr;
    QComboBox* m_scopeCombo = nullptr;
    QPushButton* m_codeAllButton = nullptr;
    QLabel* m_errorLabel = nullptr;
    QLabel* m_suggestionLabel = nullptr;
    QLabel* m_pageLabel = nullptr;
    QPushButton* m_previousButton = nullptr;
    QPushButton* m_nextButton = nullptr;
    QStackedWidget* m_views = nullptr;
    QTreeView* m_resultsView = nullptr;
    QTableView* m_kwicView = nullptr;
    QListView* m_facetView = nullptr;
};

} // namespace warrant
