#include "ClaimListModel.h"

#include "ClaimStatus.h"
#include "TextRangeMime.h"
#include "VerdictBadge.h"

#include <QMimeData>

#include <QRegularExpression>

namespace warrant {

namespace {

constexpr int kClaimChars = 160; // the view elides further to its width; the tooltip has it all

// "R8, R11, Smith 2019": who the claim cites, once each.
QString citationSummary(const AuditClaim& claim) {
    QStringList names;
    for (const AuditCitation& c : claim.citations)
        names << c.participants << c.unknown << c.literature;
    names.removeDuplicates();
    return names.join(QStringLiteral(", "));
}

// A numbered section is known by its number ("5.2"); the tooltip and the detail give the title.
QString sectionLabel(const QString& section) {
    static const QRegularExpression numbered(QStringLiteral("^(\\d+(?:\\.\\d+)*)\\.?\\s"));
    const QRegularExpressionMatch m = numbered.match(section);
    return m.hasMatch() ? m.captured(1) : section;
}

} // namespace

ClaimListModel::ClaimListModel(QObject* parent) : QAbstractTableModel(parent) {}

void ClaimListModel::setClaims(std::vector<AuditClaim> claims) {
    beginResetModel();
    m_claims = std::move(claims);
    m_status.clear();
    for (const AuditClaim& c : m_claims)
        m_status.push_back(ClaimStatus::of(c));
    endResetModel();
}

const AuditClaim* ClaimListModel::claim(qint64 claimId) const {
    const int row = rowOf(claimId);
    return row < 0 ? nullptr : &m_claims[size_t(row)];
}

int ClaimListModel::rowOf(qint64 claimId) const {
    for (size_t i = 0; i < m_claims.size(); ++i)
        if (m_claims[i].id == claimId) return int(i);
    return -1;
}

void ClaimListModel::setEvidence(qint64 claimId, std::vector<AuditEvidence> evidence) {
    const int row = rowOf(claimId);
    if (row < 0) return;
    m_claims[size_t(row)].evidence = std::move(evidence);
    m_status[size_t(row)] = ClaimStatus::of(m_claims[size_t(row)]);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int ClaimListModel::problemCount() const {
    int n = 0;
    for (const QString& s : m_status)
        n += ClaimStatus::isProblemName(s) ? 1 : 0;
    return n;
}

std::map<QString, int> ClaimListModel::statusCounts() const {
    std::map<QString, int> counts;
    for (const QString& s : m_status)
        counts[s] += 1;
    return counts;
}

int ClaimListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_claims.size());
}

int ClaimListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClaimListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const AuditClaim& c = m_claims[size_t(index.row())];
    const QString& status = m_status[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StatusColumn:
            return status;
        case SectionColumn:
            return sectionLabel(c.section);
        case ClaimColumn:
            return c.text.simplified().left(kClaimChars);
        case CitationsColumn:
            return citationSummary(c);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn) return VerdictBadge::label(status);
        if (index.column() == CitationsColumn) return citationSummary(c);
        if (index.column() == SectionColumn) return c.section;
        return c.text.simplified();
    case ClaimIdRole:
        return c.id;
    case StatusRole:
        return status;
    case ProblemRole:
        return ClaimStatus::isProblemName(status);
    default:
        return {};
    }
}

QVariant ClaimListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case SectionColumn:
        return tr("Section");
    case ClaimColumn:
        return tr("Claim");
    case CitationsColumn:
        return tr("Cites");
    }
    return {};
}

Qt::ItemFlags ClaimListModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDropEnabled | Qt::ItemNeverHasChildren;
}

QStringList ClaimListModel::mimeTypes() const {
    return {QString::fromLatin1(TextRangeMime::kFormat)};
}

Qt::DropActions ClaimListModel::supportedDropActions() const {
    // Never Move: linking must not take the range away from where it was dragged.
    return Qt::CopyAction | Qt::LinkAction;
}

bool ClaimListModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                     const QModelIndex& parent) const {
    Q_UNUSED(column);
    // Only onto a claim row (parent is the row, row is -1), never between rows.
    if (row != -1 || !parent.isValid() || parent.row() >= rowCount()) return false;
    if (!(action & supportedDropActions())) return false;
    return TextRangeMime::read(data).has_value();
}

bool ClaimListModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                  const QModelIndex& parent) {
    if (!canDropMimeData(data, action, row, column, parent)) return false;
    const auto location = TextRangeMime::read(data);
    Q_EMIT rangeDropped(m_claims[size_t(parent.row())].id, *location);
    return true;
}

} // namespace warrant
