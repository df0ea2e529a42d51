#include "LogCommand.h"

#include "CommandOptions.h"
#include "JsonOutput.h"
#include "ProjectOpener.h"
#include "store/ChangeLogReader.h"

namespace warrant::cli {

LogCommand::LogCommand()
    : CliCommand(QStringLiteral("log"), QStringLiteral("Show the change log, newest first.")) {}

int LogCommand::run(const QStringList& args, CliContext& ctx) {
    CommandOptions options(
        QStringLiteral("log [--limit N] [options]"),
        QStringLiteral("Prints who changed what and when, newest first: time, coder, action, detail."));
    options.addProjectOptions();
    options.addJsonOption();
    options.add(QCommandLineOption({QStringLiteral("n"), QStringLiteral("limit")},
                                   QStringLiteral("Show at most N entries (default: all)."),
                                   QStringLiteral("n")));
    options.setPositional(0, 0);
    if (int code = options.parse(args, ctx); code >= 0) return code;
    int limit = 0;
    if (options.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = options.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1)
            return ctx.fail(QStringLiteral("log: --limit '%1' must be a positive number")
                                .arg(options.value(QStringLiteral("limit"))));
    }

    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Read);
    if (!project) return ctx.fail(project.errorMessage());
    auto entries = ChangeLogReader(**project).entries(limit);
    if (!entries) return ctx.fail(entries.errorMessage());
    if (options.json()) {
        QJsonArray array;
        for (const ChangeLogEntry& e : *entries)
            array.append(JsonOutput::logEntry(e));
        JsonOutput::write(ctx.out, array);
        return ExitOk;
    }
    for (const ChangeLogEntry& e : *entries)
        // A sentence a supervisor can read: "alewis coded R8 turn 4 with 'Thin evidence base'".
        ctx.out << JsonOutput::dateTime(e.at) << "  " << e.coder << " " << e.detail << "  [" << e.action << "]\n";
    ctx.out.flush();
    return ExitOk;
}

} // namespace warrant::cli
