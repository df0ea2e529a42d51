#pragma once

#include "Result.h"
#include "TextLocation.h"

#include <QHash>
#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace warrant {

class Project;
class RetrievalModel;

// The retrieval panel: every segment coded with the chosen codes (and their subcodes), narrowed
// by participant, participant attribute and coder, with the surrounding turn of the selected
// segment and CSV export. It only reads the project.
class RetrievalPanel : public QWidget {
    Q_OBJECT
  public:
    explicit RetrievalPanel(QWidget* parent = nullptr);
    ~RetrievalPanel() override;

    void setProject(Project* project);
    // Shows the segments of these codes and all their descendants; empty shows nothing.
    void showCodes(const std::vector<qint64>& codeIds);
    const std::vector<qint64>& codeIds() const { return m_codeIds; }
    // Reads everything again (after codings, participants or the codebook changed), keeping
    // the chosen codes and filters where they still exist.
    void reload();
    // Writes the rows now shown (filters applied) as CSV.
    Status exportCsv(const QString& path) const;
    // The same, then a summary line (message) for the status bar: what the Export button does.
    Status exportTo(const QString& path);
    // The last read error, empty when the rows are current.
    QString errorText() const { return m_error; }

    QComboBox* participantCombo() const { return m_participantCombo; }
    QComboBox* attributeCombo() const { return m_attributeCombo; }
    QComboBox* valueCombo() const { return m_valueCombo; }
    QComboBox* coderCombo() const { return m_coderCombo; }
    QTableView* tableView() const { return m_table; }
    QTextBrowser* contextView() const { return m_context; }
    QPushButton* exportButton() const { return m_exportButton; }
    QLabel* summaryLabel() const { return m_summary; }
    RetrievalModel* model() const { return m_model; }

  Q_SIGNALS:
    // A segment was activated (double-click or Enter): show this range of its source.
    void locationActivated(const warrant::TextLocation& location);
    // One line for the status bar ("Exported 55 coded segments to segments.csv.").
    void message(const QString& text);

  private:
    void buildUi();
    void reloadFilters();
    void reloadValues();
    void reloadSegments();
    void showContext(int row);
    void chooseExportFile();
    void setError(const QString& message);
    QString sourceText(qint64 sourceId);

    Project* m_project = nullptr;
    std::vector<qint64> m_codeIds;     // as chosen
    std::vector<qint64> m_expandedIds; // with descendants
    QString m_error;
    QHash<qint64, QString> m_sourceTexts; // cache for the context pane

    RetrievalModel* m_model = nullptr;
    QComboBox* m_participantCombo = nullptr;
    QComboBox* m_attributeCombo = nullptr;
    QComboBox* m_valueCombo = nullptr;
    QComboBox* m_coderCombo = nullptr;
    QPushButton* m_exportButton = nullptr;
    QLabel* m_summary = nullptr;
    QTableView* m_table = nullptr;
    QTextBrowser* m_context = nullptr;
};

} // namespace warrant
