#pragma once

#include <QUndoCommand>

namespace warrant {

class Workbench;

// Moves a code (with its children) under another parent, or to the top level (0).
class MoveCodeCommand : public QUndoCommand {
public:
    MoveCodeCommand(Workbench& workbench, qint64 codeId, const QString& name, qint64 oldParentId, qint64 newParentId);

    void redo() override;
    void undo() override;

private:
    void moveTo(qint64 parentId);
    Workbench& m_workbench;
    qint64 m_codeId;
    qint64 m_oldParentId;
    qint64 m_newParentId;
};

} // namespace warrant
