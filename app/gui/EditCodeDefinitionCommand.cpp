#include "EditCodeDefinitionCommand.h"

#include "Workbench.h"
#include "store/CodebookRepository.h"
#include "store/Project.h"

namespace warrant {

EditCodeDefinitionCommand::EditCodeDefinitionCommand(Workbench& workbench, const Code& before, const Code& after)
    : QUndoCommand(QStringLiteral("Edit Definition of '%1'").arg(before.name)), m_workbench(workbench),
      m_before(before), m_after(after) {}

void EditCodeDefinitionCommand::write(Code code) {
    Project* project = m_workbench.project();
    if (!project) return setObsolete(true);
    code.id = m_workbench.ids().resolve(UndoIdMap::Kind::Code, code.id);
    if (Status s = CodebookRepository(*project).updateDefinition(code); !s) {
        m_workbench.reportFailure(s.errorMessage());
        setObsolete(true);
    }
}

void EditCodeDefinitionCommand::redo() { write(m_after); }
void EditCodeDefinitionCommand::undo() { write(m_before); }

} // namespace warrant
