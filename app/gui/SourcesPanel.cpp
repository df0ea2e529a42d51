#include "SourcesPanel.h"

#include "SourceTreeModel.h"
#include "store/ParticipantRepository.h"
#include "store/Project.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace warrant {

SourcesPanel::SourcesPanel(QWidget* parent) : QWidget(parent), m_model(new SourceTreeModel(this)) {
    setObjectName(QStringLiteral("sourcesPanel"));
    m_grouping = new QComboBox(this);
    m_grouping->setToolTip(QStringLiteral("Group sources by kind or by a participant attribute"));
    auto* import = new QToolButton(this);
    import->setText(QStringLiteral("Import…"));
    import->setToolTip(QStringLiteral("Import transcripts, documents or a manuscript (or drop files on the window)"));
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(QStringLiteral("Filter sources…"));
    m_filter->setClearButtonEnabled(true);

    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterRole(SourceTreeModel::SearchTextRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("sourceTree"));
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(QStringLiteral("Group by"), this));
    top->addWidget(m_grouping, 1);
    top->addWidget(import);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);

    connect(import, &QToolButton::clicked, this, &SourcesPanel::importRequested);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text);
        m_view->expandAll();
    });
    connect(m_grouping, &QComboBox::currentTextChanged, this, [this] {
        if (!m_reloading) reload();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        if (m_reloading) return;
        if (const qint64 id = currentSourceId()) Q_EMIT sourceActivated(id);
    });
    connect(m_view, &QTreeView::activated, this, [this] {
        if (const qint64 id = currentSourceId()) Q_EMIT sourceActivated(id);
    });
    fillGroupings();
}

void SourcesPanel::setProject(Project* project) {
    m_project = project;
    fillGroupings();
    reload();
    // Start on the first source, so the window never opens on an empty page.
    if (project && !currentSourceId()) {
        const QModelIndex first = m_proxy->index(0, 0);
        const QModelIndex child = m_proxy->hasChildren(first) ? m_proxy->index(0, 0, first) : first;
        m_reloading = true;
        m_view->setCurrentIndex(child);
        m_reloading = false;
    }
}

void SourcesPanel::fillGroupings() {
    m_reloading = true;
    const QString current = grouping();
    m_grouping->clear();
    m_grouping->addItem(SourceTreeModel::kByKind);
    m_grouping->addItem(SourceTreeModel::kNoGrouping);
    if (m_project)
        if (auto names = ParticipantRepository(*m_project).attributeNames())
            for (const QString& name : *names) m_grouping->addItem(name);
    const int at = m_grouping->findText(current);
    m_grouping->setCurrentIndex(at >= 0 ? at : 0);
    m_reloading = false;
}

QString SourcesPanel::grouping() const {
    return m_grouping->currentText().isEmpty() ? SourceTreeModel::kByKind : m_grouping->currentText();
}

void SourcesPanel::setGrouping(const QString& grouping) {
    const int at = m_grouping->findText(grouping, Qt::MatchFixedString);
    if (at >= 0) m_grouping->setCurrentIndex(at); // reloads through currentTextChanged
}

void SourcesPanel::reload() {
    const qint64 current = currentSourceId();
    QStringList collapsed;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex group = m_proxy->index(row, 0);
        if (m_proxy->hasChildren(group) && !m_view->isExpanded(group)) collapsed << group.data(SourceTreeModel::SearchTextRole).toString();
    }
    m_reloading = true;
    m_model->rebuild(m_project, grouping());
    m_view->expandAll();
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex group = m_proxy->index(row, 0);
        if (collapsed.contains(group.data(SourceTreeModel::SearchTextRole).toString())) m_view->collapse(group);
    }
    if (current) selectSource(current);
    m_reloading = false;
}

void SourcesPanel::selectSource(qint64 sourceId) {
    const QModelIndex at = m_proxy->mapFromSource(m_model->indexOfSource(sourceId));
    if (!at.isValid() || at == m_view->currentIndex()) return;
    const bool wasReloading = m_reloading;
    m_reloading = true; // showing where we are is not a request to go there
    m_view->setCurrentIndex(at);
    m_view->scrollTo(at);
    m_reloading = wasReloading;
}

qint64 SourcesPanel::currentSourceId() const {
    return m_view->currentIndex().data(SourceTreeModel::SourceIdRole).toLongLong();
}

} // namespace warrant
