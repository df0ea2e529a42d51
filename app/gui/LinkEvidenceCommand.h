#pragma once

#include "TextLocation.h"
#include "trace/AuditReport.h"

#include <QUndoCommand>

namespace warrant {

class Workbench;

// Links a span of a source to a claim as evidence with a stance; with `unlink` the reverse:
// removes an existing link, and undo links it again.
class LinkEvidenceCommand : public QUndoCommand {
public:
    LinkEvidenceCommand(Workbench& workbench, qint64 claimId, const TextLocation& location, EvidenceStance stance,
                        const QString& origin, qint64 existingLinkId = 0);

    void redo() override;
    void undo() override;

private:
    void link();
    void unlink();
    Workbench& m_workbench;
    qint64 m_claimId;
    TextLocation m_location;
    EvidenceStance m_stance;
    QString m_origin;
    bool m_removes;
    qint64 m_linkId;
};

} // namespace warrant
