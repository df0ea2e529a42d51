#pragma once

#include "AdoptVersionCommand.h"
#include "TextLocation.h"
#include "analysis/Disagreements.h"

#include <QHash>
#include <QWidget>

#include <vector>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QTextBrowser;

namespace warrant {

class Project;

// The passages where the compared coders coded one code differently (core's Disagreements::list):
// a list with each coder's version side by side, the selected passage as each coder marked it,
// a jump to it in the document and one "Adopt <coder>'s version" button per coder.
class DisagreementBrowser : public QWidget {
    Q_OBJECT
  public:
    explicit DisagreementBrowser(QWidget* parent = nullptr);

    void setProject(Project* project);
    // Lists these disagreements. Shown again for the same code (after one was resolved) the
    // selection stays at the same row, which is then the next passage to decide.
    void showDisagreements(qint64 codeId, const QString& codePath, std::vector<Disagreement> list);
    // Nothing to list, and why ("Select a code…").
    void clear(const QString& hint);

    const std::vector<Disagreement>& disagreements() const { return m_items; }
    int currentRow() const;
    void selectRow(int row);
    // The adopt request of the selected passage for one coder's version (codeId 0 when none).
    AdoptRequest adoptRequest(qint64 fromCoderId) const;

    QLabel* headingLabel() const { return m_heading; }
    QTableView* listView() const { return m_view; }
    QStandardItemModel* listModel() const { return m_model; }
    QTextBrowser* versionsView() const { return m_versions; }
    QPushButton* showButton() const { return m_show; }
    QPushButton* adoptButton(const QString& coder) const;

  Q_SIGNALS:
    void locationActivated(const warrant::TextLocation& location);
    void adoptRequested(const warrant::AdoptRequest& request);

  private:
    void buildUi();
    void fillList();
    void syncAdoptButtons();
    void showVersions(int row);
    void activate(int row);
    QString sourceText(qint64 sourceId);

    Project* m_project = nullptr;
    qint64 m_codeId = 0;
    QString m_codePath;
    std::vector<Disagreement> m_items;
    QHash<qint64, QString> m_texts; // source texts for the context of a passage

    QLabel* m_heading = nullptr;
    QTableView* m_view = nullptr;
    QStandardItemModel* m_model = nullptr;
    QTextBrowser* m_versions = nullptr;
    QPushButton* m_show = nullptr;
    QHBoxLayout* m_adoptRow = nullptr;
    std::vector<std::pair<qint64, QPushButton*>> m_adopt; // coder id → button
};

} // namespace warrant
