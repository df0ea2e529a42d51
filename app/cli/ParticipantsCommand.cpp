#include "ParticipantsCommand.h"

#include "CommandOptions.h"
#include "JsonOutput.h"
#include "ProjectOpener.h"
#include "ops/ParticipantCsvImporter.h"
#include "store/ParticipantRepository.h"

#include <QFileInfo>

namespace warrant::cli {

ParticipantsCommand::ParticipantsCommand()
    : CliCommand(QStringLiteral("participants"),
                 QStringLiteral("Import participants and attributes from CSV, or list them.")) {}

int ParticipantsCommand::run(const QStringList& args, CliContext& ctx) {
    return dispatch(args, ctx,
                    {{QStringLiteral("import"), QStringLiteral("Add or update participants from a CSV file."),
                      [this](const QStringList& a, CliContext& c) { return importCsv(a, c); }},
                     {QStringLiteral("list"), QStringLiteral("List participants with their attributes."),
                      [this](const QStringList& a, CliContext& c) { return list(a, c); }}});
}

int ParticipantsCommand::importCsv(const QStringList& args, CliContext& ctx) {
    CommandOptions options(
        QStringLiteral("participants import CSV [options]"),
        QStringLiteral("Reads a CSV whose first column is the participant code and whose other\n"
                       "columns are attributes named by the header (a 'name' or 'display_name'\n"
                       "column sets the display name). Existing participants are updated."));
    options.addProjectOptions();
    options.setPositional(1, 1, {{QStringLiteral("CSV"), QStringLiteral("the participants file")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;
    const QString file = options.positional().front();
    if (!QFileInfo(file).isFile()) return ctx.fail(QStringLiteral("%1: no such file").arg(file));

    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Write);
    if (!project) return ctx.fail(project.errorMessage());
    auto n = ParticipantCsvImporter(**project).importFile(file);
    if (!n) return ctx.fail(n.errorMessage());
    ctx.out << "Imported " << *n << (*n == 1 ? " participant" : " participants") << " from "
            << QFileInfo(file).fileName() << Qt::endl;
    return ExitOk;
}

int ParticipantsCommand::list(const QStringList& args, CliContext& ctx) {
    CommandOptions options(QStringLiteral("participants list [options]"),
                           QStringLiteral("Lists participants: code, display name and attributes."));
    options.addProjectOptions();
    options.addJsonOption();
    if (int code = options.parse(args, ctx); code >= 0) return code;

    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Read);
    if (!project) return ctx.fail(project.errorMessage());
    auto participants = ParticipantRepository(**project).list();
    if (!participants) return ctx.fail(participants.errorMessage());

    if (options.json()) {
        QJsonArray array;
        for (const Participant& p : *participants)
            array.append(JsonOutput::participant(p));
        JsonOutput::write(ctx.out, array);
        return ExitOk;
    }
    qsizetype width = 4;
    for (const Participant& p : *participants)
        width = std::max(width, p.code.size());
    for (const Participant& p : *participants) {
        QStringList attributes;
        for (const ParticipantAttribute& a : p.attributes)
            attributes << QStringLiteral("%1=%2").arg(a.name, a.value);
        QString line = p.code.leftJustified(width + 2);
        if (!p.displayName.isEmpty()) line += p.displayName + QStringLiteral("  ");
        line += attributes.join(QStringLiteral("; "));
        ctx.out << line.trimmed() << "\n";
    }
    ctx.out.flush();
    return ExitOk;
}

} // namespace warrant::cli
