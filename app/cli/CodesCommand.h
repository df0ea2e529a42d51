#pragma once

#include "CliCommand.h"

namespace warrant::cli {

// warrant-cli codes add|list|tree|import|export|rename|move|merge|delete: the codebook.
class CodesCommand : public CliCommand {
  public:
    CodesCommand();
    int run(const QStringList& args, CliContext& ctx) override;

  private:
    int add(const QStringList& args, CliContext& ctx);
    int list(const QStringList& args, CliContext& ctx, bool tree);
    int importFile(const QStringList& args, CliContext& ctx);
    int exportFile(const QStringList& args, CliContext& ctx);
    int rename(const QStringList& args, CliContext& ctx);
    int move(const QStringList& args, CliContext& ctx);
    int merge(const QStringList& args, CliContext& ctx);
    int remove(const QStringList& args, CliContext& ctx);
};

} // namespace warrant::cli
