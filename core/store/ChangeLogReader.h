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
    // The newest entry's id, 0 for a project nothing has changed yet: equal before and after an
    // operation when it wrote nothing.
    Result<qint64> lastId();

private:
    Project& m_project;
};

} // namespace warrant
