#pragma once

#include "Result.h"
#include "TextLocation.h"
#include "analysis/AnalysisSnapshot.h"
#include "analysis/CodeQuery.h"
#include "store/CodingRepository.h"

#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace warrant {

class Project;

// Code queries (docs/analysis.md) in the workbench: an expression, the passages core finds for it
// (CodeQuery::parse and run, described by describePassages), and what can be done with them: show
// one in its document, code them all, add the query as a matrix row, export the table. Coding and
// the matrix are asked for through signals; this view writes nothing.
class QueryView : public QWidget {
    Q_OBJECT
  public:
    enum Column { CitationColumn, SourceColumn, TextColumn, ColumnCount };
    enum Role { LocationRole = Qt::UserRole + 1 }; // TextLocation of a passage

    explicit QueryView(QWidget* parent = nullptr);

    void setProject(Project* project);
    // The project changed: the query that was run runs again now when in view, else when next shown.
    void reload();
    void catchUp();

    // Runs `text` (or the expression typed) against the project as it is now.
    void run(const QString& text);
    void run();

    QString queryText() const { return m_query; }
    const std::vector<QueryPassage>& passages() const { return m_passages; }
    const std::vector<QueryPassageRow>& passageRows() const { return m_rows; }
    QString errorText() const { return m_error; }
    TextLocation locationAt(int row) const;
    std::vector<CodingRepository::Range> passageRanges() const;
    Status exportTo(const QString& path);

    QLineEdit* expressionEdit() const { return m_expression; }
    QPushButton* runButton() const { return m_run; }
    QLabel* statusLabel() const { return m_status; }
    // The whole message (the label shows it elided where narrow).
    QString statusText() const { return m_statusText; }
    QTableView* passagesView() const { return m_view; }
    QStandardItemModel* passagesModel() const { return m_model; }
    QPushButton* showButton() const { return m_show; }
    QPushButton* codeAllButton() const { return m_codeAll; }
    QPushButton* addToMatrixButton() const { return m_addToMatrix; }
    QPushButton* exportButton() const { return m_export; }

  Q_SIGNALS:
    void locationActivated(const warrant::TextLocation& location);
    // Code every passage of `query`: the window asks for the code and pushes one undo step.
    void codeAllRequested(const std::vector<warrant::CodingRepository::Range>& passages, const QString& query);
    void addToMatrixRequested(const QString& query);
    void message(const QString& text);

  protected:
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    QLayout* buildQueryRow();
    QLayout* buildActions();
    void buildTable();
    void refresh();
    void loadSnapshot();
    void evaluateAndShow();
    Status evaluate();
    void fillTable();
    void showStatus(const QString& text, bool error);
    void elideStatus();
    void updateActions();
    void showCurrent();
    void chooseExportFile();

    Project* m_project = nullptr;
    std::optional<AnalysisSnapshot> m_snapshot;
    QString m_query; // the expression last run ("" before any)
    std::vector<QueryPassage> m_passages;
    std::vector<QueryPassageRow> m_rows;
    QString m_error;
    QString m_loadError;
    QString m_statusText;
    bool m_stale = true;

    QLineEdit* m_expression = nullptr;
    QPushButton* m_run = nullptr;
    QLabel* m_status = nullptr;
    QTableView* m_view = nullptr;
    QStandardItemModel* m_model = nullptr;
    QPushButton* m_show = nullptr;
    QPushButton* m_codeAll = nullptr;
    QPushButton* m_addToMatrix = nullptr;
    QPushButton* m_export = nullptr;
};

} // namespace warrant
