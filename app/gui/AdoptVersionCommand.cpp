#include "AdoptVersionCommand.h"

#include "Workbench.h"
#include "store/CodingRepository.h"
#include "store/Project.h"

namespace warrant {

namespace {

ChangeNotice noticeFor(const AdoptRequest& request) {
    ChangeNotice notice;
    notice.action = QStringLiteral("code.adopt");
    notice.sourceIds = {request.sourceId};
    return notice;
}

QString undoText(const AdoptRequest& r) {
    return QStringLiteral("Adopt %1's Version of '%2' %3").arg(r.fromCoder, r.code.section(u'/', -1), r.citation).trimmed();
}

} // namespace

AdoptVersionCommand::AdoptVersionCommand(Workbench& workbench, AdoptRequest request)
    : SnapshotCommand(workbench, undoText(request), QStringLiteral("code.adopt"), noticeFor(request)),
      m_workbench(workbench), m_request(std::move(request)) {}

Status AdoptVersionCommand::adopt() {
    return run([this]() -> Status {
        Project* project = m_workbench.project();
        if (!project) return makeError(QStringLiteral("no project is open"));
        const AdoptRequest& r = m_request;
        auto changed = CodingRepository(*project).adoptVersion(r.sourceId, r.start, r.end, r.codeId, r.fromCoderId,
                                                               r.otherCoderIds);
        if (!changed) return changed.error();
        return {};
    });
}

Status AdoptVersionCommand::push(Workbench& workbench, const AdoptRequest& request) {
    if (request.otherCoderIds.empty()) return makeError(QStringLiteral("no other coder to adopt the version for"));
    auto* command = new AdoptVersionCommand(workbench, request);
    if (Status s = command->adopt(); !s) {
        delete command;
        return s;
    }
    if (!workbench.push(command) && !workbench.lastFailure().isEmpty()) return makeError(workbench.lastFailure());
    return {};
}

} // namespace warrant
