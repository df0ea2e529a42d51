#include "SourceTreeModel.h"

#include "ops/SourceCodingCounts.h"
#include "store/ParticipantRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"

#include <QCollator>
#include <algorithm>
#include <map>
#include <set>

namespace warrant {

namespace {

// Numeric collation so "R2" sorts before "R10", as a researcher reads the codes.
QCollator naturalCollator() {
    // Qt compares plainly in the C locale, ignoring numeric mode; fall back to English there.
    QCollator collator(QLocale().language() == QLocale::C ? QLocale(QLocale::English) : QLocale());
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    return collator;
}

QString kindGroupLabel(SourceKind kind) {
    switch (kind) {
    case SourceKind::Transcript:
        return QStringLiteral("Transcripts");
    case SourceKind::Document:
        return QStringLiteral("Documents");
    case SourceKind::Manuscript:
        return QStringLiteral("Manuscripts");
    }
    return {};
}

} // namespace

QString SourceTreeModel::Entry::attribute(const QString& name) const {
    for (const auto& [key, value] : attributes)
        if (key.compare(name, Qt::CaseInsensitive) == 0) return value;
    return {};
}

SourceTreeModel::SourceTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

void SourceTreeModel::setProject(Project* project) {
    m_project = project;
    reload();
}

void SourceTreeModel::reload() {
    beginResetModel();
    readProject();
    m_grouping = resolveGrouping(m_grouping);
    regroup();
    endResetModel();
}

void SourceTreeModel::setGrouping(const QString& attributeOrKind) {
    const QString resolved = resolveGrouping(attributeOrKind);
    if (resolved == m_grouping) return;
    beginResetModel();
    m_grouping = resolved;
    regroup();
    endResetModel();
}

QString SourceTreeModel::resolveGrouping(const QString& requested) const {
    if (requested.compare(noGrouping(), Qt::CaseInsensitive) == 0) return noGrouping();
    for (const QString& name : m_attributeNames)
        if (name.compare(requested, Qt::CaseInsensitive) == 0) return name;
    return kindGrouping();
}

void SourceTreeModel::readProject() {
    m_entries.clear();
    m_attributeNames.clear();
    if (!m_project) return;

    auto sources = SourceRepository(*m_project).list();
    if (!sources) {
        qWarning("Sources panel: %s", qPrintable(sources.errorMessage()));
        return;
    }
    ParticipantRepository participantRepo(*m_project);
    std::map<qint64, Participant> participants;
    if (auto list = participantRepo.list())
        for (Participant& p : *list)
            participants.emplace(p.id, std::move(p));
    if (auto names = participantRepo.attributeNames())
        for (const QString& name : *names)
            m_attributeNames << name;

    // A segment coded several times (codes, coders) counts once.
    std::map<qint64, int> segmentsBySource;
    if (auto counts = SourceCodingCounts::of(*m_project)) segmentsBySource = std::move(*counts);

    for (const Source& source : *sources) {
        Entry entry;
        entry.id = source.id;
        entry.title = source.title;
        entry.kind = source.kind;
        entry.originalName = source.originalName;
        if (auto it = participants.find(source.participantId); it != participants.end()) {
            entry.participantCode = it->second.code;
            entry.participantName = it->second.displayName;
            for (const ParticipantAttribute& a : it->second.attributes)
                entry.attributes.emplace_back(a.name, a.value);
        }
        if (auto it = segmentsBySource.find(source.id); it != segmentsBySource.end())
            entry.codedSegments = it->second;
        m_entries.push_back(std::move(entry));
    }
    const QCollator collator = naturalCollator();
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [&](const Entry& a, const Entry& b) { return collator.compare(a.title, b.title) < 0; });
}

void SourceTreeModel::regroup() {
    m_groups.clear();
    m_flat = m_grouping == noGrouping();
    if (m_flat) return;

    if (m_grouping == kindGrouping()) {
        for (SourceKind kind : {SourceKind::Transcript, SourceKind::Document, SourceKind::Manuscript}) {
            Group group{kindGroupLabel(kind), {}};
            for (int i = 0; i < int(m_entries.size()); ++i)
                if (m_entries[size_t(i)].kind == kind) group.entries.push_back(i);
            if (!group.entries.empty()) m_groups.push_back(std::move(group));
        }
        return;
    }

    std::map<QString, Group> byValue; // keyed case-insensitively: "ICT" and "ict" are one group
    for (int i = 0; i < int(m_entries.size()); ++i) {
        QString value = m_entries[size_t(i)].attribute(m_grouping).trimmed();
        if (value.isEmpty()) value = noValueLabel();
        Group& group = byValue[value.toCaseFolded()];
        if (group.label.isEmpty()) group.label = value;
        group.entries.push_back(i);
    }
    for (auto& [key, group] : byValue)
        m_groups.push_back(std::move(group));
    const QCollator collator = naturalCollator();
    std::stable_sort(m_groups.begin(), m_groups.end(), [&](const Group& a, const Group& b) {
        const bool aNone = a.label == noValueLabel(), bNone = b.label == noValueLabel();
        if (aNone != bNone) return bNone; // "(none)" last
        return collator.compare(a.label, b.label) < 0;
    });
}

bool SourceTreeModel::isGroup(const QModelIndex& index) const {
    return index.isValid() && !m_flat && index.internalId() == 0;
}

const SourceTreeModel::Entry* SourceTreeModel::entryAt(const QModelIndex& index) const {
    if (!index.isValid() || isGroup(index)) return nullptr;
    if (m_flat) return &m_entries[size_t(index.row())];
    const Group& group = m_groups[size_t(index.internalId() - 1)];
    return &m_entries[size_t(group.entries[size_t(index.row())])];
}

QModelIndex SourceTreeModel::indexOfSource(qint64 sourceId) const {
    if (m_flat) {
        for (int i = 0; i < int(m_entries.size()); ++i)
            if (m_entries[size_t(i)].id == sourceId) return createIndex(i, 0, quintptr(0));
        return {};
    }
    for (size_t g = 0; g < m_groups.size(); ++g) {
        const auto& entries = m_groups[g].entries;
        for (size_t r = 0; r < entries.size(); ++r)
            if (m_entries[size_t(entries[r])].id == sourceId) return createIndex(int(r), 0, quintptr(g + 1));
    }
    return {};
}

// Internal id: 0 for top-level rows (groups, or sources when flat); group number + 1 for sources
// inside a group, so parent() needs no lookup.
QModelIndex SourceTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent)) return {};
    if (!parent.isValid()) return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex SourceTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || m_flat || child.internalId() == 0) return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int SourceTreeModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) return m_flat ? int(m_entries.size()) : int(m_groups.size());
    if (parent.column() != 0 || !isGroup(parent)) return 0;
    return int(m_groups[size_t(parent.row())].entries.size());
}

int SourceTreeModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant SourceTreeModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    if (isGroup(index)) {
        const Group& group = m_groups[size_t(index.row())];
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == TitleColumn)
                return QStringLiteral("%1 (%2)").arg(group.label).arg(group.entries.size());
            return {};
        case GroupLabelRole:
            return group.label;
        case IsGroupRole:
            return true;
        case SourceIdRole:
            return qint64(0);
        case SearchTextRole:
            return QString();
        default:
            return {};
        }
    }
    const Entry* entry = entryAt(index);
    return entry ? entryData(*entry, index.column(), role) : QVariant();
}

QVariant SourceTreeModel::entryData(const Entry& entry, int column, int role) const {
    switch (role) {
    case Qt::DisplayRole:
        if (column == SegmentsColumn) return entry.codedSegments;
        // The participant code only when the title does not already say it ("R8").
        if (!entry.participantCode.isEmpty() &&
            entry.title.compare(entry.participantCode, Qt::CaseInsensitive) != 0)
            return QStringLiteral("%1  ·  %2").arg(entry.title, entry.participantCode);
        return entry.title;
    case Qt::ToolTipRole:
        return toolTip(entry);
    case Qt::TextAlignmentRole:
        if (column == SegmentsColumn) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SourceIdRole:
        return entry.id;
    case IsGroupRole:
        return false;
    case ParticipantCodeRole:
        return entry.participantCode;
    case SearchTextRole: {
        QStringList parts{entry.title, entry.participantCode, entry.participantName};
        for (const auto& attribute : entry.attributes)
            parts << attribute.second;
        return parts.join(QLatin1Char('\n'));
    }
    default:
        return {};
    }
}

QString SourceTreeModel::toolTip(const Entry& entry) const {
    // Rich text so long attribute values (descriptions) wrap instead of widening the tooltip.
    QString html =
        QStringLiteral("<b>%1</b><br>%2 · %3")
            .arg(entry.title.toHtmlEscaped(), sourceKindName(entry.kind), entry.originalName.toHtmlEscaped());
    if (!entry.participantCode.isEmpty()) {
        html += QStringLiteral("<br>Participant %1").arg(entry.participantCode.toHtmlEscaped());
        if (!entry.participantName.isEmpty())
            html += QStringLiteral(" (%1)").arg(entry.participantName.toHtmlEscaped());
        for (const auto& [name, value] : entry.attributes)
            html += QStringLiteral("<br><i>%1</i>: %2").arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    }
    html += QStringLiteral("<br>%1 coded segments").arg(entry.codedSegments);
    return html;
}

QVariant SourceTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    if (section == TitleColumn) return QStringLiteral("Source");
    if (section == SegmentsColumn) return QStringLiteral("Coded");
    return {};
}

} // namespace warrant
