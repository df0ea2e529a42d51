#pragma once

#include "Result.h"
#include "model/Participant.h"

#include <optional>
#include <vector>

namespace warrant {

class Project;

// Participants and their typed attributes.
class ParticipantRepository {
public:
    explicit ParticipantRepository(Project& project) : m_project(project) {}

    Result<std::vector<Participant>> list();
    Result<std::optional<Participant>> findByCode(const QString& code);
    Result<std::optional<Participant>> findById(qint64 id);

    // Adds the participants or updates their display names and attributes, in one change.
    Status upsert(const std::vector<Participant>& participants, const QString& detail);
    Status setAttribute(const QString& code, const QString& name, const QString& value);
    Status setDisplayName(const QString& code, const QString& displayName);

    // Inside a mutation: the participant's id, creating it when new.
    Result<qint64> ensure(const QString& code);
    // Names of all attributes in use, in creation order.
    Result<std::vector<QString>> attributeNames();

private:
    Status writeAttribute(qint64 participantId, const ParticipantAttribute& attribute);
    Project& m_project;
};

} // namespace warrant
