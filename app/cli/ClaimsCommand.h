#pragma once

#include "CliCommand.h"

namespace warrant::cli {

// `warrant-cli claims list|mark|merge|split`: the claims of a manuscript, as the audit found them
// or as the user marked, merged and split them.
class ClaimsCommand : public CliCommand {
  public:
    ClaimsCommand();
    int run(const QStringList& args, CliContext& ctx) override;

  private:
    int list(const QStringList& args, CliContext& ctx);
    int mark(const QStringList& args, CliContext& ctx);
    int merge(const QStringList& args, CliContext& ctx);
    int split(const QStringList& args, CliContext& ctx);
};

} // namespace warrant::cli
