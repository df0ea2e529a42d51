#pragma once

#include "CliCommand.h"

namespace warrant::cli {

// warrant-cli reindex: rebuilds the project's search index from the project file.
class ReindexCommand : public CliCommand {
  public:
    ReindexCommand();
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace warrant::cli
