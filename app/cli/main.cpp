#include "CliApplication.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>
#ifdef Q_OS_WIN
#include <io.h>
#define isatty _isatty
#define fileno _fileno
#else
#include <unistd.h>
#endif

// Thin on purpose: everything testable lives in warrant_cli and runs in-process in the tests.
int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("warrant-cli"));
    QCoreApplication::setApplicationVersion(warrant::cli::CliApplication::version());

    QTextStream out(stdout);
    QTextStream err(stderr);
    warrant::cli::CliContext ctx(out, err);
    ctx.isTerminal = isatty(fileno(stderr)) != 0;
    ctx.environmentCoder = qEnvironmentVariable("WARRANT_CODER");
    if (ctx.environmentCoder.isEmpty()) ctx.environmentCoder = qEnvironmentVariable("USER");
    ctx.environmentProject = qEnvironmentVariable("WARRANT_PROJECT");

    warrant::cli::CliApplication cli;
    const int code = cli.run(app.arguments().mid(1), ctx);
    out.flush();
    err.flush();
    return code;
}
