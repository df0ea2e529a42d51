#pragma once

#include "model/Memo.h"

#include <QUndoCommand>

namespace warrant {

class Workbench;

// Writes a memo: a new one when `before.id` is 0 (undo deletes it), else new title and body.
class EditMemoCommand : public QUndoCommand {
public:
    EditMemoCommand(Workbench& workbench, const Memo& before, const QString& title, const QString& body);

    void redo() override;
    void undo() override;

private:
    Workbench& m_workbench;
    Memo m_before;
    QString m_title;
    QString m_body;
    qint64 m_createdId = 0;
};

} // namespace warrant
