#include "LinkEvidenceCommand.h"

#include "Workbench.h"
#include "store/ClaimRepository.h"
#include "store/Project.h"

namespace warrant {

LinkEvidenceCommand::LinkEvidenceCommand(Workbench& workbench, qint64 claimId, const TextLocation& location,
                                         EvidenceStance stance, const QString& origin, qint64 existingLinkId)
    : QUndoCommand(existingLinkId ? QStringLiteral("Unlink Evidence") : QStringLiteral("Link Evidence to Claim")),
      m_workbench(workbench), m_claimId(claimId), m_location(location), m_stance(stance), m_origin(origin),
      m_removes(existingLinkId != 0), m_linkId(existingLinkId) {}

void LinkEvidenceCommand::link() {
    Project* project = m_workbench.project();
    if (!project) return setObsolete(true);
    auto linked = ClaimRepository(*project).link(m_claimId, m_location.sourceId, m_location.start, m_location.end,
                                                 m_stance, m_origin);
    if (!linked) {
        m_workbench.reportFailure(linked.errorMessage());
        return setObsolete(true);
    }
    if (m_linkId) m_workbench.ids().remap(UndoIdMap::Kind::EvidenceLink, m_linkId, *linked);
    m_linkId = *linked;
}

void LinkEvidenceCommand::unlink() {
    Project* project = m_workbench.project();
    if (!project || !m_linkId) return setObsolete(true);
    const qint64 id = m_workbench.ids().resolve(UndoIdMap::Kind::EvidenceLink, m_linkId);
    if (Status s = ClaimRepository(*project).unlink(id); !s) {
        m_workbench.reportFailure(s.errorMessage());
        setObsolete(true);
    }
}

void LinkEvidenceCommand::redo() { m_removes ? unlink() : link(); }
void LinkEvidenceCommand::undo() { m_removes ? link() : unlink(); }

} // namespace warrant
