#include "FacetListModel.h"

#include <QFont>
#include <QRegularExpression>

namespace warrant {

FacetListModel::FacetListModel(QObject* parent) : QAbstractListModel(parent) {}

void FacetListModel::setFacets(const SearchResults& results) {
    beginResetModel();
    m_rows.clear();
    appendKind(tr("Participants"), QStringLiteral("participant"), results.byParticipant);
    appendKind(tr("Groups"), QStringLiteral("group"), results.byGroup);
    appendKind(tr("Codes"), QStringLiteral("code"), results.byCode);
    endResetModel();
}

void FacetListModel::clear() {
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void FacetListModel::appendKind(const QString& heading, const QString& filterName,
                                const std::vector<FacetCount>& counts) {
    if (counts.empty()) return;
    m_rows.push_back({heading, {}, 0});
    for (const FacetCount& c : counts)
        m_rows.push_back({c.value, filterFor(filterName, c.value), c.count});
}

QString FacetListModel::filterFor(const QString& name, const QString& value) {
    static const QRegularExpression plainWord(QStringLiteral("^[\\w.]+$"));
    if (plainWord.match(value).hasMatch()) return name + u':' + value;
    QString quoted = value;
    quoted.remove(u'"'); // the query language has no escape inside quotes
    return name + QStringLiteral(":\"") + quoted + u'"';
}

QString FacetListModel::filterAt(int row) const {
    if (row < 0 || row >= int(m_rows.size())) return {};
    return m_rows[size_t(row)].filter;
}

int FacetListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant FacetListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_rows.size())) return {};
    const Row& row = m_rows[size_t(index.row())];
    const bool heading = row.filter.isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        return heading ? row.label : QStringLiteral("%1  (%2)").arg(row.label).arg(row.count);
    case Qt::ToolTipRole:
        // The whole label too: a narrow list elides long group or code names.
        return heading ? QVariant()
                       : tr("%1: %2 matches. Double-click to add %3 to the query")
                             .arg(row.label)
                             .arg(row.count)
                             .arg(row.filter);
    case Qt::FontRole:
        if (heading) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case FilterRole:
        return heading ? QVariant() : row.filter;
    case CountRole:
        return heading ? QVariant() : row.count;
    default:
        return {};
    }
}

Qt::ItemFlags FacetListModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    if (m_rows[size_t(index.row())].filter.isEmpty()) return Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace warrant
