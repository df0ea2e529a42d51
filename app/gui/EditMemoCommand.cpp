#include "EditMemoCommand.h"

#include "Workbench.h"
#include "store/MemoRepository.h"
#include "store/Project.h"

namespace warrant {

EditMemoCommand::EditMemoCommand(Workbench& workbench, const Memo& before, const QString& title, const QString& body)
    : QUndoCommand(before.id ? QStringLiteral("Edit Memo '%1'").arg(title) : QStringLiteral("New Memo '%1'").arg(title)),
      m_workbench(workbench), m_before(before), m_title(title), m_body(body) {}

void EditMemoCommand::redo() {
    Project* project = m_workbench.project();
    if (!project) return setObsolete(true);
    MemoRepository memos(*project);
    UndoIdMap& ids = m_workbench.ids();
    if (m_before.id) {
        if (Status s = memos.update(ids.resolve(UndoIdMap::Kind::Memo, m_before.id), m_title, m_body); !s) {
            m_workbench.reportFailure(s.errorMessage());
            setObsolete(true);
        }
        return;
    }
    const qint64 target = m_before.target == MemoTarget::Code ? ids.resolve(UndoIdMap::Kind::Code, m_before.targetId)
                                                              : m_before.targetId;
    auto added = memos.add(m_before.target, target, m_title, m_body);
    if (!added) {
        m_workbench.reportFailure(added.errorMessage());
        return setObsolete(true);
    }
    if (m_createdId) ids.remap(UndoIdMap::Kind::Memo, m_createdId, *added);
    m_createdId = *added;
}

void EditMemoCommand::undo() {
    Project* project = m_workbench.project();
    if (!project) return;
    MemoRepository memos(*project);
    const UndoIdMap& ids = m_workbench.ids();
    const Status s = m_before.id ? memos.update(ids.resolve(UndoIdMap::Kind::Memo, m_before.id), m_before.title, m_before.body)
                                 : memos.remove(m_createdId);
    if (!s) m_workbench.reportFailure(s.errorMessage());
}

} // namespace warrant
