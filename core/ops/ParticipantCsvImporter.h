#pragma once

#include "Result.h"

namespace warrant {

class Project;

// Participants and attributes from CSV: first column the participant code, other columns
// attributes named by the header. Attribute types are inferred from the column's values.
class ParticipantCsvImporter {
public:
    explicit ParticipantCsvImporter(Project& project) : m_project(project) {}
    // Returns the number of participants added or updated.
    Result<int> importFile(const QString& path);

private:
    Project& m_project;
};

} // namespace warrant
