#pragma once

#include <QUndoCommand>

namespace warrant {

class Workbench;

// Puts a code on a quick-code key, or takes it off; undo restores the key as it was.
class PinQuickCodeCommand : public QUndoCommand {
public:
    enum class Action { Pin, Unpin };
    PinQuickCodeCommand(Workbench& workbench, qint64 codeId, const QString& codeName, Action action);

    void redo() override;
    void undo() override;
    int key() const { return m_key; } // the key pinned to or freed, once done

private:
    void pin();
    void unpin();
    Workbench& m_workbench;
    qint64 m_codeId;
    Action m_action;
    int m_key = 0;
};

} // namespace warrant
