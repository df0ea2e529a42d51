#include "ParticipantsPanel.h"

#include "FrozenColumnTable.h"
#include "NaturalSortProxy.h"

#include "ParticipantTableModel.h"
#include "store/Project.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace warrant {

ParticipantsPanel::ParticipantsPanel(QWidget* parent) : QWidget(parent) {
    m_model = new ParticipantTableModel(this);
    m_proxy = new NaturalSortProxy(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_importCsv = new QPushButton(QStringLiteral("Import CSV…"), this);
    m_importCsv->setObjectName(QStringLiteral("importParticipantsButton"));
    m_importCsv->setToolTip(
        QStringLiteral("Add or update participants from a CSV file (code, then attribute columns)"));
    m_addAttribute = new QPushButton(QStringLiteral("Add Attribute…"), this);
    m_addAttribute->setObjectName(QStringLiteral("addAttributeButton"));

    // The Code column stays put while attribute columns scroll sideways.
    m_view = new FrozenColumnTable(this);
    m_view->setObjectName(QStringLiteral("participantTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // the model's natural code order until a header is clicked
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // One line per participant: long values (descriptions) are read in the tooltip.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setDefaultSectionSize(140);

    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_importCsv);
    buttons->addWidget(m_addAttribute);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    layout->addLayout(buttons);
    layout->addWidget(m_view);

    // Queued: the main window reloads in response, which must not reset the model while the
    // view is still committing the editor's value.
    connect(m_model, &ParticipantTableModel::attributeEditRequested, this,
            &ParticipantsPanel::attributeEditRequested, Qt::QueuedConnection);
    connect(m_model, &ParticipantTableModel::displayNameEditRequested, this,
            &ParticipantsPanel::displayNameEditRequested, Qt::QueuedConnection);
    connect(m_importCsv, &QPushButton::clicked, this, &ParticipantsPanel::chooseCsvFile);
    connect(m_addAttribute, &QPushButton::clicked, this, &ParticipantsPanel::askAttributeName);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (m_restoring) return;
                if (const QString code = current.data(ParticipantTableModel::CodeRole).toString();
                    !code.isEmpty())
                    Q_EMIT participantSelected(code);
            });
    setProject(nullptr);
}

void ParticipantsPanel::setProject(Project* project) {
    QScopedValueRollback guard(m_restoring, true);
    m_model->setProject(project);
    const bool writable = project && !project->readOnly();
    m_importCsv->setEnabled(writable);
    m_addAttribute->setEnabled(writable);
}

void ParticipantsPanel::reload() {
    const QString current = currentCode();
    QScopedValueRollback guard(m_restoring, true);
    m_model->reload();
    selectParticipant(current);
}

QString ParticipantsPanel::currentCode() const {
    return m_view->currentIndex().data(ParticipantTableModel::CodeRole).toString();
}

void ParticipantsPanel::selectParticipant(const QString& code) {
    const int row = m_model->rowOfCode(code);
    if (row < 0) return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, ParticipantTableModel::CodeColumn));
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

void ParticipantsPanel::chooseCsvFile() {
    const QString path = QFileDialog::getOpenFileName(this, QStringLiteral("Import Participants"), QString(),
                                                      QStringLiteral("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty()) Q_EMIT csvImportRequested(path);
}

void ParticipantsPanel::askAttributeName() {
    bool ok = false;
    const QString name = QInputDialog::getText(this, QStringLiteral("Add Attribute"),
                                               QStringLiteral("Attribute name (e.g. group, role, site):"),
                                               QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty()) return;
    for (const QString& existing : m_model->attributeNames()) {
        if (existing.compare(name, Qt::CaseInsensitive) == 0) {
            QMessageBox::information(
                this, QStringLiteral("Add Attribute"),
                QStringLiteral("Participants already have an attribute “%1”.").arg(existing));
            return;
        }
    }
    Q_EMIT attributeAddRequested(name);
}

} // namespace warrant
