#pragma once

#include "CliCommand.h"

namespace warrant::cli {

// warrant-cli search QUERY: full-text search of the project's passages through its index, as
// ranked hits with snippets, keyword-in-context lines, or JSON, with facet counts on request.
class SearchCommand : public CliCommand {
  public:
    SearchCommand();
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace warrant::cli
