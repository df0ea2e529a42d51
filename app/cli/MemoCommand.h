#pragma once

#include "CliCommand.h"

namespace warrant::cli {

// warrant-cli memo add|list: memos on the project, a source, a participant, a code or a segment.
class MemoCommand : public CliCommand {
  public:
    MemoCommand();
    int run(const QStringList& args, CliContext& ctx) override;

  private:
    int add(const QStringList& args, CliContext& ctx);
    int list(const QStringList& args, CliContext& ctx);
};

} // namespace warrant::cli
