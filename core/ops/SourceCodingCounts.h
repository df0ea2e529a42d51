#pragma once

#include "Result.h"

#include <map>

namespace warrant {

class Project;

// How many distinct coded segments each source has (a segment coded by several codes or coders
// counts once), for source lists.
class SourceCodingCounts {
public:
    static Result<std::map<qint64, int>> of(Project& project);
};

} // namespace warrant
