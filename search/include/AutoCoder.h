#pragma once

#include "Result.h"
#include "store/CodingRepository.h"

#include <vector>

namespace warrant {

class Project;
class SearchIndex;

enum class AutoCodeScope { Sentence, Passage, Turn };

struct AutoCodeOutcome {
    int hits = 0;
    std::vector<CodingRepository::Range> ranges; // what was coded
    ApplyOutcome applied;
};

// Codes every hit of a query in one operation (one change-log entry, one undo step): the
// sentence around each match, the passage, or the whole speaker turn.
class AutoCoder {
public:
    static Result<std::vector<CodingRepository::Range>> rangesFor(Project& project, SearchIndex& index,
                                                                  const QString& query, AutoCodeScope scope);
    static Result<AutoCodeOutcome> codeHits(Project& project, SearchIndex& index, const QString& query, qint64 codeId,
                                            AutoCodeScope scope);
    static bool parseScope(const QString& name, AutoCodeScope* scope);
};

} // namespace warrant
