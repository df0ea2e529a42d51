#pragma once

#include "CliCommand.h"

namespace warrant::cli {

// `warrant-cli evidence list|add|stance|remove`: the evidence linked to a manuscript's claims.
class EvidenceCommand : public CliCommand {
  public:
    EvidenceCommand();
    int run(const QStringList& args, CliContext& ctx) override;

  private:
    int list(const QStringList& args, CliContext& ctx);
    int add(const QStringList& args, CliContext& ctx);
    int stance(const QStringList& args, CliContext& ctx);
    int remove(const QStringList& args, CliContext& ctx);
};

} // namespace warrant::cli
