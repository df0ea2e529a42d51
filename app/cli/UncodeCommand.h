#pragma once

#include "CliCommand.h"

namespace warrant::cli {

// warrant-cli uncode --coding ID: removes one coding (ids from `segments --json`).
class UncodeCommand : public CliCommand {
  public:
    UncodeCommand();
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace warrant::cli
