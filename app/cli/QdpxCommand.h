#pragma once

#include "CliCommand.h"

namespace warrant::cli {

// `qdpx import` and `qdpx export`: REFI-QDA project exchange with NVivo, ATLAS.ti, MAXQDA and others.
class QdpxCommand : public CliCommand {
  public:
    QdpxCommand();
    int run(const QStringList& args, CliContext& ctx) override;

  private:
    int importProject(const QStringList& args, CliContext& ctx);
    int exportProject(const QStringList& args, CliContext& ctx);
};

} // namespace warrant::cli
