#include "InfoCommand.h"

#include "CommandOptions.h"
#include "JsonOutput.h"
#include "ProjectOpener.h"
#include "ops/ProjectSummary.h"

namespace warrant::cli {

InfoCommand::InfoCommand()
    : CliCommand(QStringLiteral("info"),
                 QStringLiteral("Summarise the project: sources, codes, codings...")) {}

int InfoCommand::run(const QStringList& args, CliContext& ctx) {
    CommandOptions options(QStringLiteral("info [options]"),
                           QStringLiteral("Prints counts of what the project holds."));
    options.addProjectOptions();
    options.addJsonOption();
    options.setPositional(0, 0);
    if (int code = options.parse(args, ctx); code >= 0) return code;

    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Read);
    if (!project) return ctx.fail(project.errorMessage());
    auto summary = ProjectSummary::of(**project);
    if (!summary) return ctx.fail(summary.errorMessage());
    if (options.json()) {
        JsonOutput::write(ctx.out, JsonOutput::summary(*summary));
        return ExitOk;
    }
    const ProjectSummary& s = *summary;
    const std::pair<const char*, qint64> rows[] = {{"Sources", s.sources},
                                                   {"  transcripts", s.transcripts},
                                                   {"  documents", s.documents},
                                                   {"  manuscripts", s.manuscripts},
                                                   {"Turns", s.turns},
                                                   {"Words", s.words},
                                                   {"Participants", s.participants},
                                                   {"Codes", s.codes},
                                                   {"Coded segments", s.segments},
                                                   {"Codings", s.codings},
                                                   {"Coders", s.coders},
                                                   {"Memos", s.memos},
                                                   {"Sets", s.sets},
                                                   {"Non-text sources", s.externalSources},
                                                   {"Changes", s.changes}};
    ctx.out << "Project: " << s.fileName << " (format " << s.schemaVersion << ")\n";
    for (const auto& [label, value] : rows)
        ctx.out << QString::fromLatin1(label + QByteArray(":")).leftJustified(16) << value << "\n";
    ctx.out.flush();
    return ExitOk;
}

} // namespace warrant::cli
