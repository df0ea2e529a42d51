#pragma once

#include <QStandardItemModel>

namespace warrant {

class Project;

// Participants as a table: code, display name, then one column per attribute. Edits are not
// written here: they come out as requests (the window turns them into undoable commands and
// the table is rebuilt from the project afterwards).
class ParticipantTableModel : public QStandardItemModel {
    Q_OBJECT
public:
    explicit ParticipantTableModel(QObject* parent = nullptr);

    void rebuild(Project* project);
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QString codeAt(int row) const;

Q_SIGNALS:
    void attributeEditRequested(const QString& code, const QString& attribute, const QString& value);
    void displayNameEditRequested(const QString& code, const QString& name);
};

} // namespace warrant
