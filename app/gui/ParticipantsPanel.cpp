#include "ParticipantsPanel.h"

#include "ParticipantTableModel.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace warrant {

ParticipantsPanel::ParticipantsPanel(QWidget* parent) : QWidget(parent), m_model(new ParticipantTableModel(this)) {
    setObjectName(QStringLiteral("participantsPanel"));
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("participantTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);

    auto* filter = new QLineEdit(this);
    filter->setPlaceholderText(QStringLiteral("Filter participants…"));
    filter->setClearButtonEnabled(true);
    auto* import = new QPushButton(QStringLiteral("Import CSV…"), this);
    import->setToolTip(QStringLiteral("A CSV with a 'code' column and one column per attribute (group, role…)"));
    auto* top = new QHBoxLayout;
    top->addWidget(filter, 1);
    top->addWidget(import);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(import, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, QStringLiteral("Import Participants"), QString(),
                                                          QStringLiteral("CSV files (*.csv)"));
        if (!path.isEmpty()) Q_EMIT csvImportRequested(path);
    });
    connect(m_model, &ParticipantTableModel::attributeEditRequested, this, &ParticipantsPanel::attributeEditRequested);
    connect(m_model, &ParticipantTableModel::displayNameEditRequested, this, &ParticipantsPanel::displayNameEditRequested);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (current.isValid()) Q_EMIT participantSelected(m_model->codeAt(m_proxy->mapToSource(current).row()));
    });
}

void ParticipantsPanel::setProject(Project* project) {
    m_project = project;
    reload();
}

void ParticipantsPanel::reload() {
    m_model->rebuild(m_project);
    m_view->resizeColumnsToContents();
}

} // namespace warrant
