#include "ApplyCodeCommand.h"

#include "Workbench.h"
#include "store/Project.h"

#include <set>
#include <tuple>

namespace warrant {

ApplyCodeCommand::ApplyCodeCommand(Workbench& workbench, std::vector<CodingRepository::Range> ranges, qint64 codeId,
                                   const QString& text, QUndoCommand* parent)
    : ApplyCodeCommand(workbench, std::move(ranges),
                       [&workbench, codeId] { return workbench.ids().resolve(UndoIdMap::Kind::Code, codeId); }, text,
                       parent) {}

ApplyCodeCommand::ApplyCodeCommand(Workbench& workbench, std::vector<CodingRepository::Range> ranges, CodeId codeId,
                                   const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent), m_workbench(workbench), m_ranges(std::move(ranges)), m_codeId(std::move(codeId)) {}

void ApplyCodeCommand::redo() {
    Project* project = m_workbench.project();
    const qint64 code = m_codeId();
    if (!project || code <= 0) {
        setObsolete(true);
        return;
    }
    // Ranges this coder has already coded with this code stay out of the command.
    CodingRepository codings(*project);
    SegmentFilter filter;
    filter.codeIds = {code};
    filter.coder = project->coderName();
    std::set<std::tuple<qint64, qsizetype, qsizetype>> existing;
    if (auto present = codings.segments(filter))
        for (const CodedSegment& s : *present)
            if (s.codeId == code) existing.emplace(s.sourceId, s.start, s.end);
    m_added.clear();
    for (const auto& r : m_ranges)
        if (r.end > r.start && !existing.count({r.sourceId, r.start, r.end})) m_added.push_back(r);
    if (m_added.empty()) {
        m_workbench.reportFailure(QStringLiteral("Nothing to code: the selection already carries this code."));
        setObsolete(true);
        return;
    }
    auto applied = codings.applyRanges(m_added, code);
    if (!applied) {
        m_workbench.reportFailure(applied.errorMessage());
        setObsolete(true);
    }
}

void ApplyCodeCommand::undo() {
    Project* project = m_workbench.project();
    if (!project || m_added.empty()) return;
    auto removed = CodingRepository(*project).removeRanges(m_added, m_codeId());
    if (!removed) m_workbench.reportFailure(removed.errorMessage());
}

} // namespace warrant
