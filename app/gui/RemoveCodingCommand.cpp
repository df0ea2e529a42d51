#include "RemoveCodingCommand.h"

#include "Workbench.h"
#include "store/Project.h"

namespace warrant {

namespace {

// Runs `body` acting as `coder`, then switches back.
template <typename Body> auto actingAs(Project& project, const QString& coder, Body body) {
    const QString previous = project.coderName();
    project.setCoder(coder);
    auto result = body();
    project.setCoder(previous);
    return result;
}

} // namespace

RemoveCodingCommand::RemoveCodingCommand(Workbench& workbench, const CodedSegment& segment, QUndoCommand* parent)
    : QUndoCommand(QStringLiteral("Remove Coding '%1'").arg(segment.codePath.section(u'/', -1)), parent),
      m_workbench(workbench), m_segment(segment) {}

void RemoveCodingCommand::redo() {
    Project* project = m_workbench.project();
    if (!project) return setObsolete(true);
    const qint64 code = m_workbench.ids().resolve(UndoIdMap::Kind::Code, m_segment.codeId);
    Status removed = actingAs(*project, m_segment.coder, [&] {
        return CodingRepository(*project).removeRange(m_segment.sourceId, m_segment.start, m_segment.end, code);
    });
    if (!removed) {
        m_workbench.reportFailure(removed.errorMessage());
        setObsolete(true);
    }
}

void RemoveCodingCommand::undo() {
    Project* project = m_workbench.project();
    if (!project) return;
    const qint64 code = m_workbench.ids().resolve(UndoIdMap::Kind::Code, m_segment.codeId);
    auto applied = actingAs(*project, m_segment.coder, [&] {
        return CodingRepository(*project).applyRange(m_segment.sourceId, m_segment.start, m_segment.end, code);
    });
    if (!applied) m_workbench.reportFailure(applied.errorMessage());
}

} // namespace warrant
