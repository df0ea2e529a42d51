#include "MoveCodeCommand.h"

#include "Workbench.h"
#include "store/CodebookRepository.h"
#include "store/Project.h"

namespace warrant {

MoveCodeCommand::MoveCodeCommand(Workbench& workbench, qint64 codeId, const QString& name, qint64 oldParentId,
                                 qint64 newParentId)
    : QUndoCommand(QStringLiteral("Move Code '%1'").arg(name)), m_workbench(workbench), m_codeId(codeId),
      m_oldParentId(oldParentId), m_newParentId(newParentId) {}

void MoveCodeCommand::moveTo(qint64 parentId) {
    Project* project = m_workbench.project();
    if (!project) return setObsolete(true);
    UndoIdMap& ids = m_workbench.ids();
    const qint64 id = ids.resolve(UndoIdMap::Kind::Code, m_codeId);
    const qint64 parent = parentId ? ids.resolve(UndoIdMap::Kind::Code, parentId) : 0;
    if (Status s = CodebookRepository(*project).move(id, parent); !s) {
        m_workbench.reportFailure(s.errorMessage());
        setObsolete(true);
    }
}

void MoveCodeCommand::redo() { moveTo(m_newParentId); }
void MoveCodeCommand::undo() { moveTo(m_oldParentId); }

} // namespace warrant
