#include "ParticipantsController.h"

#include "EditParticipantCommand.h"
#include "ImportController.h"
#include "ParticipantTableModel.h"
#include "ParticipantsPanel.h"
#include "Workbench.h"
#include "store/ParticipantRepository.h"
#include "store/Project.h"

namespace warrant {

ParticipantsController::ParticipantsController(Workbench& workbench, ParticipantsPanel& panel, ImportController& importer,
                                               QObject* parent)
    : QObject(parent) {
    const auto participant = [&workbench](const QString& code) {
        auto p = ParticipantRepository(*workbench.project()).findByCode(code);
        return p && p->has_value() ? std::optional<Participant>(**p) : std::nullopt;
    };
    connect(&panel, &ParticipantsPanel::attributeEditRequested, this,
            [&workbench, participant](const QString& code, const QString& attribute, const QString& value) {
                const auto p = participant(code);
                const QString old = p ? p->attribute(attribute) : QString();
                if (old != value) workbench.push(new EditParticipantCommand(workbench, code, attribute, old, value));
            });
    connect(&panel, &ParticipantsPanel::displayNameEditRequested, this,
            [&workbench, participant](const QString& code, const QString& name) {
                const auto p = participant(code);
                const QString old = p ? p->displayName : QString();
                if (old != name) workbench.push(new EditParticipantCommand(workbench, code, QString(), old, name));
            });
    // A new attribute appears as a column once one participant has it (empty until filled in).
    connect(&panel, &ParticipantsPanel::attributeAddRequested, this, [&workbench, &panel](const QString& name) {
        QString code = panel.currentCode();
        if (code.isEmpty() && panel.model()->rowCount() > 0) code = panel.model()->codeAt(0);
        if (!code.isEmpty()) workbench.push(new EditParticipantCommand(workbench, code, name, QString(), QString()));
    });
    connect(&panel, &ParticipantsPanel::csvImportRequested, this, [this, &importer](const QString& path) {
        auto done = importer.importParticipants(path);
        if (done)
            Q_EMIT message(*done);
        else
            Q_EMIT failed(done.errorMessage());
    });
}

} // namespace warrant
