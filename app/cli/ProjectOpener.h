#pragma once

#include "CliContext.h"
#include "CommandOptions.h"
#include "Result.h"
#include "store/Project.h"

#include <memory>

namespace warrant::cli {

// Finds and opens the project a command works on: --project, else $WARRANT_PROJECT. Read
// commands open read-only, so they neither take the writer lock nor migrate the file and can run
// while the workbench has the project open; mutating commands open read-write.
class ProjectOpener {
  public:
    enum class Access { Read, Write };

    static Result<std::unique_ptr<Project>> open(const CommandOptions& options, const CliContext& ctx,
                                                 Access access);

    static QString projectPath(const CommandOptions& options, const CliContext& ctx);
    // --coder, else the environment's coder; empty lets Project pick its default.
    static QString coder(const CommandOptions& options, const CliContext& ctx);
};

} // namespace warrant::cli
