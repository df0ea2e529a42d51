#include "RetrievalModel.h"

#include "TextRangeMime.h"

#include <QMimeData>

namespace warrant {

RetrievalModel::RetrievalModel(QObject* parent) : QAbstractTableModel(parent) {}

void RetrievalModel::setSegments(std::vector<CodedSegment> segments) {
    beginResetModel();
    m_segments = std::move(segments);
    endResetModel();
}

const CodedSegment* RetrievalModel::segmentAt(int row) const {
    if (row < 0 || row >= int(m_segments.size())) return nullptr;
    return &m_segments[size_t(row)];
}

TextLocation RetrievalModel::locationAt(int row) const {
    const CodedSegment* s = segmentAt(row);
    return s ? TextLocation{s->sourceId, s->start, s->end} : TextLocation{};
}

int RetrievalModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_segments.size());
}

int RetrievalModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RetrievalModel::data(const QModelIndex& index, int role) const {
    const CodedSegment* s = index.isValid() ? segmentAt(index.row()) : nullptr;
    if (!s) return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CodeColumn:
            return s->codePath;
        case ParticipantColumn:
            return s->participantCode;
        case SourceColumn:
            return s->sourceTitle;
        case TurnColumn:
            return s->turnNumber > 0 ? QVariant(s->turnNumber) : QVariant();
        case TextColumn:
            return s->text.simplified(); // one line per row; the detail pane has it all
        case CoderColumn:
            return s->coder;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == TextColumn) return QStringLiteral("%1\n%2").arg(s->text, s->citation());
        return data(index, Qt::DisplayRole); // the whole value of a cell that may be elided
    case Qt::TextAlignmentRole:
        if (index.column() == TurnColumn) return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case LocationRole:
        return QVariant::fromValue(locationAt(index.row()));
    default:
        return {};
    }
}

QVariant RetrievalModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case CodeColumn:
        return tr("Code");
    case ParticipantColumn:
        return tr("Participant");
    case SourceColumn:
        return tr("Source");
    case TurnColumn:
        return tr("Turn");
    case TextColumn:
        return tr("Text");
    case CoderColumn:
        return tr("Coder");
    default:
        return {};
    }
}

Qt::ItemFlags RetrievalModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
}

QStringList RetrievalModel::mimeTypes() const {
    return {QString::fromLatin1(TextRangeMime::kFormat)};
}

QMimeData* RetrievalModel::mimeData(const QModelIndexList& indexes) const {
    for (const QModelIndex& index : indexes) {
        const CodedSegment* s = segmentAt(index.row());
        if (!s) continue;
        auto* mime = new QMimeData;
        mime->setText(s->text);
        TextRangeMime::write(*mime, locationAt(index.row()));
        return mime;
    }
    return nullptr;
}

} // namespace warrant
