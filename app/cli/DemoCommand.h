#pragma once

#include "CliCommand.h"

namespace warrant::cli {

// warrant-cli demo PATH: builds the demonstration project from the sample corpus.
class DemoCommand : public CliCommand {
  public:
    DemoCommand();
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace warrant::cli
