#pragma once

#include "Result.h"
#include "TextLocation.h"

#include <QObject>

class QWidget;

namespace warrant {

class EvidencePanel;
class Workbench;

// Runs audits for the evidence panel (on a worker thread, modal, cancellable, one undo step) and
// turns its link, unlink and stance requests into undoable commands.
class EvidenceController : public QObject {
    Q_OBJECT
public:
    EvidenceController(Workbench& workbench, EvidencePanel& panel, QWidget* dialogParent);

    // Audits the manuscript and shows the report; returns a line to tell the user.
    Result<QString> audit(qint64 manuscriptId);
    // Asks which claim, then links the range to it.
    void linkToClaim(const TextLocation& location);

Q_SIGNALS:
    void failed(const QString& message);

private:
    Workbench& m_workbench;
    EvidencePanel& m_panel;
    QWidget* m_dialogParent;
};

} // namespace warrant
