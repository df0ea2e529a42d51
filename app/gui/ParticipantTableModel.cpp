#include "ParticipantTableModel.h"

#include "store/ParticipantRepository.h"
#include "store/Project.h"

#include <QCollator>
#include <algorithm>

namespace warrant {

ParticipantTableModel::ParticipantTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ParticipantTableModel::setProject(Project* project) {
    m_project = project;
    reload();
}

void ParticipantTableModel::reload() {
    beginResetModel();
    m_participants.clear();
    m_attributeNames.clear();
    if (m_project) {
        ParticipantRepository repo(*m_project);
        if (auto list = repo.list())
            m_participants = std::move(*list);
        else
            qWarning("Participants panel: %s", qPrintable(list.errorMessage()));
        if (auto names = repo.attributeNames())
            for (const QString& name : *names)
                m_attributeNames << name;
    }
    // Natural order ("R2" before "R10") until the user sorts by a column. Qt compares plainly in
    // the C locale, ignoring numeric mode; fall back to English there.
    QCollator collator(QLocale().language() == QLocale::C ? QLocale(QLocale::English) : QLocale());
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::stable_sort(
        m_participants.begin(), m_participants.end(),
        [&](const Participant& a, const Participant& b) { return collator.compare(a.code, b.code) < 0; });
    endResetModel();
}

QString ParticipantTableModel::codeAt(int row) const {
    if (row < 0 || row >= rowCount()) return {};
    return m_participants[size_t(row)].code;
}

int ParticipantTableModel::rowOfCode(const QString& code) const {
    for (int row = 0; row < rowCount(); ++row)
        if (m_participants[size_t(row)].code == code) return row;
    return -1;
}

QString ParticipantTableModel::attributeAt(int column) const {
    const int i = column - FirstAttributeColumn;
    return i >= 0 && i < m_attributeNames.size() ? m_attributeNames[i] : QString();
}

int ParticipantTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_participants.size());
}

int ParticipantTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : FirstAttributeColumn + int(m_attributeNames.size());
}

QString ParticipantTableModel::cellText(const Participant& participant, int column) const {
    if (column == CodeColumn) return participant.code;
    if (column == DisplayNameColumn) return participant.displayName;
    return participant.attribute(attributeAt(column));
}

QVariant ParticipantTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Participant& participant = m_participants[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return cellText(participant, index.column());
    case Qt::ToolTipRole: {
        // Long values (descriptions) are cut off in the cell; the tooltip shows them whole.
        const QString text = cellText(participant, index.column());
        return text.isEmpty() ? QVariant() : QVariant(text);
    }
    case CodeRole:
        return participant.code;
    default:
        return {};
    }
}

QVariant ParticipantTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical) return section + 1;
    if (section == CodeColumn) return QStringLiteral("Code");
    if (section == DisplayNameColumn) return QStringLiteral("Display name");
    return attributeLabel(attributeAt(section));
}

QString ParticipantTableModel::attributeLabel(const QString& name) {
    // "organisation_type" → "Organisation type": a label, the stored name stays as it is.
    QString label = name;
    label.replace(u'_', u' ');
    label = label.simplified();
    if (!label.isEmpty()) label[0] = label.at(0).toUpper();
    return label;
}

Qt::ItemFlags ParticipantTableModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    // The code identifies the participant in every citation; it is not renamed here.
    if (index.isValid() && index.column() != CodeColumn && m_project && !m_project->readOnly())
        f |= Qt::ItemIsEditable;
    return f;
}

bool ParticipantTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid)) return false;
    if (!(flags(index) & Qt::ItemIsEditable)) return false;
    const Participant& participant = m_participants[size_t(index.row())];
    const QString text = value.toString().trimmed();
    if (text == cellText(participant, index.column())) return false;
    if (index.column() == DisplayNameColumn)
        Q_EMIT displayNameEditRequested(participant.code, text);
    else
        Q_EMIT attributeEditRequested(participant.code, attributeAt(index.column()), text);
    return false;
}

} // namespace warrant
