#include "SnapshotCommand.h"

#include "Workbench.h"
#include "store/ChangeLogReader.h"
#include "store/Project.h"

namespace warrant {

SnapshotCommand::SnapshotCommand(Workbench& workbench, const QString& text, const QString& action, ChangeNotice notice)
    : QUndoCommand(text), m_workbench(workbench), m_action(action), m_notice(std::move(notice)) {}

Status SnapshotCommand::run(const std::function<Status()>& edit) {
    Project* project = m_workbench.project();
    if (!project) return makeError(QStringLiteral("no project is open"));
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) return makeError(QStringLiteral("cannot create a temporary folder for undo"));
    auto before = ProjectSnapshot::take(*project, m_dir->filePath(QStringLiteral("before.sqlite")));
    if (!before) return before.error();
    const auto lastChange = [project] { return ChangeLogReader(*project).lastId(); };
    const auto changesBefore = lastChange();
    if (Status s = edit(); !s) {
        // An edit that stopped half-way (a cancelled audit) leaves nothing behind.
        const auto changesAfter = lastChange();
        if (!changesBefore || !changesAfter || *changesAfter != *changesBefore)
            (void)before->restore(*project, m_action + QStringLiteral(".abandoned"), text(), m_notice);
        return s;
    }
    const auto changesAfter = lastChange();
    m_changed = !changesBefore || !changesAfter || *changesAfter != *changesBefore;
    if (!m_changed) return {}; // nothing to undo: the caller drops the command
    auto after = ProjectSnapshot::take(*project, m_dir->filePath(QStringLiteral("after.sqlite")));
    if (!after) return after.error();
    m_before = *before;
    m_after = *after;
    return {};
}

void SnapshotCommand::redo() {
    if (!m_done) {
        m_done = true;
        if (!m_before || !m_changed) setObsolete(true);
        return;
    }
    Project* project = m_workbench.project();
    if (!project || !m_after) return setObsolete(true);
    if (Status s = m_after->restore(*project, m_action, QStringLiteral("Redo ") + text(), m_notice); !s)
        m_workbench.reportFailure(s.errorMessage());
    m_workbench.rebuildIndex(); // sources may have come or gone: cheaper to rebuild than to patch
}

void SnapshotCommand::undo() {
    Project* project = m_workbench.project();
    if (!project || !m_before) return;
    if (Status s = m_before->restore(*project, m_action + QStringLiteral(".undo"), QStringLiteral("Undo ") + text(), m_notice); !s)
        m_workbench.reportFailure(s.errorMessage());
    m_workbench.rebuildIndex();
}

} // namespace warrant
