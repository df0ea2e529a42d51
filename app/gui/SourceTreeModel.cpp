#include "SourceTreeModel.h"

#include "ops/SourceCodingCounts.h"
#include "store/ParticipantRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"

#include <map>

namespace warrant {

const QString SourceTreeModel::kByKind = QStringLiteral("Kind");
const QString SourceTreeModel::kNoGrouping = QStringLiteral("None");

namespace {

QString kindHeading(SourceKind kind) {
    switch (kind) {
    case SourceKind::Transcript: return QStringLiteral("Transcripts");
    case SourceKind::Document: return QStringLiteral("Documents");
    case SourceKind::Manuscript: return QStringLiteral("Manuscripts");
    }
    return {};
}

} // namespace

SourceTreeModel::SourceTreeModel(QObject* parent) : QStandardItemModel(parent) {
    setHorizontalHeaderLabels({QStringLiteral("Source"), QStringLiteral("Codings")});
}

void SourceTreeModel::rebuild(Project* project, const QString& grouping) {
    removeRows(0, rowCount());
    if (!project) return;
    auto sources = SourceRepository(*project).list();
    auto participants = ParticipantRepository(*project).list();
    if (!sources || !participants) return;
    const auto codings = SourceCodingCounts::of(*project);
    std::map<qint64, const Participant*> byId;
    for (const Participant& p : *participants) byId[p.id] = &p;

    // Groups in a stable order: kinds in their natural order, attribute values alphabetically.
    std::map<QString, QList<QList<QStandardItem*>>> groups;
    std::map<QString, int> order;
    for (const Source& s : *sources) {
        const Participant* who = byId.count(s.participantId) ? byId[s.participantId] : nullptr;
        QString group;
        if (grouping == kByKind) {
            group = kindHeading(s.kind);
            order[group] = int(s.kind);
        } else if (grouping != kNoGrouping) {
            group = who ? who->attribute(grouping) : QString();
            if (group.isEmpty()) group = QStringLiteral("(none)");
        }
        auto* title = new QStandardItem(s.title);
        title->setEditable(false);
        title->setData(s.id, SourceIdRole);
        QString tip = QStringLiteral("%1 · %2").arg(sourceKindName(s.kind), s.originalName);
        QString search = s.title + u' ' + s.originalName;
        if (who) {
            search += u' ' + who->code;
            for (const ParticipantAttribute& a : who->attributes) {
                tip += QStringLiteral("\n%1: %2").arg(a.name, a.value);
                search += u' ' + a.value;
            }
        }
        title->setToolTip(tip);
        title->setData(search, SearchTextRole);
        const int count = codings ? (codings->count(s.id) ? codings->at(s.id) : 0) : 0;
        auto* codingCount = new QStandardItem(count ? QString::number(count) : QString());
        codingCount->setEditable(false);
        codingCount->setData(s.id, SourceIdRole);
        codingCount->setData(search, SearchTextRole);
        codingCount->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        groups[group].append(QList<QStandardItem*>{title, codingCount});
    }
    std::vector<std::pair<QString, QList<QList<QStandardItem*>>*>> ordered;
    for (auto& [name, rows] : groups) ordered.emplace_back(name, &rows);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [&](const auto& a, const auto& b) { return order[a.first] < order[b.first]; });
    for (auto& [name, rows] : ordered) {
        if (name.isEmpty()) { // no grouping: sources at the top level
            for (const auto& row : *rows) appendRow(row);
            continue;
        }
        auto* heading = new QStandardItem(QStringLiteral("%1 (%2)").arg(name).arg(rows->size()));
        heading->setEditable(false);
        heading->setSelectable(false);
        QFont bold = heading->font();
        bold.setBold(true);
        heading->setFont(bold);
        heading->setData(name, SearchTextRole);
        auto* empty = new QStandardItem;
        empty->setEditable(false);
        empty->setSelectable(false);
        for (const auto& row : *rows) heading->appendRow(row);
        appendRow({heading, empty});
    }
}

QModelIndex SourceTreeModel::indexOfSource(qint64 sourceId) const {
    const QModelIndexList found =
        match(index(0, 0), SourceIdRole, sourceId, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? QModelIndex() : found.front();
}

} // namespace warrant
