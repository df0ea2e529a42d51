#pragma once

#include "store/ChangeNotice.h"
#include "store/ProjectSnapshot.h"

#include <QTemporaryDir>
#include <QUndoCommand>

#include <functional>
#include <memory>
#include <optional>

namespace warrant {

class Workbench;

// For sweeping edits (merging or deleting codes, imports, participant tables, audits): the
// project is copied before and after the edit, and undo/redo restore those copies. The edit
// itself runs once, through run(), possibly on a worker thread, before the command is pushed.
class SnapshotCommand : public QUndoCommand {
public:
    SnapshotCommand(Workbench& workbench, const QString& text, const QString& action, ChangeNotice notice);

    // Takes the "before" copy, runs `edit`, takes the "after" copy. On failure nothing is kept
    // and the command must not be pushed. An edit that wrote nothing (an audit identical to the
    // stored one) makes the command obsolete, so pushing it adds no undo step.
    Status run(const std::function<Status()>& edit);

    void redo() override;
    void undo() override;

private:
    Workbench& m_workbench;
    QString m_action;
    ChangeNotice m_notice;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<ProjectSnapshot> m_before;
    std::optional<ProjectSnapshot> m_after;
    bool m_done = false;    // the first redo() is the edit run() already made
    bool m_changed = false; // it wrote something (else pushing it leaves no undo step)
};

} // namespace warrant
