#pragma once

#include <QUndoCommand>

namespace warrant {

class Workbench;

// Sets one participant attribute, or the display name when `attribute` is empty.
class EditParticipantCommand : public QUndoCommand {
public:
    EditParticipantCommand(Workbench& workbench, const QString& code, const QString& attribute, const QString& oldValue,
                           const QString& newValue);

    void redo() override;
    void undo() override;

private:
    void write(const QString& value);
    Workbench& m_workbench;
    QString m_code;
    QString m_attribute;
    QString m_oldValue;
    QString m_newValue;
};

} // namespace warrant
