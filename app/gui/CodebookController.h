#pragma once

#include "Result.h"

#include <QObject>

#include <functional>

namespace warrant {

class CodebookPanel;
class Workbench;

// Turns the codebook panel's requests (new, rename, move, merge, delete, definition, memo) into
// undoable commands.
class CodebookController : public QObject {
    Q_OBJECT
public:
    CodebookController(Workbench& workbench, CodebookPanel& panel, QObject* parent = nullptr);

Q_SIGNALS:
    void failed(const QString& message);

private:
    // Merging and deleting touch codings everywhere: they undo by restoring a snapshot.
    void sweeping(const QString& text, const QString& action, const std::function<Status()>& edit);
    Workbench& m_workbench;
};

} // namespace warrant
