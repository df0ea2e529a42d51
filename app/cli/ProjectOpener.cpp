#include "ProjectOpener.h"

namespace warrant::cli {

QString ProjectOpener::projectPath(const CommandOptions& options, const CliContext& ctx) {
    const QString given = options.value(QStringLiteral("project"));
    return given.isEmpty() ? ctx.environmentProject : given;
}

QString ProjectOpener::coder(const CommandOptions& options, const CliContext& ctx) {
    const QString given = options.value(QStringLiteral("coder")).trimmed();
    return given.isEmpty() ? ctx.environmentCoder : given;
}

Result<std::unique_ptr<Project>> ProjectOpener::open(const CommandOptions& options, const CliContext& ctx,
                                                     Access access) {
    const QString path = projectPath(options, ctx);
    if (path.isEmpty())
        return makeError(QStringLiteral("no project given: use --project PATH or set WARRANT_PROJECT"));
    return Project::open(path, access == Access::Write ? Project::Mode::ReadWrite : Project::Mode::ReadOnly,
                         coder(options, ctx));
}

} // namespace warrant::cli
