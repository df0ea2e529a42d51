#pragma once

#include "Result.h"
#include "TextLocation.h"
#include "analysis/AnalysisSnapshot.h"
#include "analysis/CodeMatrix.h"

#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QModelIndex;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace warrant {

class FrozenColumnTable;
class Project;
class RetrievalModel;

// The code matrix as core computes it (CodeMatrix::compute): codes down, participants, groups,
// coders, sources or any attribute across, each cell shaded by its count. Clicking a cell lists
// the segments behind it, with citations, in a retrieval table below.
class MatrixView : public QWidget {
    Q_OBJECT
  public:
    enum Role { ValueRole = Qt::UserRole + 1 }; // a cell's count as computed

    explicit MatrixView(QWidget* parent = nullptr);

    void setProject(Project* project);
    // The project changed: read it again now when in view, else when next shown.
    void reload();
    // Reads the project again if it changed while this was out of sight and it is in view now.
    void catchUp();
    void refresh();

    // Chooses the columns by kind ("participant", "coder", "source" or an attribute's name).
    bool setColumns(const QString& kind);
    void setCount(MatrixCount count);
    MatrixRequest request() const;
    // Code queries shown as rows under the codes (Query tab ▸ Add to Matrix), kept until the
    // project changes or they are removed.
    void addQueryRow(const QString& query);
    void removeQueryRows();
    QStringList queryRows() const { return m_queries; }
    // A query's passages as a matrix row, as `warrant-cli matrix --query` makes it.
    static Result<MatrixRow> queryRow(const QString& query, const AnalysisSnapshot& snapshot);
    const std::optional<CodeMatrixResult>& result() const { return m_result; }
    QString errorText() const { return m_error; }

    // The table's index of the result's cell (the first column holds the codes).
    QModelIndex cellIndex(int row, int column) const;
    // Lists the segments behind one cell of the result below the table.
    void showCell(int row, int column);
    Status exportTo(const QString& path);

    QComboBox* columnsCombo() const { return m_columns; }
    QComboBox* countCombo() const { return m_count; }
    QPushButton* exportButton() const { return m_export; }
    QPushButton* removeQueriesButton() const { return m_removeQueries; }
    QTableView* matrixTable() const;
    QStandardItemModel* matrixModel() const { return m_model; }
    QTableView* segmentsView() const { return m_segmentsView; }
    RetrievalModel* segmentsModel() const { return m_segments; }
    QLabel* cellLabel() const { return m_cellLabel; }

  Q_SIGNALS:
    void locationActivated(const warrant::TextLocation& location);
    void message(const QString& text);

  protected:
    void showEvent(QShowEvent* event) override;

  private:
    void buildUi();
    QLayout* buildControls();
    void fillColumnChoices();
    void recompute();
    Result<std::vector<MatrixRow>> matrixRows();
    void fillTable();
    void sizeColumns();
    void chooseExportFile();

    Project* m_project = nullptr;
    std::optional<AnalysisSnapshot> m_snapshot;
    std::optional<CodeMatrixResult> m_result;
    std::vector<std::vector<qint64>> m_rowCodes; // per row of the result: its code and those under it
    QString m_error;
    QStringList m_queries;
    size_t m_codeRows = 0; // the result's rows past these are the queries'
    bool m_stale = true;

    QComboBox* m_columns = nullptr;
    QComboBox* m_count = nullptr;
    QPushButton* m_export = nullptr;
    QPushButton* m_removeQueries = nullptr;
    FrozenColumnTable* m_table = nullptr;
    QStandardItemModel* m_model = nullptr;
    QLabel* m_cellLabel = nullptr;
    QTableView* m_segmentsView = nullptr;
    RetrievalModel* m_segments = nullptr;
};

} // namespace warrant
