#pragma once

#include <QUndoCommand>

namespace warrant {

class Workbench;

class RenameCodeCommand : public QUndoCommand {
public:
    RenameCodeCommand(Workbench& workbench, qint64 codeId, const QString& oldName, const QString& newName);

    void redo() override;
    void undo() override;

private:
    void rename(const QString& name);
    Workbench& m_workbench;
    qint64 m_codeId;
    QString m_oldName;
    QString m_newName;
};

} // namespace warrant
