#pragma once

#include <QObject>

namespace warrant {

class ImportController;
class ParticipantsPanel;
class Workbench;

// Turns the participants panel's requests (attribute and name edits, new attributes, a CSV
// import) into undoable commands.
class ParticipantsController : public QObject {
    Q_OBJECT
public:
    ParticipantsController(Workbench& workbench, ParticipantsPanel& panel, ImportController& importer,
                           QObject* parent = nullptr);

Q_SIGNALS:
    void message(const QString& text);
    void failed(const QString& message);
};

} // namespace warrant
