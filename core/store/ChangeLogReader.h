#pragma once

#include "Result.h"
#include "model/ChangeLogEntry.h"

#include <vector>

namespace warrant {

class Project;

class ChangeLogReader {
public:
    explicit ChangeLogReader(Project& project) : m_project(project) {}
    // Newest first; limit 0 = all.
    Result<std::vector<ChangeLogEntry>> entries(int limit = 0);

private:
    Project& m_project;
};

} // namespace warrant
