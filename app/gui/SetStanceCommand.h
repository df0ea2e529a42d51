#pragma once

#include "trace/AuditReport.h"

#include <QUndoCommand>

namespace warrant {

class Workbench;

// Changes whether a piece of evidence supports, illustrates, qualifies or contradicts its claim.
class SetStanceCommand : public QUndoCommand {
public:
    SetStanceCommand(Workbench& workbench, qint64 linkId, EvidenceStance before, EvidenceStance after);

    void redo() override;
    void undo() override;

private:
    void write(EvidenceStance stance);
    Workbench& m_workbench;
    qint64 m_linkId;
    EvidenceStance m_before;
    EvidenceStance m_after;
};

} // namespace warrant
