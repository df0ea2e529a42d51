#include "CodebookPanel.h"

#include "store/QuickCodeRepository.h"

#include "CodeDefinitionEditor.h"
#include "CodePickerDialog.h"
#include "CodebookModel.h"
#include "store/Project.h"

#include <QAction>
#include <QScrollArea>
#include <QColorDialog>
#include <QDropEvent>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace warrant {

CodebookPanel::CodebookPanel(QWidget* parent) : QWidget(parent) {
    m_model = new CodebookModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true); // a matching child keeps its ancestors visible
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(CodebookModel::NameColumn);
    m_proxy->setFilterRole(Qt::EditRole); // the bare name, without the "[n]" suffix

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("codebookFilter"));
    m_filter->setPlaceholderText(QStringLiteral("Filter codes…"));
    m_filter->setClearButtonEnabled(true);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("codebookView"));
    m_view->setModel(m_proxy);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_view->setDragDropMode(QAbstractItemView::DragDrop);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setDropIndicatorShown(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setUniformRowHeights(true);
    m_view->setTextElideMode(Qt::ElideRight); // the quick key leads, so it stays in view
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(CodebookModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(CodebookModel::SegmentsColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(CodebookModel::ParticipantsColumn, QHeaderView::ResizeToContents);
    m_view->viewport()->installEventFilter(this);

    auto* deleteAction = new QAction(QStringLiteral("Delete Code"), m_view);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteAction, &QAction::triggered, this, [this] { requestDelete(currentCodeId()); });
    m_view->addAction(deleteAction);

    m_editor = new CodeDefinitionEditor(this);

    auto* tree = new QWidget(this);
    auto* treeLayout = new QVBoxLayout(tree);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->addWidget(m_filter);
    treeLayout->addWidget(m_view);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(tree);
    // The definition editor scrolls rather than making the whole window tall: the tree keeps
    // its rows on a small screen.
    auto* editorScroll = new QScrollArea(this);
    editorScroll->setWidget(m_editor);
    editorScroll->setWidgetResizable(true);
    editorScroll->setFrameShape(QFrame::NoFrame);
    splitter->addWidget(editorScroll);
    splitter->setChildrenCollapsible(false);
    tree->setMinimumHeight(8 * m_view->fontMetrics().height() + m_filter->sizeHint().height());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({560, 340});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_filter, &QLineEdit::textChanged, this, &CodebookPanel::setFilterText);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CodebookPanel::onCurrentChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_reloading) Q_EMIT selectedCodesChanged();
    });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex& index) {
        if (const qint64 id = m_model->codeId(m_proxy->mapToSource(index))) Q_EMIT codeActivated(id);
    });
    connect(m_view, &QTreeView::customContextMenuRequested, this, &CodebookPanel::showContextMenu);

    connect(m_model, &CodebookModel::renameRequested, this, &CodebookPanel::renameRequested);
    connect(m_model, &CodebookModel::moveRequested, this, &CodebookPanel::moveRequested);
    connect(m_model, &CodebookModel::mergeRequested, this, &CodebookPanel::mergeRequested);
    connect(m_model, &CodebookModel::rangeDropped, this, &CodebookPanel::rangeDropped);
    connect(m_editor, &CodeDefinitionEditor::definitionEditRequested, this,
            &CodebookPanel::definitionEditRequested);
    connect(m_editor, &CodeDefinitionEditor::memoEditRequested, this, &CodebookPanel::memoEditRequested);
}

CodebookPanel::~CodebookPanel() = default;

void CodebookPanel::setProject(Project* project) {
    m_project = project;
    m_reloading = true;
    m_editor->setProject(project);
    m_model->setProject(project);
    m_view->expandAll();
    m_reloading = false;
    m_lastCurrent = 0;
    const bool writable = project && !project->readOnly();
    m_view->setDragDropMode(writable ? QAbstractItemView::DragDrop : QAbstractItemView::NoDragDrop);
    Q_EMIT currentCodeChanged(0);
}

void CodebookPanel::reload() {
    const std::set<qint64> expanded = expandedCodes();
    const qint64 current = currentCodeId();
    const std::vector<qint64> selected = selectedCodeIds();

    m_reloading = true;
    m_model->reload();
    expandCodes(expanded);
    QItemSelection selection;
    for (qint64 id : selected) {
        const QModelIndex index = viewIndexOf(id);
        if (index.isValid()) selection.select(index, index.siblingAtColumn(CodebookModel::ColumnCount - 1));
    }
    const QModelIndex currentIndex = viewIndexOf(current);
    if (currentIndex.isValid())
        m_view->selectionModel()->setCurrentIndex(currentIndex, QItemSelectionModel::NoUpdate);
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    m_reloading = false;

    // The definition may have changed even when the current code did not.
    m_editor->showCode(currentCodeId());
    if (currentCodeId() != m_lastCurrent) {
        m_lastCurrent = currentCodeId();
        Q_EMIT currentCodeChanged(m_lastCurrent);
    }
    if (selectedCodeIds() != selected) Q_EMIT selectedCodesChanged();
}

qint64 CodebookPanel::currentCodeId() const {
    return m_model->codeId(m_proxy->mapToSource(m_view->currentIndex()));
}

std::vector<qint64> CodebookPanel::selectedCodeIds() const {
    std::vector<qint64> ids;
    // Tree order rather than click order, so a request over several codes is predictable.
    const QModelIndexList rows = m_view->selectionModel()->selectedRows(CodebookModel::NameColumn);
    for (const Code& c : m_model->codes())
        for (const QModelIndex& row : rows)
            if (m_model->codeId(m_proxy->mapToSource(row)) == c.id) ids.push_back(c.id);
    return ids;
}

QModelIndex CodebookPanel::viewIndexOf(qint64 codeId) const {
    return m_proxy->mapFromSource(m_model->indexOf(codeId));
}

void CodebookPanel::selectCode(qint64 codeId) {
    if (!m_model->code(codeId)) return;
    if (!viewIndexOf(codeId).isValid()) m_filter->clear(); // hidden by the filter
    const QModelIndex index = viewIndexOf(codeId);
    if (!index.isValid()) return;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        m_view->expand(p);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void CodebookPanel::setFilterText(const QString& text) {
    if (m_filter->text() != text) {
        m_filter->setText(text); // re-enters through textChanged
        return;
    }
    const bool wasFiltered = !m_proxy->filterRegularExpression().pattern().isEmpty();
    const bool filtered = !text.trimmed().isEmpty();
    if (!wasFiltered && filtered) {
        m_expandedBeforeFilter = expandedCodes();
        m_currentBeforeFilter = currentCodeId();
    }
    // Clearing the filter returns to the code chosen before it, unless another was chosen since.
    const qint64 current = !filtered && currentCodeId() == 0 ? m_currentBeforeFilter : currentCodeId();
    // Filtering moves the view's current row to whatever matches; that is not the user's
    // choice, so the current code is kept when it still shows and dropped when it does not.
    m_reloading = true;
    m_proxy->setFilterFixedString(text.trimmed());
    if (filtered) m_view->expandAll(); // show where the matches are
    else {
        // The tree as it was before filtering (what the filter opened closes again).
        m_view->collapseAll();
        expandCodes(m_expandedBeforeFilter);
    }
    const QModelIndex keep = viewIndexOf(current);
    if (keep.isValid()) {
        m_view->selectionModel()->setCurrentIndex(keep, QItemSelectionModel::NoUpdate);
        m_view->scrollTo(keep);
    } else {
        m_view->selectionModel()->clearCurrentIndex();
    }
    m_reloading = false;
    onCurrentChanged();
}

std::vector<qint64> CodebookPanel::quickCodeIds() const {
    std::vector<qint64> ids;
    if (!m_project) return ids;
    auto keys = QuickCodeRepository(*m_project).keys(m_model->codes());
    if (!keys) return ids;
    for (const QuickCodeRepository::Key& k : *keys) ids.push_back(k.codeId);
    return ids;
}

void CodebookPanel::pinQuickCode(qint64 codeId) {
    if (m_project && m_model->code(codeId)) Q_EMIT pinRequested(codeId);
}

void CodebookPanel::unpinQuickCode(qint64 codeId) {
    if (m_project) Q_EMIT unpinRequested(codeId);
}

void CodebookPanel::createCode(qint64 parentId, const QString& name) {
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) return;
    Q_EMIT createRequested(parentId, trimmed);
}

void CodebookPanel::promptNewCode(qint64 parentId) {
    const Code* parent = m_model->code(parentId);
    const QString label = parent ? QStringLiteral("Name of the new code under “%1”:").arg(parent->name)
                                 : QStringLiteral("Name of the new top-level code:");
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, parent ? QStringLiteral("New Child Code") : QStringLiteral("New Code"),
                              label, QLineEdit::Normal, {}, &ok);
    if (ok) createCode(parent ? parentId : 0, name);
}

void CodebookPanel::startRename(qint64 codeId) {
    const QModelIndex index = viewIndexOf(codeId);
    if (!index.isValid()) return;
    m_view->setCurrentIndex(index);
    m_view->edit(index);
}

void CodebookPanel::promptMerge(qint64 fromId) {
    const Code* from = m_model->code(fromId);
    if (!from) return;
    // A code cannot be merged into itself or into its own subtree.
    std::vector<Code> targets;
    for (const Code& c : m_model->codes())
        if (!m_model->isWithin(c.id, fromId)) targets.push_back(c);
    CodePickerDialog picker(targets, this);
    picker.setWindowTitle(QStringLiteral("Merge “%1” Into…").arg(from->name));
    if (picker.exec() != QDialog::Accepted) return;
    const auto choice = picker.choice();
    if (choice && choice->codeId) Q_EMIT mergeRequested(fromId, choice->codeId);
}

void CodebookPanel::promptColour(qint64 codeId) {
    const Code* c = m_model->code(codeId);
    if (!c) return;
    const QColor chosen =
        QColorDialog::getColor(QColor(c->colour), this, QStringLiteral("Colour of “%1”").arg(c->name));
    if (!chosen.isValid() || chosen.name() == c->colour) return;
    Code updated = *c;
    updated.colour = chosen.name();
    Q_EMIT definitionEditRequested(updated);
}

void CodebookPanel::requestDelete(qint64 codeId) {
    if (m_model->code(codeId) && m_project && !m_project->readOnly()) Q_EMIT deleteRequested(codeId);
}

std::unique_ptr<QMenu> CodebookPanel::contextMenuFor(qint64 codeId) {
    auto menu = std::make_unique<QMenu>(this);
    const bool writable = m_project && !m_project->readOnly();
    const Code* c = m_model->code(codeId);
    auto add = [&](const QString& text, auto&& slot, bool enabled = true) {
        QAction* action = menu->addAction(text);
        action->setEnabled(enabled);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    add(
        QStringLiteral("New Code…"), [this] { promptNewCode(0); }, writable);
    if (!c) return menu;
    add(
        QStringLiteral("New Child Code…"), [this, codeId] { promptNewCode(codeId); }, writable);
    menu->addSeparator();
    add(
        QStringLiteral("Rename"), [this, codeId] { startRename(codeId); }, writable);
    add(
        QStringLiteral("Merge Into…"), [this, codeId] { promptMerge(codeId); }, writable);
    add(
        QStringLiteral("Colour…"), [this, codeId] { promptColour(codeId); }, writable);
    bool pinned = false, room = false;
    if (auto keys = QuickCodeRepository(*m_project).keys(m_model->codes())) {
        for (const QuickCodeRepository::Key& k : *keys) {
            pinned = pinned || (k.pinned && k.codeId == codeId);
            room = room || !k.pinned;
        }
    }
    if (pinned) {
        add(QStringLiteral("Unpin Quick Code"), [this, codeId] { unpinQuickCode(codeId); }, writable);
    } else {
        add(
            QStringLiteral("Pin as Quick Code"), [this, codeId] { pinQuickCode(codeId); }, writable && room);
    }
    menu->addSeparator();
    add(
        QStringLiteral("Delete"), [this, codeId] { requestDelete(codeId); }, writable);
    return menu;
}

void CodebookPanel::showContextMenu(const QPoint& pos) {
    const qint64 id = m_model->codeId(m_proxy->mapToSource(m_view->indexAt(pos)));
    if (!m_project) return;
    const std::unique_ptr<QMenu> menu = contextMenuFor(id);
    menu->exec(m_view->viewport()->mapToGlobal(pos));
}

void CodebookPanel::onCurrentChanged() {
    if (m_reloading) return;
    const qint64 id = currentCodeId();
    if (id == m_lastCurrent) return;
    m_lastCurrent = id;
    m_editor->showCode(id);
    Q_EMIT currentCodeChanged(id);
}

bool CodebookPanel::eventFilter(QObject* watched, QEvent* event) {
    // Shift while dropping a code on a code means "merge": the model reads that as LinkAction.
    if (watched == m_view->viewport() && event->type() == QEvent::Drop) {
        auto* drop = static_cast<QDropEvent*>(event);
        if (drop->modifiers().testFlag(Qt::ShiftModifier) &&
            drop->mimeData()->hasFormat(QString::fromLatin1(CodebookModel::kCodeIdsFormat)))
            drop->setDropAction(Qt::LinkAction);
    }
    return QWidget::eventFilter(watched, event);
}

std::set<qint64> CodebookPanel::expandedCodes() const {
    std::set<qint64> ids;
    for (const Code& c : m_model->codes()) {
        const QModelIndex index = viewIndexOf(c.id);
        if (index.isValid() && m_view->isExpanded(index)) ids.insert(c.id);
    }
    return ids;
}

void CodebookPanel::expandCodes(const std::set<qint64>& ids) {
    for (qint64 id : ids) {
        const QModelIndex index = viewIndexOf(id);
        if (index.isValid()) m_view->expand(index);
    }
}

} // namespace warrant
