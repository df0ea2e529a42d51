#pragma once

#include "CliCommand.h"
#include "CommandOptions.h"

namespace warrant::cli {

// warrant-cli code: applies a code to a range, an exact text, a turn, every turn of a participant,
// every hit of a search query, or the rows of a coding CSV.
class CodeCommand : public CliCommand {
  public:
    CodeCommand();
    int run(const QStringList& args, CliContext& ctx) override;

  private:
    // code --query Q --code PATH [--scope S]: AutoCoder over the project's search index.
    int codeQuery(const CommandOptions& options, CliContext& ctx);
};

} // namespace warrant::cli
