#pragma once

#include "CliCommand.h"

namespace warrant::cli {

// warrant-cli import FILES_OR_FOLDERS...: imports sources as one change (ImportService).
class ImportCommand : public CliCommand {
  public:
    ImportCommand();
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace warrant::cli
