#pragma once

#include "CliCommand.h"

namespace warrant::cli {

// warrant-cli init PATH: creates an empty project file.
class InitCommand : public CliCommand {
  public:
    InitCommand();
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace warrant::cli
