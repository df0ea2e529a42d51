#pragma once

#include "store/CodingRepository.h"

#include <QUndoCommand>

namespace warrant {

class Workbench;

// Removes one coding (whoever made it); undo puts it back under the same coder.
class RemoveCodingCommand : public QUndoCommand {
public:
    // `segment` describes the coding as it is now (CodingRepository::coding()).
    RemoveCodingCommand(Workbench& workbench, const CodedSegment& segment, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    Workbench& m_workbench;
    CodedSegment m_segment;
};

} // namespace warrant
