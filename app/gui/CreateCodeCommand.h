#pragma once

#include <QUndoCommand>

namespace warrant {

class Workbench;

// Adds a code to the codebook; undo deletes it again (it has no codings yet by then).
class CreateCodeCommand : public QUndoCommand {
public:
    CreateCodeCommand(Workbench& workbench, qint64 parentId, const QString& name, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

    // The code's id as of the last redo (0 before).
    qint64 codeId() const { return m_id; }

private:
    Workbench& m_workbench;
    qint64 m_parentId;
    QString m_name;
    qint64 m_id = 0;
};

} // namespace warrant
