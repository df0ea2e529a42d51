#include "DemoCommand.h"

#include "CommandOptions.h"
#include "ops/DemoProjectBuilder.h"

#include <QDir>
#include <QFileInfo>

namespace warrant::cli {

DemoCommand::DemoCommand()
    : CliCommand(QStringLiteral("demo"),
                 QStringLiteral("Build the demonstration project from the sample corpus.")) {}

int DemoCommand::run(const QStringList& args, CliContext& ctx) {
    CommandOptions options(
        QStringLiteral("demo PATH.warrant [--corpus DIR]"),
        QStringLiteral("Builds a project from a sample corpus folder (participants.csv, transcripts/,\n"
                       "documents/, codebook.csv or codebook.md, codings/*.csv). Refuses to overwrite."));
    options.add(QCommandLineOption(
        QStringLiteral("corpus"),
        QStringLiteral("The corpus folder (default: $WARRANT_SAMPLE_CORPUS, else the bundled one)."),
        QStringLiteral("dir")));
    options.setPositional(1, 1, {{QStringLiteral("PATH"), QStringLiteral("the project file to create")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;

    const QString path = options.positional().front();
    QString corpus = options.value(QStringLiteral("corpus"));
    if (corpus.isEmpty()) corpus = DemoProjectBuilder::defaultCorpusDir();
    if (corpus.isEmpty())
        return ctx.fail(
            QStringLiteral("demo: no sample corpus found; pass --corpus DIR or set WARRANT_SAMPLE_CORPUS"));
    if (!QFileInfo(path).absoluteDir().exists())
        return ctx.fail(
            QStringLiteral("%1: the folder %2 does not exist").arg(path, QFileInfo(path).absolutePath()));

    // The steps are the report: they go to out, so they show up in a script's log too.
    Status built =
        DemoProjectBuilder::build(corpus, path, [&ctx](const QString& line) { ctx.out << line << Qt::endl; });
    if (!built) return ctx.fail(built.errorMessage());
    ctx.out << "Demo project written to " << QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())
            << Qt::endl;
    return ExitOk;
}

} // namespace warrant::cli
