#include "ParticipantTableModel.h"

#include "store/ParticipantRepository.h"
#include "store/Project.h"

namespace warrant {

namespace {
constexpr int kCodeColumn = 0;
constexpr int kNameColumn = 1;
constexpr int kFirstAttributeColumn = 2;
} // namespace

ParticipantTableModel::ParticipantTableModel(QObject* parent) : QStandardItemModel(parent) {}

void ParticipantTableModel::rebuild(Project* project) {
    clear();
    QStringList headers = {QStringLiteral("Code"), QStringLiteral("Display name")};
    if (!project) {
        setHorizontalHeaderLabels(headers);
        return;
    }
    ParticipantRepository repository(*project);
    auto names = repository.attributeNames();
    auto participants = repository.list();
    if (!names || !participants) return;
    for (const QString& name : *names) headers << name;
    setHorizontalHeaderLabels(headers);
    for (const Participant& p : *participants) {
        QList<QStandardItem*> row;
        auto* code = new QStandardItem(p.code);
        code->setEditable(false);
        row << code << new QStandardItem(p.displayName);
        for (const QString& name : *names) row << new QStandardItem(p.attribute(name));
        appendRow(row);
    }
}

QString ParticipantTableModel::codeAt(int row) const { return item(row, kCodeColumn) ? item(row, kCodeColumn)->text() : QString(); }

bool ParticipantTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !index.isValid() || index.column() == kCodeColumn) return false;
    const QString text = value.toString().trimmed();
    if (text == index.data().toString()) return false;
    const QString code = codeAt(index.row());
    if (index.column() == kNameColumn)
        Q_EMIT displayNameEditRequested(code, text);
    else if (index.column() >= kFirstAttributeColumn)
        Q_EMIT attributeEditRequested(code, headerData(index.column(), Qt::Horizontal).toString(), text);
    return false; // the project decides; the table is rebuilt when the change is committed
}

} // namespace warrant
