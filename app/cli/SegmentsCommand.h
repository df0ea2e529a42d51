#pragma once

#include "CliCommand.h"

namespace warrant::cli {

// warrant-cli segments: retrieves coded segments with citations, filtered by code (with
// descendants), participant, participant attribute and coder.
class SegmentsCommand : public CliCommand {
  public:
    SegmentsCommand();
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace warrant::cli
