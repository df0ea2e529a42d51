#pragma once

#include "AdoptVersionCommand.h"
#include "Result.h"
#include "TextLocation.h"
#include "analysis/AnalysisTable.h"
#include "store/CodingRepository.h"

#include <QWidget>

#include <vector>

class QTabWidget;

namespace warrant {

class AgreementView;
class AnalysisCharts;
class MatrixView;
class Project;
class QueryView;

// The Analysis panel: intercoder agreement with its disagreements, the code matrix, charts and
// code queries, one tab each. Every figure comes from core/analysis, the same functions the CLI prints; the
// panel only shows them and forwards requests (jump to a passage, adopt a coder's version).
class AnalysisPanel : public QWidget {
    Q_OBJECT
  public:
    explicit AnalysisPanel(QWidget* parent = nullptr);

    void setProject(Project* project);
    // After a committed change: the tab in view re-reads now, the others when next shown.
    void reload();
    // The panel came into view (its dock tab was raised): the tab shown catches up with changes.
    void catchUp();
    // Whether a view is on screen: a dock tabbed behind another is "visible" but shows nothing,
    // and the analyses are only worth computing for what is seen.
    static bool onScreen(const QWidget* widget);
    // Brings a tab to the front: "agreement", "matrix", "charts" or "query".
    bool showTab(const QString& name);

    QTabWidget* tabs() const { return m_tabs; }
    AgreementView* agreementView() const { return m_agreement; }
    MatrixView* matrixView() const { return m_matrix; }
    AnalysisCharts* chartsView() const { return m_charts; }
    QueryView* queryView() const { return m_query; }

    // A code as a table row names it: its own name, indented under its parent's (the full path is
    // the tooltip), so that narrow columns still show what a row is.
    static QString rowLabel(const QString& codePath);
    // Asks where to write a table (CSV or XLSX); empty when cancelled.
    static QString askTablePath(QWidget* parent, const QString& title, const QString& suggestedName);
    // Writes the tables through TableExport (a CSV holds the first only), then says so in `message`.
    static Result<QString> exportTables(const std::vector<AnalysisTable>& tables, const QString& path);

  Q_SIGNALS:
    void locationActivated(const warrant::TextLocation& location);
    void adoptRequested(const warrant::AdoptRequest& request);
    // The Query tab's Code All: the window asks for the code and codes them as one undo step.
    void codePassagesRequested(const std::vector<warrant::CodingRepository::Range>& passages, const QString& query);
    // One line for the status bar ("Exported the agreement table to agreement.xlsx.").
    void message(const QString& text);

  private:
    QTabWidget* m_tabs = nullptr;
    AgreementView* m_agreement = nullptr;
    MatrixView* m_matrix = nullptr;
    AnalysisCharts* m_charts = nullptr;
    QueryView* m_query = nullptr;
};

} // namespace warrant
