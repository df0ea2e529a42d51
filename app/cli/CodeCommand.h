#pragma once

#include "CliCommand.h"

namespace warrant::cli {

// warrant-cli code: applies a code to a range, an exact text, a turn, every turn of a participant,
// or the rows of a coding CSV.
class CodeCommand : public CliCommand {
  public:
    CodeCommand();
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace warrant::cli
