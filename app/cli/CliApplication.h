#pragma once

#include "CliCommand.h"
#include "CliContext.h"

#include <memory>
#include <vector>

namespace warrant::cli {

// `warrant-cli <command> [args]`: owns the commands and dispatches to them. Never exits the
// process itself; run() returns the exit code, so tests drive it in-process.
class CliApplication {
  public:
    CliApplication();

    // `args` are the words after the program name.
    int run(const QStringList& args, CliContext& ctx);

    const std::vector<std::unique_ptr<CliCommand>>& commands() const { return m_commands; }
    CliCommand* command(const QString& name) const;
    void printUsage(QTextStream& stream) const;

    // Kept in step with project(Warrant VERSION ...) in the top-level CMakeLists.txt.
    static QString version();

  private:
    std::vector<std::unique_ptr<CliCommand>> m_commands;
};

} // namespace warrant::cli
