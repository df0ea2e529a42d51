#pragma once

#include "AdoptVersionCommand.h"
#include "Result.h"
#include "TextLocation.h"
#include "analysis/AnalysisSnapshot.h"
#include "analysis/IntercoderAgreement.h"

#include <QSet>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace warrant {

class DisagreementBrowser;
class Project;

// Intercoder agreement as core computes it (IntercoderAgreement::compute): the coders, unit and
// code to compare, a table of per-code figures with the pooled total and cu-alpha, and below it
// the disagreements of the selected code.
class AgreementView : public QWidget {
    Q_OBJECT
  public:
    enum Column { CodeColumn, BothColumn, FirstOnlyColumn, SecondOnlyColumn, NeitherColumn, PercentColumn,
                  KappaColumn, AlphaColumn, ColumnCount };
    enum Role {
        CodeIdRole = Qt::UserRole + 1, // on the code column: the code's id, 0 on the pooled row
        ValueRole,                     // the figure as computed; invalid when undefined
    };

    explicit AgreementView(QWidget* parent = nullptr);

    void setProject(Project* project);
    // The project changed: read it again now when in view, else when next shown.
    void reload();
    // Reads the project again if it changed while this was out of sight and it is in view now.
    void catchUp();
    // Reads the project and computes the figures again, keeping the choices that still apply.
    void refresh();

    AgreementRequest request() const;
    // Whom the tab compares until the user chooses: everyone who coded something, by name.
    static QStringList defaultCoders(const AnalysisSnapshot& snapshot);
    const std::optional<AgreementReport>& report() const { return m_report; }
    QString errorText() const { return m_error; }
    // Selects a code's row (and lists its disagreements); false when it has none.
    bool selectCode(qint64 codeId);
    qint64 selectedCodeId() const;
    // Checks exactly these coders (by name).
    void checkCoders(const QStringList& names);
    Status exportTo(const QString& path);

    QListWidget* coderList() const { return m_coders; }
    QComboBox* unitCombo() const { return m_unit; }
    QComboBox* codeCombo() const { return m_code; }
    QPushButton* exportButton() const { return m_export; }
    QTableView* figuresView() const { return m_table; }
    QStandardItemModel* figuresModel() const { return m_model; }
    QLabel* summaryLabel() const { return m_summary; }
    DisagreementBrowser* disagreements() const { return m_browser; }

  Q_SIGNALS:
    void locationActivated(const warrant::TextLocation& location);
    void adoptRequested(const warrant::AdoptRequest& request);
    // The coders, unit or code changed (the agreement chart follows them).
    void requestChanged(const warrant::AgreementRequest& request);
    void message(const QString& text);

  protected:
    void showEvent(QShowEvent* event) override;

  private:
    void buildUi();
    QLayout* buildControls();
    void fillCoders();
    void fillCodes();
    void recompute();
    void fillTable();
    void setHeaders();
    void showSummary();
    void showDisagreements();
    void chooseExportFile();

    Project* m_project = nullptr;
    std::optional<AnalysisSnapshot> m_snapshot;
    std::optional<AgreementReport> m_report;
    QString m_error;
    QStringList m_checked;       // coders chosen, kept across reloads
    bool m_codersChosen = false; // until the user chooses, everyone who coded is compared
    QString m_loadError;
    qint64 m_selectedCode = 0;
    bool m_stale = true;
    bool m_filling = false; // refilling the table is no choice of the user's

    QListWidget* m_coders = nullptr;
    QComboBox* m_unit = nullptr;
    QComboBox* m_code = nullptr;
    QPushButton* m_export = nullptr;
    QTableView* m_table = nullptr;
    QStandardItemModel* m_model = nullptr;
    QLabel* m_summary = nullptr;
    DisagreementBrowser* m_browser = nullptr;
};

} // namespace warrant
