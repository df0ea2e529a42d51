#include "PinQuickCodeCommand.h"

#include "Workbench.h"
#include "store/Project.h"
#include "store/QuickCodeRepository.h"

namespace warrant {

PinQuickCodeCommand::PinQuickCodeCommand(Workbench& workbench, qint64 codeId, const QString& codeName, Action action)
    : QUndoCommand(action == Action::Pin ? QStringLiteral("Pin Quick Code '%1'").arg(codeName)
                                         : QStringLiteral("Unpin Quick Code '%1'").arg(codeName)),
      m_workbench(workbench), m_codeId(codeId), m_action(action) {}

void PinQuickCodeCommand::pin() {
    Project* project = m_workbench.project();
    if (!project) return setObsolete(true);
    const qint64 id = m_workbench.ids().resolve(UndoIdMap::Kind::Code, m_codeId);
    // Redo after undo puts the code back on the key it had, not on whichever is free now.
    Status s = m_key ? QuickCodeRepository(*project).pinTo(m_key, id) : Status();
    if (!m_key) {
        auto key = QuickCodeRepository(*project).pin(id);
        if (key) m_key = *key;
        else s = key.error();
    }
    if (!s) {
        m_workbench.reportFailure(s.errorMessage());
        setObsolete(true);
    }
}

void PinQuickCodeCommand::unpin() {
    Project* project = m_workbench.project();
    if (!project) return setObsolete(true);
    const qint64 id = m_workbench.ids().resolve(UndoIdMap::Kind::Code, m_codeId);
    auto key = QuickCodeRepository(*project).unpin(id);
    if (!key) {
        m_workbench.reportFailure(key.errorMessage());
        return setObsolete(true);
    }
    if (*key) m_key = *key;
}

void PinQuickCodeCommand::redo() { m_action == Action::Pin ? pin() : unpin(); }
void PinQuickCodeCommand::undo() { m_action == Action::Pin ? unpin() : pin(); }

} // namespace warrant
