#include "CreateCodeCommand.h"

#include "Workbench.h"
#include "store/CodebookRepository.h"
#include "store/Project.h"

namespace warrant {

CreateCodeCommand::CreateCodeCommand(Workbench& workbench, qint64 parentId, const QString& name, QUndoCommand* parent)
    : QUndoCommand(QStringLiteral("New Code '%1'").arg(name), parent), m_workbench(workbench), m_parentId(parentId),
      m_name(name) {}

void CreateCodeCommand::redo() {
    Project* project = m_workbench.project();
    if (!project) return setObsolete(true);
    Code code;
    code.parentId = m_workbench.ids().resolve(UndoIdMap::Kind::Code, m_parentId);
    code.name = m_name;
    auto created = CodebookRepository(*project).create(code);
    if (!created) {
        m_workbench.reportFailure(created.errorMessage());
        return setObsolete(true);
    }
    if (m_id) m_workbench.ids().remap(UndoIdMap::Kind::Code, m_id, *created);
    m_id = *created;
}

void CreateCodeCommand::undo() {
    Project* project = m_workbench.project();
    if (!project || !m_id) return;
    auto removed = CodebookRepository(*project).remove(m_id, false);
    if (!removed) m_workbench.reportFailure(removed.errorMessage());
}

} // namespace warrant
