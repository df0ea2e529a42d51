#include "RenameCodeCommand.h"

#include "Workbench.h"
#include "store/CodebookRepository.h"
#include "store/Project.h"

namespace warrant {

RenameCodeCommand::RenameCodeCommand(Workbench& workbench, qint64 codeId, const QString& oldName, const QString& newName)
    : QUndoCommand(QStringLiteral("Rename Code '%1' to '%2'").arg(oldName, newName)), m_workbench(workbench),
      m_codeId(codeId), m_oldName(oldName), m_newName(newName) {}

void RenameCodeCommand::rename(const QString& name) {
    Project* project = m_workbench.project();
    if (!project) return setObsolete(true);
    const qint64 id = m_workbench.ids().resolve(UndoIdMap::Kind::Code, m_codeId);
    if (Status s = CodebookRepository(*project).rename(id, name); !s) {
        m_workbench.reportFailure(s.errorMessage());
        setObsolete(true);
    }
}

void RenameCodeCommand::redo() { rename(m_newName); }
void RenameCodeCommand::undo() { rename(m_oldName); }

} // namespace warrant
