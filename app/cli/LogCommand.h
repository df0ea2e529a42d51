#pragma once

#include "CliCommand.h"

namespace warrant::cli {

// warrant-cli log: the project's change log, newest first.
class LogCommand : public CliCommand {
  public:
    LogCommand();
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace warrant::cli
