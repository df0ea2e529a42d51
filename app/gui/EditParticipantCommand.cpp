#include "EditParticipantCommand.h"

#include "Workbench.h"
#include "store/ParticipantRepository.h"
#include "store/Project.h"

namespace warrant {

EditParticipantCommand::EditParticipantCommand(Workbench& workbench, const QString& code, const QString& attribute,
                                               const QString& oldValue, const QString& newValue)
    : QUndoCommand(attribute.isEmpty() ? QStringLiteral("Rename Participant %1").arg(code)
                                       : QStringLiteral("Set %1 of %2").arg(attribute, code)),
      m_workbench(workbench), m_code(code), m_attribute(attribute), m_oldValue(oldValue), m_newValue(newValue) {}

void EditParticipantCommand::write(const QString& value) {
    Project* project = m_workbench.project();
    if (!project) return setObsolete(true);
    ParticipantRepository participants(*project);
    const Status s = m_attribute.isEmpty() ? participants.setDisplayName(m_code, value)
                                           : participants.setAttribute(m_code, m_attribute, value);
    if (!s) {
        m_workbench.reportFailure(s.errorMessage());
        setObsolete(true);
    }
}

void EditParticipantCommand::redo() { write(m_newValue); }
void EditParticipantCommand::undo() { write(m_oldValue); }

} // namespace warrant
