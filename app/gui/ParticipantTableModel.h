#pragma once

#include "model/Participant.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

namespace warrant {

class Project;

// Participants as a table: Code, Display name, then one column per attribute name. Cells are
// editable, but the model never writes: an edit becomes a request signal, and the change shows
// once the main window has applied it and called reload().
class ParticipantTableModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { CodeColumn = 0, DisplayNameColumn = 1, FirstAttributeColumn = 2 };
    enum Role { CodeRole = Qt::UserRole + 1 }; // the row's participant code, in every column

    explicit ParticipantTableModel(QObject* parent = nullptr);

    void setProject(Project* project);
    void reload();

    QString codeAt(int row) const;
    int rowOfCode(const QString& code) const; // -1 when absent
    // The attribute shown in `column`, empty for Code and Display name.
    QString attributeAt(int column) const;
    QStringList attributeNames() const { return m_attributeNames; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // How an attribute's stored name is shown in a header: "organisation_type" → "Organisation type".
    static QString attributeLabel(const QString& name);
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // Emits the matching request for a changed value and returns false: nothing changed here yet.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

  Q_SIGNALS:
    // The user set participant `code`'s attribute `attribute` to `value` (empty clears it).
    void attributeEditRequested(const QString& code, const QString& attribute, const QString& value);
    // The user renamed participant `code`'s display name to `name`.
    void displayNameEditRequested(const QString& code, const QString& name);

  private:
    QString cellText(const Participant& participant, int column) const;

    Project* m_project = nullptr;
    std::vector<Participant> m_participants; // in natural code order
    QStringList m_attributeNames;
};

} // namespace warrant
