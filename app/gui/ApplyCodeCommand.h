#pragma once

#include "store/CodingRepository.h"

#include <QUndoCommand>

#include <functional>
#include <vector>

namespace warrant {

class Workbench;

// Applies one code to one or more ranges (a selection, a whole turn, every search hit) as the
// acting coder. Undo removes only the codings this command added, never ones that were there.
class ApplyCodeCommand : public QUndoCommand {
public:
    using CodeId = std::function<qint64()>; // resolved at redo time: the code may be created just before

    ApplyCodeCommand(Workbench& workbench, std::vector<CodingRepository::Range> ranges, qint64 codeId,
                     const QString& text, QUndoCommand* parent = nullptr);
    ApplyCodeCommand(Workbench& workbench, std::vector<CodingRepository::Range> ranges, CodeId codeId,
                     const QString& text, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

    int added() const { return int(m_added.size()); }

private:
    Workbench& m_workbench;
    std::vector<CodingRepository::Range> m_ranges;
    CodeId m_codeId;
    std::vector<CodingRepository::Range> m_added;
};

} // namespace warrant
