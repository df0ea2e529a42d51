#pragma once

#include "Result.h"

#include <map>

namespace warrant {

class Project;

// How much each code is used: distinct coded segments and distinct participants, on the code
// itself and including its descendants (what a parent code "contains"). Shared by the
// codebook views of the CLI and the workbench.
struct CodeCounts {
    std::map<qint64, int> directSegments;
    std::map<qint64, int> totalSegments;
    std::map<qint64, int> directParticipants;
    std::map<qint64, int> totalParticipants;

    static Result<CodeCounts> of(Project& project);
    static int get(const std::map<qint64, int>& counts, qint64 codeId);
};

} // namespace warrant
