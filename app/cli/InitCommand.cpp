#include "InitCommand.h"

#include "CommandOptions.h"
#include "ProjectOpener.h"
#include "store/Project.h"

#include <QDir>
#include <QFileInfo>

namespace warrant::cli {

InitCommand::InitCommand()
    : CliCommand(QStringLiteral("init"), QStringLiteral("Create an empty project file.")) {}

int InitCommand::run(const QStringList& args, CliContext& ctx) {
    CommandOptions options(
        QStringLiteral("init PATH [options]"),
        QStringLiteral("Creates an empty project. Refuses to overwrite an existing file."));
    options.add(QCommandLineOption(QStringLiteral("coder"),
                                   QStringLiteral("The coder recorded as creating it."),
                                   QStringLiteral("name")));
    options.setPositional(
        1, 1, {{QStringLiteral("PATH"), QStringLiteral("the new project file, e.g. study.warrant")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;

    const QString path = options.positional().front();
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return ctx.fail(QStringLiteral("%1: the folder %2 does not exist")
                            .arg(path, QDir::toNativeSeparators(info.absolutePath())));
    auto project = Project::create(path, ProjectOpener::coder(options, ctx));
    if (!project) return ctx.fail(project.errorMessage());
    ctx.out << "Created " << QDir::toNativeSeparators(info.absoluteFilePath()) << Qt::endl;
    return ExitOk;
}

} // namespace warrant::cli
