#include "SourcesPanel.h"

#include "SourceTreeModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace warrant {

namespace {

// Filters source rows by their search text, keeps the groups that still hold a match, and labels
// each group with the number of its sources the filter leaves visible.
class SourceFilterProxy : public QSortFilterProxyModel {
  public:
    explicit SourceFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
        setRecursiveFilteringEnabled(true);
        setFilterRole(SourceTreeModel::SearchTextRole);
        setFilterCaseSensitivity(Qt::CaseInsensitive);
    }

    QVariant data(const QModelIndex& index, int role) const override {
        if (role == Qt::DisplayRole && index.column() == SourceTreeModel::TitleColumn &&
            QSortFilterProxyModel::data(index, SourceTreeModel::IsGroupRole).toBool()) {
            const QString label =
                QSortFilterProxyModel::data(index, SourceTreeModel::GroupLabelRole).toString();
            return QStringLiteral("%1 (%2)").arg(label).arg(rowCount(index));
        }
        return QSortFilterProxyModel::data(index, role);
    }

    // Group labels depend on the filter; tell views to repaint them after it changes.
    void announceGroupLabels() {
        const int rows = rowCount();
        if (rows > 0) Q_EMIT dataChanged(index(0, 0), index(rows - 1, 0), {Qt::DisplayRole});
    }
};

} // namespace

SourcesPanel::SourcesPanel(QWidget* parent) : QWidget(parent) {
    m_model = new SourceTreeModel(this);
    m_proxy = new SourceFilterProxy(this);
    m_proxy->setSourceModel(m_model);

    m_groupBy = new QComboBox(this);
    m_groupBy->setObjectName(QStringLiteral("sourceGrouping"));
    m_groupBy->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* groupLabel = new QLabel(QStringLiteral("Group by"), this);
    groupLabel->setBuddy(m_groupBy);

    m_import = new QToolButton(this);
    m_import->setObjectName(QStringLiteral("importSourcesButton"));
    m_import->setText(QStringLiteral("Import…"));
    m_import->setToolTip(QStringLiteral("Import transcripts, documents or a manuscript"));
    m_import->setAutoRaise(true);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("sourceFilter"));
    m_filter->setPlaceholderText(QStringLiteral("Filter sources…"));
    m_filter->setClearButtonEnabled(true);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("sourceTree"));
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(SourceTreeModel::TitleColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(SourceTreeModel::SegmentsColumn, QHeaderView::ResizeToContents);

    auto* header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(groupLabel);
    header->addWidget(m_groupBy);
    header->addStretch();
    header->addWidget(m_import);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);

    connect(m_groupBy, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0 && !m_restoring) setGrouping(m_groupBy->itemData(i).toString());
    });
    connect(m_filter, &QLineEdit::textChanged, this, &SourcesPanel::applyFilter);
    connect(m_import, &QToolButton::clicked, this, &SourcesPanel::importRequested);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { onCurrentChanged(current); });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex& index) {
        if (const qint64 id = index.data(SourceTreeModel::SourceIdRole).toLongLong(); id > 0)
            Q_EMIT sourceActivated(id);
    });
    connect(m_view, &QTreeView::collapsed, this, [this](const QModelIndex& index) {
        if (!m_restoring) m_collapsed.insert(expansionKey(index));
    });
    connect(m_view, &QTreeView::expanded, this, [this](const QModelIndex& index) {
        if (!m_restoring) m_collapsed.remove(expansionKey(index));
    });
    fillGroupingBox();
}

void SourcesPanel::setProject(Project* project) {
    QScopedValueRollback guard(m_restoring, true);
    m_model->setProject(project);
    fillGroupingBox();
    restoreExpansion();
}

void SourcesPanel::reload() {
    const qint64 current = currentSourceId();
    QScopedValueRollback guard(m_restoring, true);
    m_model->reload();
    fillGroupingBox();
    restoreExpansion();
    selectSource(current);
}

void SourcesPanel::setGrouping(const QString& attributeOrKind) {
    const qint64 current = currentSourceId();
    QScopedValueRollback guard(m_restoring, true);
    m_model->setGrouping(attributeOrKind);
    m_groupBy->setCurrentIndex(m_groupBy->findData(m_model->grouping()));
    restoreExpansion();
    selectSource(current);
}

QString SourcesPanel::grouping() const {
    return m_model->grouping();
}

void SourcesPanel::setFilterText(const QString& text) {
    m_filter->setText(text);
}

void SourcesPanel::applyFilter(const QString& text) {
    const qint64 current = currentSourceId();
    QScopedValueRollback guard(m_restoring, true);
    m_proxy->setFilterFixedString(text);
    static_cast<SourceFilterProxy*>(m_proxy)->announceGroupLabels();
    restoreExpansion();
    // A hidden current source is left unselected rather than replaced by a neighbour.
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOfSource(current));
    if (index.isValid())
        m_view->setCurrentIndex(index);
    else
        m_view->selectionModel()->clear();
}

void SourcesPanel::selectSource(qint64 sourceId) {
    QScopedValueRollback guard(m_restoring, true);
    const QModelIndex source = m_model->indexOfSource(sourceId);
    if (!source.isValid()) {
        m_view->selectionModel()->clear();
        return;
    }
    if (!m_proxy->mapFromSource(source).isValid()) m_filter->clear();
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (index.parent().isValid()) m_view->expand(index.parent());
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

qint64 SourcesPanel::currentSourceId() const {
    return m_view->currentIndex().data(SourceTreeModel::SourceIdRole).toLongLong();
}

void SourcesPanel::onCurrentChanged(const QModelIndex& current) {
    if (m_restoring) return;
    if (const qint64 id = current.data(SourceTreeModel::SourceIdRole).toLongLong(); id > 0)
        Q_EMIT sourceActivated(id);
}

void SourcesPanel::fillGroupingBox() {
    QScopedValueRollback guard(m_restoring, true);
    m_groupBy->clear();
    m_groupBy->addItem(SourceTreeModel::kindGrouping(), SourceTreeModel::kindGrouping());
    m_groupBy->addItem(SourceTreeModel::noGrouping(), SourceTreeModel::noGrouping());
    for (const QString& name : m_model->attributeNames())
        m_groupBy->addItem(name, name);
    m_groupBy->setCurrentIndex(m_groupBy->findData(m_model->grouping()));
}

QString SourcesPanel::expansionKey(const QModelIndex& proxyIndex) const {
    return m_model->grouping() + QLatin1Char('/') +
           proxyIndex.data(SourceTreeModel::GroupLabelRole).toString();
}

void SourcesPanel::restoreExpansion() {
    QScopedValueRollback guard(m_restoring, true);
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(SourceTreeModel::IsGroupRole).toBool())
            m_view->setExpanded(index, !m_collapsed.contains(expansionKey(index)));
    }
}

} // namespace warrant
