#pragma once

#include "TextLocation.h"
#include "trace/AuditReport.h"

#include <QWidget>
#include <map>
#include <utility>
#include <vector>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace warrant {

class ClaimDetailView;
class ClaimListModel;
class Project;

// The manuscript audit side of the workbench: pick a manuscript, ask for an audit, scan its
// claims by status, and look at one claim's quotations and evidence.
//
// The panel reads the project (the manuscript list, evidence links) but never writes to it and
// never runs an audit itself: the main window runs the audit in the background and hands over the
// report with setReport(), and turns every *Requested signal into an undoable command, then calls
// refreshLinks().
class EvidencePanel : public QWidget {
    Q_OBJECT
  public:
    explicit EvidencePanel(QWidget* parent = nullptr);
    ~EvidencePanel() override;

    // Lists the project's manuscripts and forgets any report; nullptr empties the panel. The
    // project must outlive the panel or be replaced first.
    void setProject(Project* project);
    // Shows an audit of the current manuscript (selecting it in the manuscript list when the
    // title matches). Keeps the current claim when the new report still has it.
    // First: select the first claim when none was selected (after an audit); KeepNone: select
    // nothing new (a stored report shown on open must not move the document view).
    enum class ClaimChoice { First, KeepNone };
    void setReport(const AuditReport& report, ClaimChoice choice = ClaimChoice::First);
    // Shows the current manuscript's last stored audit; false when it has none.
    bool showStoredReport();
    // While an audit runs: the audit button and manuscript choice are disabled, progress shows.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    // Re-reads every shown claim's evidence links from the project (after link, unlink or
    // stance changes), without auditing again.
    void refreshLinks();

    qint64 currentManuscriptId() const;
    qint64 currentClaimId() const;
    // Makes `claimId` the current claim (showing all claims if the filter hides it).
    void selectClaim(qint64 claimId);

    // Where the verified quotations of the report were found in `sourceId`, for highlighting.
    std::vector<TextLocation> quoteLocations(qint64 sourceId) const;
    // Every claim of the report as (id, short text), for a "Link to Claim…" picker.
    std::vector<std::pair<qint64, QString>> claimChoices() const;

    // The parts, for the main window's wiring and for tests.
    QComboBox* manuscriptCombo() const { return m_manuscripts; }
    QPushButton* auditButton() const { return m_audit; }
    QComboBox* filterCombo() const { return m_filter; }
    QLabel* countsLabel() const { return m_counts; }
    QTreeView* claimView() const { return m_claimView; }
    ClaimListModel* claimModel() const { return m_model; }
    ClaimDetailView* detailView() const { return m_detail; }

  Q_SIGNALS:
    // The user asked for `manuscriptId` to be audited (pressed Audit or chose another manuscript).
    void auditRequested(qint64 manuscriptId);
    // The current claim changed (0: none).
    void claimSelected(qint64 claimId);
    // The user wants to see this place of a source (a quotation's found place, an evidence row).
    void locationActivated(const warrant::TextLocation& location);
    // Link `location` to `claimId` as evidence with the stance named as in evidenceStanceName
    // (a dropped range: "supports"; an accepted suggestion: its stance).
    void linkRequested(qint64 claimId, const warrant::TextLocation& location, const QString& stanceName);
    // Remove evidence link `linkId`.
    void unlinkRequested(qint64 linkId);
    // Give evidence link `linkId` another stance (named as in evidenceStanceName).
    void stanceChangeRequested(qint64 linkId, const QString& stanceName);

  private:
    void reloadManuscripts();
    void rebuildFilter();
    void applyFilter();
    void updateCounts();
    void currentRowChanged();
    void requestAudit();

    Project* m_project = nullptr;
    bool m_busy = false;
    qint64 m_shownClaim = -1;
    QComboBox* m_manuscripts = nullptr;
    QPushButton* m_audit = nullptr;
    QProgressBar* m_progress = nullptr;
    QComboBox* m_filter = nullptr;
    QLabel* m_counts = nullptr;
    QTreeView* m_claimView = nullptr;
    ClaimListModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    ClaimDetailView* m_detail = nullptr;
    // The report's suggestions by claim: shown again when a link that covered one is removed.
    std::map<qint64, std::vector<AuditEvidence>> m_suggestions;
};

} // namespace warrant
