#include "CodebookController.h"

#include "CodebookPanel.h"
#include "CreateCodeCommand.h"
#include "EditCodeDefinitionCommand.h"
#include "EditMemoCommand.h"
#include "MoveCodeCommand.h"
#include "PinQuickCodeCommand.h"
#include "RenameCodeCommand.h"
#include "SnapshotCommand.h"
#include "Workbench.h"
#include "store/CodebookRepository.h"
#include "store/MemoRepository.h"
#include "store/Project.h"

namespace warrant {

CodebookController::CodebookController(Workbench& workbench, CodebookPanel& panel, QObject* parent)
    : QObject(parent), m_workbench(workbench) {
    const auto codeOf = [this](qint64 id) -> std::optional<Code> {
        auto code = CodebookRepository(*m_workbench.project()).get(id);
        return code && code->has_value() ? std::optional<Code>(**code) : std::nullopt;
    };
    connect(&panel, &CodebookPanel::createRequested, this, [this, &panel](qint64 parentId, const QString& name) {
        auto* command = new CreateCodeCommand(m_workbench, parentId, name);
        // A new code is where the user looks next: selected and scrolled into view.
        if (m_workbench.push(command)) panel.selectCode(command->codeId());
    });
    connect(&panel, &CodebookPanel::pinRequested, this, [this, codeOf](qint64 id) {
        if (const auto code = codeOf(id))
            m_workbench.push(new PinQuickCodeCommand(m_workbench, id, code->name, PinQuickCodeCommand::Action::Pin));
    });
    connect(&panel, &CodebookPanel::unpinRequested, this, [this, codeOf](qint64 id) {
        if (const auto code = codeOf(id))
            m_workbench.push(new PinQuickCodeCommand(m_workbench, id, code->name, PinQuickCodeCommand::Action::Unpin));
    });
    connect(&panel, &CodebookPanel::renameRequested, this, [this, codeOf](qint64 id, const QString& name) {
        if (const auto code = codeOf(id); code && code->name != name)
            m_workbench.push(new RenameCodeCommand(m_workbench, id, code->name, name));
    });
    connect(&panel, &CodebookPanel::moveRequested, this, [this, codeOf](qint64 id, qint64 parentId) {
        if (const auto code = codeOf(id); code && code->parentId != parentId)
            m_workbench.push(new MoveCodeCommand(m_workbench, id, code->name, code->parentId, parentId));
    });
    connect(&panel, &CodebookPanel::definitionEditRequested, this, [this, codeOf](const Code& after) {
        if (const auto before = codeOf(after.id)) m_workbench.push(new EditCodeDefinitionCommand(m_workbench, *before, after));
    });
    connect(&panel, &CodebookPanel::memoEditRequested, this,
            [this](qint64 codeId, qint64 memoId, const QString& title, const QString& body) {
                Memo before;
                before.target = MemoTarget::Code;
                before.targetId = codeId;
                if (memoId)
                    if (auto memos = MemoRepository(*m_workbench.project()).list(MemoTarget::Code, codeId))
                        for (const Memo& m : *memos)
                            if (m.id == memoId) before = m;
                m_workbench.push(new EditMemoCommand(m_workbench, before, title, body));
            });
    connect(&panel, &CodebookPanel::mergeRequested, this, [this, codeOf](qint64 from, qint64 into) {
        const auto a = codeOf(from);
        const auto b = codeOf(into);
        if (!a || !b) return;
        sweeping(QStringLiteral("Merge '%1' into '%2'").arg(a->name, b->name), QStringLiteral("code.merge"),
                 [this, from, into] { return CodebookRepository(*m_workbench.project()).merge(from, into); });
    });
    connect(&panel, &CodebookPanel::deleteRequested, this, [this, codeOf](qint64 id) {
        const auto code = codeOf(id);
        if (!code) return;
        sweeping(QStringLiteral("Delete Code '%1'").arg(code->name), QStringLiteral("code.delete"), [this, id]() -> Status {
            auto removed = CodebookRepository(*m_workbench.project()).remove(id, true);
            return removed ? Status() : Status(removed.error());
        });
    });
}

void CodebookController::sweeping(const QString& text, const QString& action, const std::function<Status()>& edit) {
    ChangeNotice notice;
    notice.codebookChanged = true;
    auto* command = new SnapshotCommand(m_workbench, text, action, notice);
    if (Status s = command->run(edit); !s) {
        delete command;
        Q_EMIT failed(s.errorMessage());
        return;
    }
    m_workbench.push(command);
}

} // namespace warrant
