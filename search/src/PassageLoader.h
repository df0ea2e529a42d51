#pragma once

#include "IndexCatalog.h"
#include "Passage.h"
#include "Result.h"

#include <vector>

namespace warrant {

class Project;

// Reads sources, turns and codings from the project and cuts them into passages with the codes
// and coders that touch each one.
class PassageLoader {
public:
    PassageLoader(Project& project, const IndexCatalog& catalog) : m_project(project), m_catalog(catalog) {}

    // All passages of the given sources (all sources when empty), grouped by source.
    Result<std::vector<Passage>> load(const std::vector<qint64>& sourceIds = {});

private:
    Project& m_project;
    const IndexCatalog& m_catalog;
};

} // namespace warrant
