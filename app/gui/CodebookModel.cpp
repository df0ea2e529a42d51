#include "CodebookModel.h"

#include "store/QuickCodeRepository.h"
#include "TextRangeMime.h"
#include "ops/CodeCounts.h"
#include "store/CodebookRepository.h"
#include "store/Project.h"

#include <QColor>
#include <QMimeData>
#include <QStringList>

namespace warrant {

CodebookModel::CodebookModel(QObject* parent) : QAbstractItemModel(parent) {}

void CodebookModel::setProject(Project* project) {
    m_project = project;
    reload();
}

void CodebookModel::reload() {
    beginResetModel();
    m_codes.clear();
    m_nodes.clear();
    m_topLevel.clear();
    m_nodeById.clear();
    m_error.clear();
    if (m_project) {
        auto codes = CodebookRepository(*m_project).list();
        auto counts = CodeCounts::of(*m_project);
        if (!codes) {
            m_error = codes.errorMessage();
        } else {
            m_codes = std::move(*codes);
            if (!counts) m_error = counts.errorMessage();
            std::vector<qint64> quickIds;
            if (auto keys = QuickCodeRepository(*m_project).keys(m_codes))
                for (const QuickCodeRepository::Key& k : *keys) quickIds.push_back(k.codeId);
            m_nodes.reserve(m_codes.size());
            // list() is depth-first, so a parent's node always exists before its children.
            for (const Code& c : m_codes) {
                Node node;
                node.code = c;
                if (counts) {
                    node.segments = CodeCounts::get(counts->totalSegments, c.id);
                    node.participants = CodeCounts::get(counts->totalParticipants, c.id);
                }
                for (size_t i = 0; i < quickIds.size(); ++i)
                    if (quickIds[i] == c.id) node.quickNumber = int(i) + 1;
                const int self = int(m_nodes.size());
                const auto parentIt = m_nodeById.find(c.parentId);
                std::vector<int>& siblings =
                    parentIt == m_nodeById.end() ? m_topLevel : m_nodes[parentIt->second].children;
                node.parentNode = parentIt == m_nodeById.end() ? -1 : parentIt->second;
                node.row = int(siblings.size());
                siblings.push_back(self);
                m_nodes.push_back(std::move(node));
                m_nodeById[c.id] = self;
            }
        }
    }
    endResetModel();
}

const Code* CodebookModel::code(qint64 codeId) const {
    const auto it = m_nodeById.find(codeId);
    return it == m_nodeById.end() ? nullptr : &m_nodes[it->second].code;
}

QString CodebookModel::path(qint64 codeId) const {
    QStringList parts;
    for (auto it = m_nodeById.find(codeId); it != m_nodeById.end();) {
        const Node& node = m_nodes[it->second];
        parts.prepend(node.code.name);
        if (node.parentNode < 0) break;
        it = m_nodeById.find(m_nodes[node.parentNode].code.id);
    }
    return parts.join(u'/');
}

qint64 CodebookModel::codeId(const QModelIndex& index) const {
    const Node* node = nodeOf(index);
    return node ? node->code.id : 0;
}

QModelIndex CodebookModel::indexOf(qint64 codeId, int column) const {
    const auto it = m_nodeById.find(codeId);
    if (it == m_nodeById.end()) return {};
    return createIndex(m_nodes[it->second].row, column, quintptr(it->second));
}

bool CodebookModel::isWithin(qint64 codeId, qint64 ancestorId) const {
    for (auto it = m_nodeById.find(codeId); it != m_nodeById.end();) {
        const Node& node = m_nodes[it->second];
        if (node.code.id == ancestorId) return true;
        if (node.parentNode < 0) return false;
        it = m_nodeById.find(m_nodes[node.parentNode].code.id);
    }
    return false;
}

const CodebookModel::Node* CodebookModel::nodeOf(const QModelIndex& index) const {
    if (!index.isValid() || index.model() != this) return nullptr;
    const auto n = index.internalId();
    return n < m_nodes.size() ? &m_nodes[n] : nullptr;
}

QModelIndex CodebookModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount) return {};
    const Node* parentNode = nodeOf(parent);
    if (parent.isValid() && !parentNode) return {};
    const std::vector<int>& rows = parentNode ? parentNode->children : m_topLevel;
    if (row >= int(rows.size())) return {};
    return createIndex(row, column, quintptr(rows[row]));
}

QModelIndex CodebookModel::parent(const QModelIndex& child) const {
    const Node* node = nodeOf(child);
    if (!node || node->parentNode < 0) return {};
    return createIndex(m_nodes[node->parentNode].row, NameColumn, quintptr(node->parentNode));
}

int CodebookModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) return int(m_topLevel.size());
    if (parent.column() != NameColumn) return 0;
    const Node* node = nodeOf(parent);
    return node ? int(node->children.size()) : 0;
}

int CodebookModel::columnCount(const QModelIndex& parent) const {
    Q_UNUSED(parent);
    return ColumnCount;
}

QVariant CodebookModel::data(const QModelIndex& index, int role) const {
    const Node* node = nodeOf(index);
    if (!node) return {};
    const Code& c = node->code;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == SegmentsColumn) return node->segments;
        if (index.column() == ParticipantsColumn) return node->participants;
        // The quick key comes first so that eliding a long name never hides it.
        return node->quickNumber ? QStringLiteral("[%1]  %2").arg(node->quickNumber).arg(c.name) : c.name;
    case Qt::EditRole:
        if (index.column() == NameColumn) return c.name;
        return data(index, Qt::DisplayRole);
    case Qt::DecorationRole:
        if (index.column() == NameColumn && QColor::isValidColorName(c.colour)) return QColor(c.colour);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == NameColumn) return toolTip(*node);
        if (index.column() == SegmentsColumn) return QStringLiteral("%1 coded segments").arg(node->segments);
        if (index.column() == ParticipantsColumn)
            return QStringLiteral("%1 participants coded").arg(node->participants);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() != NameColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case CodeIdRole:
        return c.id;
    case CodePathRole:
        return path(c.id);
    case QuickNumberRole:
        return node->quickNumber;
    default:
        return {};
    }
}

QString CodebookModel::toolTip(const Node& node) {
    // The whole name (the tree may elide it), its quick key and its description.
    QString tip = node.code.name.toHtmlEscaped();
    if (node.quickNumber) tip += QStringLiteral(" — quick key %1").arg(node.quickNumber);
    if (!node.code.description.isEmpty())
        tip += QStringLiteral("<br><br>") + node.code.description.toHtmlEscaped();
    return QStringLiteral("<p>%1</p>").arg(tip);
}

QVariant CodebookModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    // Short headers leave the width to the code names; the tooltip says what they count.
    if (role == Qt::ToolTipRole) {
        if (section == SegmentsColumn) return QStringLiteral("Coded segments");
        if (section == ParticipantsColumn) return QStringLiteral("Participants coded");
        return {};
    }
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case NameColumn:
        return QStringLiteral("Code");
    case SegmentsColumn:
        return QStringLiteral("Seg.");
    case ParticipantsColumn:
        return QStringLiteral("Part.");
    default:
        return {};
    }
}

Qt::ItemFlags CodebookModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::ItemIsDropEnabled; // the empty area: move to top level
    Qt::ItemFlags f =
        Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
    if (index.column() == NameColumn && !(m_project && m_project->readOnly())) f |= Qt::ItemIsEditable;
    return f;
}

bool CodebookModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    const Node* node = nodeOf(index);
    if (!node || role != Qt::EditRole || index.column() != NameColumn) return false;
    const QString name = value.toString().trimmed();
    if (name.isEmpty() || name == node->code.name) return false;
    // The row keeps its old name until the command has run and reload() is called.
    Q_EMIT renameRequested(node->code.id, name);
    return true;
}

QStringList CodebookModel::mimeTypes() const {
    return {QString::fromLatin1(kCodeIdsFormat), QString::fromLatin1(TextRangeMime::kFormat)};
}

QMimeData* CodebookModel::mimeData(const QModelIndexList& indexes) const {
    QStringList ids;
    for (const QModelIndex& index : indexes) {
        const QString id = QString::number(codeId(index));
        if (codeId(index) && !ids.contains(id)) ids << id;
    }
    if (ids.isEmpty()) return nullptr;
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(kCodeIdsFormat), ids.join(u' ').toUtf8());
    QStringList paths;
    for (const QString& id : ids)
        paths << path(id.toLongLong());
    mime->setText(paths.join(u'\n'));
    return mime;
}

Qt::DropActions CodebookModel::supportedDragActions() const {
    return Qt::MoveAction | Qt::LinkAction;
}

Qt::DropActions CodebookModel::supportedDropActions() const {
    // Copy: text dragged from the document view arrives as a copy.
    return Qt::MoveAction | Qt::CopyAction | Qt::LinkAction;
}

std::vector<qint64> CodebookModel::draggedCodes(const QMimeData* data) const {
    std::vector<qint64> ids;
    if (!data || !data->hasFormat(QString::fromLatin1(kCodeIdsFormat))) return ids;
    const QStringList parts = QString::fromUtf8(data->data(QString::fromLatin1(kCodeIdsFormat))).split(u' ');
    for (const QString& part : parts)
        if (code(part.toLongLong())) ids.push_back(part.toLongLong());
    return ids;
}

qint64 CodebookModel::dropTarget(int row, const QModelIndex& parent) const {
    // On an item: parent is the item. Between rows: parent is the rows' parent, so the
    // dragged code becomes their sibling. Anywhere else: 0, the top level.
    Q_UNUSED(row);
    return codeId(parent.sibling(parent.row(), NameColumn));
}

bool CodebookModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                    const QModelIndex& parent) const {
    Q_UNUSED(action);
    Q_UNUSED(column);
    if (!data || (m_project && m_project->readOnly())) return false;
    const qint64 target = dropTarget(row, parent);
    if (data->hasFormat(QString::fromLatin1(TextRangeMime::kFormat)))
        return target != 0 && TextRangeMime::read(data).has_value();
    const std::vector<qint64> dragged = draggedCodes(data);
    if (dragged.empty()) return false;
    for (qint64 id : dragged)
        if (target && isWithin(target, id)) return false; // not into itself or its own subtree
    return true;
}

bool CodebookModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                 const QModelIndex& parent) {
    if (!canDropMimeData(data, action, row, column, parent)) return false;
    const qint64 target = dropTarget(row, parent);
    if (const auto range = TextRangeMime::read(data)) {
        Q_EMIT rangeDropped(*range, target);
        return true;
    }
    // The panel turns a Shift drop into a LinkAction, so the model needs no keyboard state.
    const bool merge = action == Qt::LinkAction;
    bool requested = false;
    for (qint64 id : draggedCodes(data)) {
        if (merge) {
            if (!target) continue; // nothing to merge into
            Q_EMIT mergeRequested(id, target);
            requested = true;
        } else if (code(id)->parentId != target) {
            Q_EMIT moveRequested(id, target);
            requested = true;
        }
    }
    return requested;
}

} // namespace warrant
