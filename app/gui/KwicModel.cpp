#include "KwicModel.h"

#include "TextRangeMime.h"

#include <QFont>
#include <QFontDatabase>
#include <QMimeData>

namespace warrant {

namespace {
QString citationOf(const SearchHit& hit) {
    QStringList parts;
    if (hit.interviewer || hit.participantCode.isEmpty()) parts << hit.sourceTitle;
    if (hit.interviewer)
        parts << KwicModel::tr("interviewer");
    else if (!hit.participantCode.isEmpty())
        parts << hit.participantCode;
    if (hit.turnNumber > 0) parts << KwicModel::tr("turn %1").arg(hit.turnNumber);
    return parts.join(QStringLiteral(", "));
}
} // namespace

KwicModel::KwicModel(QObject* parent) : QAbstractTableModel(parent) {}

void KwicModel::setLines(std::vector<KwicLine> lines, const std::vector<SearchHit>& hits) {
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(lines.size());
    for (KwicLine& line : lines) {
        Row row{std::move(line), 0, {}};
        if (row.line.hitIndex >= 0 && size_t(row.line.hitIndex) < hits.size()) {
            const SearchHit& hit = hits[size_t(row.line.hitIndex)];
            row.sourceId = hit.sourceId;
            row.citation = citationOf(hit);
        }
        m_rows.push_back(std::move(row));
    }
    endResetModel();
}

void KwicModel::clear() {
    setLines({}, {});
}

TextLocation KwicModel::locationAt(int row) const {
    if (row < 0 || row >= int(m_rows.size())) return {};
    const Row& r = m_rows[size_t(row)];
    return {r.sourceId, r.line.start, r.line.end};
}

int KwicModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int KwicModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KwicModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_rows.size())) return {};
    const Row& row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LeftColumn:
            return row.line.left;
        case MatchColumn:
            return row.line.match;
        case RightColumn:
            return row.line.right;
        case CitationColumn:
            return row.citation;
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case LeftColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        case MatchColumn:
            return QVariant::fromValue(Qt::AlignHCenter | Qt::AlignVCenter);
        default:
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case Qt::FontRole: {
        if (index.column() == CitationColumn) return {};
        QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        font.setBold(index.column() == MatchColumn);
        return font;
    }
    case LocationRole:
        return QVariant::fromValue(locationAt(index.row()));
    default:
        return {};
    }
}

QVariant KwicModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case LeftColumn:
        return tr("Before");
    case MatchColumn:
        return tr("Match");
    case RightColumn:
        return tr("After");
    case CitationColumn:
        return tr("Where");
    default:
        return {};
    }
}

Qt::ItemFlags KwicModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
}

QStringList KwicModel::mimeTypes() const {
    return {QString::fromLatin1(TextRangeMime::kFormat)};
}

QMimeData* KwicModel::mimeData(const QModelIndexList& indexes) const {
    for (const QModelIndex& index : indexes) {
        const TextLocation location = locationAt(index.row());
        if (!location.isValid()) continue;
        auto* mime = new QMimeData;
        mime->setText(m_rows[size_t(index.row())].line.match);
        TextRangeMime::write(*mime, location);
        return mime;
    }
    return nullptr;
}

} // namespace warrant
