#pragma once

#include "CliContext.h"
#include "Result.h"

#include <memory>

namespace warrant {
class Project;
class SearchIndex;
} // namespace warrant

namespace warrant::cli {

// Opens a project's full-text index (NAME.warrant-index/ next to the project file) for the
// commands that search or code by query, and keeps it current for the commands that write. The
// index is a cache of the project: SearchIndex rebuilds it when it is missing, damaged or stale.
class SearchIndexOpener {
  public:
    // Opens the index, building it when needed. On a terminal, a rebuild is announced on err
    // ("Building the search index…" with a passage count); elsewhere err stays silent.
    static Status open(SearchIndex& index, Project& project, CliContext& ctx, bool* rebuilt = nullptr);
    // Rebuilds the index from scratch, with the same progress on a terminal.
    static Status rebuild(SearchIndex& index, Project& project, CliContext& ctx);

    // For a command about to change `project`: when the project already has an index folder,
    // opens the index and attaches it, so SearchIndex::update brings it up to date right after
    // the change commits. Returns nullptr when there is no index folder (nothing to keep
    // current) or it cannot be opened (then the next search rebuilds it); a cache never blocks a
    // write. The returned index must be destroyed before `project`.
    static std::unique_ptr<SearchIndex> follow(Project& project, CliContext& ctx);
};

} // namespace warrant::cli
