#pragma once

#include "TextLocation.h"
#include "trace/AuditReport.h"

#include <QAbstractTableModel>
#include <map>
#include <vector>

namespace warrant {

// The claims of one audit report, one row each: overall status (see ClaimStatus), section,
// claim text and who it cites. It holds the report's claims for the evidence panel, accepts
// dropped text ranges (TextRangeMime) onto a claim row and reports them; it changes nothing.
class ClaimListModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { StatusColumn, SectionColumn, ClaimColumn, CitationsColumn, ColumnCount };
    enum Role {
        ClaimIdRole = Qt::UserRole + 1, // qint64
        StatusRole,                     // QString, e.g. "verified", "altered"
        ProblemRole,                    // bool: the status is a problem (see ClaimStatus::isProblem)
    };

    explicit ClaimListModel(QObject* parent = nullptr);

    void setClaims(std::vector<AuditClaim> claims);
    const std::vector<AuditClaim>& claims() const { return m_claims; }
    const AuditClaim* claim(qint64 claimId) const;
    int rowOf(qint64 claimId) const; // -1 when absent
    // Replaces one claim's evidence (after links changed) and updates its row.
    void setEvidence(qint64 claimId, std::vector<AuditEvidence> evidence);

    int problemCount() const;
    std::map<QString, int> statusCounts() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    QStringList mimeTypes() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

  Q_SIGNALS:
    // A text range was dropped onto the row of `claimId`: the user wants it linked as evidence.
    void rangeDropped(qint64 claimId, const warrant::TextLocation& location);

  private:
    std::vector<AuditClaim> m_claims;
    std::vector<QString> m_status; // ClaimStatus::of, per row
};

} // namespace warrant
