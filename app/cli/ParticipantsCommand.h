#pragma once

#include "CliCommand.h"

namespace warrant::cli {

// warrant-cli participants import CSV | list [--json]
class ParticipantsCommand : public CliCommand {
  public:
    ParticipantsCommand();
    int run(const QStringList& args, CliContext& ctx) override;

  private:
    int importCsv(const QStringList& args, CliContext& ctx);
    int list(const QStringList& args, CliContext& ctx);
};

} // namespace warrant::cli
