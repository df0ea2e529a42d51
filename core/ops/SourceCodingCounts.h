#pragma once

#include "Result.h"

#include <map>

namespace warrant {

class Project;

// How many codings each source carries (every coder's), for source lists.
class SourceCodingCounts {
public:
    static Result<std::map<qint64, int>> of(Project& project);
};

} // namespace warrant
