#include "QdpxCommand.h"

#include "CommandOptions.h"
#include "JsonOutput.h"
#include "ProjectOpener.h"
#include "exchange/QdpxExporter.h"
#include "exchange/QdpxImporter.h"

#include <QFileInfo>

namespace warrant::cli {

QdpxCommand::QdpxCommand()
    : CliCommand(QStringLiteral("qdpx"), QStringLiteral("Import or export a REFI-QDA project (.qdpx).")) {}

int QdpxCommand::run(const QStringList& args, CliContext& ctx) {
    using Args = const QStringList&;
    return dispatch(args, ctx,
                    {{QStringLiteral("import"), QStringLiteral("Create a new project from a .qdpx (or .qde) file."),
                      [this](Args a, CliContext& c) { return importProject(a, c); }},
                     {QStringLiteral("export"), QStringLiteral("Write the project as a .qdpx file."),
                      [this](Args a, CliContext& c) { return exportProject(a, c); }}});
}

int QdpxCommand::importProject(const QStringList& args, CliContext& ctx) {
    CommandOptions options(
        QStringLiteral("qdpx import FILE.qdpx --project NEW.warrant [options]"),
        QStringLiteral("Creates NEW.warrant from a REFI-QDA project written by NVivo, ATLAS.ti, MAXQDA,\n"
                       "QualCoder or another tool: codes, coders, cases and variables, text sources\n"
                       "(split into speaker turns when they are transcripts), codings, notes and sets.\n"
                       "All or nothing: if a selection cannot be placed exactly, nothing is created\n"
                       "unless --skip-bad is given. An existing project file is never touched."));
    options.addProjectOptions();
    options.addJsonOption();
    options.add(QCommandLineOption(QStringLiteral("skip-bad"),
                                   QStringLiteral("Import what is sound and list the selections that cannot be placed.")));
    options.setPositional(1, 1, {{QStringLiteral("FILE"), QStringLiteral("a .qdpx archive or a .qde file")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;
    const QString file = options.positional().front();
    const QString project = options.value(QStringLiteral("project"));
    if (project.isEmpty()) return ctx.fail(QStringLiteral("qdpx import: name the new project with --project NEW.warrant"));
    if (!QFileInfo(file).isFile()) return ctx.fail(QStringLiteral("%1: no such file").arg(file));
    QdpxImportOptions importOptions;
    importOptions.skipBad = options.isSet(QStringLiteral("skip-bad"));
    importOptions.coder = ProjectOpener::coder(options, ctx);
    auto report = QdpxImporter::importFile(file, project, importOptions);
    if (!report) return ctx.fail(report.errorMessage());
    if (options.json()) JsonOutput::write(ctx.out, report->toJson());
    else ctx.out << report->toText() << Qt::endl;
    return ExitOk;
}

int QdpxCommand::exportProject(const QStringList& args, CliContext& ctx) {
    CommandOptions options(QStringLiteral("qdpx export OUT.qdpx [options]"),
                           QStringLiteral("Writes the project as a REFI-QDA project exchange file (.qdpx) that\n"
                                          "NVivo, ATLAS.ti, MAXQDA and QualCoder can open. Offsets count Unicode\n"
                                          "characters; GUIDs are stable, so exporting twice gives the same file."));
    options.addProjectOptions();
    options.setPositional(1, 1, {{QStringLiteral("OUT"), QStringLiteral("the .qdpx file to write")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;
    const QString out = options.positional().front();
    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Read);
    if (!project) return ctx.fail(project.errorMessage());
    auto summary = QdpxExporter::exportFile(**project, out);
    if (!summary) return ctx.fail(summary.errorMessage());
    ctx.out << summary->toText(out) << Qt::endl;
    return ExitOk;
}

} // namespace warrant::cli
