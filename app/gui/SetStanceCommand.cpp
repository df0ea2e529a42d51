#include "SetStanceCommand.h"

#include "Workbench.h"
#include "store/ClaimRepository.h"
#include "store/Project.h"

namespace warrant {

SetStanceCommand::SetStanceCommand(Workbench& workbench, qint64 linkId, EvidenceStance before, EvidenceStance after)
    : QUndoCommand(QStringLiteral("Set Stance to '%1'").arg(evidenceStanceName(after))), m_workbench(workbench),
      m_linkId(linkId), m_before(before), m_after(after) {}

void SetStanceCommand::write(EvidenceStance stance) {
    Project* project = m_workbench.project();
    if (!project) return setObsolete(true);
    const qint64 id = m_workbench.ids().resolve(UndoIdMap::Kind::EvidenceLink, m_linkId);
    if (Status s = ClaimRepository(*project).setStance(id, stance); !s) {
        m_workbench.reportFailure(s.errorMessage());
        setObsolete(true);
    }
}

void SetStanceCommand::redo() { write(m_after); }
void SetStanceCommand::undo() { write(m_before); }

} // namespace warrant
