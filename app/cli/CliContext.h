#pragma once

#include <QString>
#include <QTextStream>

namespace warrant::cli {

// Exit codes shared by every command (documented in docs/cli.md).
enum ExitCode : int {
    ExitOk = 0,
    ExitFindings = 1, // reserved for audit-like commands that report problems in the project
    ExitUsage = 2,    // bad usage or bad input; one line on err says why
};

// Everything a command may touch outside the project file. Injected so tests can run commands
// in-process with string-backed streams and a fixed environment.
struct CliContext {
    CliContext(QTextStream& out, QTextStream& err) : out(out), err(err) {}

    QTextStream& out;
    QTextStream& err;
    bool isTerminal = false;    // err is a terminal: progress lines are only worth printing then
    QString environmentCoder;   // WARRANT_CODER, else USER; used when --coder is absent
    QString environmentProject; // WARRANT_PROJECT; used when --project is absent

    // Prints "warrant-cli: <message>" as one line on err and returns ExitUsage.
    int fail(const QString& message);
};

} // namespace warrant::cli
