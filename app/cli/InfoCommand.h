#pragma once

#include "CliCommand.h"

namespace warrant::cli {

// warrant-cli info: what the project holds (ProjectSummary).
class InfoCommand : public CliCommand {
  public:
    InfoCommand();
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace warrant::cli
