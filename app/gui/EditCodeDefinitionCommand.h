#pragma once

#include "model/Code.h"

#include <QUndoCommand>

namespace warrant {

class Workbench;

// Changes a code's colour, description, inclusion and exclusion criteria or example.
class EditCodeDefinitionCommand : public QUndoCommand {
public:
    EditCodeDefinitionCommand(Workbench& workbench, const Code& before, const Code& after);

    void redo() override;
    void undo() override;

private:
    void write(Code code);
    Workbench& m_workbench;
    Code m_before;
    Code m_after;
};

} // namespace warrant
