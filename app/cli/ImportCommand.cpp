#include "ImportCommand.h"

#include "CommandOptions.h"
#include "ProjectOpener.h"
#include "import/TextDecoder.h"
#include "ops/ImportService.h"

namespace warrant::cli {

ImportCommand::ImportCommand()
    : CliCommand(QStringLiteral("import"),
                 QStringLiteral("Import transcripts or documents (files or folders).")) {}

int ImportCommand::run(const QStringList& args, CliContext& ctx) {
    CommandOptions options(
        QStringLiteral("import [options] FILES_OR_FOLDERS..."),
        QStringLiteral(
            "Imports .txt .md .docx .odt .vtt .srt files, and such files inside folders, as one change:\n"
            "if any file cannot be read nothing is imported. Files whose bytes are already in the\n"
            "project are skipped and reported as duplicates."));
    options.addProjectOptions();
    options.add(QCommandLineOption(QStringLiteral("kind"),
                                   QStringLiteral("transcript (default), document or manuscript."),
                                   QStringLiteral("kind")));
    options.add(QCommandLineOption(
        QStringLiteral("participant"),
        QStringLiteral("The participant every file belongs to (wins over the file's header)."),
        QStringLiteral("code")));
    options.add(QCommandLineOption(
        QStringLiteral("encoding"),
        QStringLiteral("Text encoding of .txt/.md/.vtt/.srt files (default: detect, else UTF-8)."),
        QStringLiteral("enc")));
    options.add(QCommandLineOption(QStringLiteral("interviewer"),
                                   QStringLiteral("A speaker label that is the interviewer (repeatable)."),
                                   QStringLiteral("label")));
    options.add(QCommandLineOption(QStringLiteral("speaker"),
                                   QStringLiteral("Map a speaker label to a participant code (repeatable)."),
                                   QStringLiteral("label=code")));
    options.setPositional(
        1, -1,
        {{QStringLiteral("FILES_OR_FOLDERS"), QStringLiteral("files, or folders to import recursively")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;

    ImportRequest request;
    request.paths = options.positional();
    if (options.isSet(QStringLiteral("kind")) &&
        !parseSourceKind(options.value(QStringLiteral("kind")), &request.kind))
        return ctx.fail(QStringLiteral("import: unknown --kind '%1' (use transcript, document or manuscript)")
                            .arg(options.value(QStringLiteral("kind"))));
    request.options.participantCode = options.value(QStringLiteral("participant")).trimmed();
    request.options.encoding = options.value(QStringLiteral("encoding")).trimmed();
    if (!request.options.encoding.isEmpty() && !TextDecoder::isKnownEncoding(request.options.encoding))
        return ctx.fail(
            QStringLiteral("import: unknown --encoding '%1' (e.g. %2)")
                .arg(request.options.encoding, TextDecoder::knownEncodings().join(QStringLiteral(", "))));
    for (const QString& label : options.values(QStringLiteral("interviewer")))
        request.options.speakers.setInterviewer(label);
    for (const QString& mapping : options.values(QStringLiteral("speaker"))) {
        const qsizetype eq = mapping.indexOf(u'=');
        if (eq <= 0 || eq == mapping.size() - 1)
            return ctx.fail(QStringLiteral("import: --speaker '%1' must be LABEL=CODE").arg(mapping));
        request.options.speakers.setParticipant(mapping.left(eq).trimmed(), mapping.mid(eq + 1).trimmed());
    }

    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Write);
    if (!project) return ctx.fail(project.errorMessage());

    ImportService::Progress progress;
    if (ctx.isTerminal) {
        // Only on a terminal: in a pipe or a log these lines are noise.
        progress = [&ctx](int done, int total, const QString& file) {
            if (file.isEmpty()) return;
            ctx.err << "[" << done + 1 << "/" << total << "] " << file << Qt::endl;
        };
    }
    auto report = ImportService(**project).run(request, progress);
    if (!report) return ctx.fail(report.errorMessage());

    for (const ImportedSourceInfo& s : report->imported) {
        ctx.out << "imported: " << s.fileName << " as '" << s.title << "'";
        if (!s.participantCode.isEmpty()) ctx.out << ", participant " << s.participantCode;
        ctx.out << ", " << s.turns << (s.turns == 1 ? " turn" : " turns") << "\n";
    }
    for (const QString& d : report->duplicates)
        ctx.out << "duplicate: " << d << "\n";
    ctx.out << report->imported.size() << (report->imported.size() == 1 ? " source" : " sources")
            << " imported, " << report->duplicates.size()
            << (report->duplicates.size() == 1 ? " duplicate" : " duplicates") << " skipped" << Qt::endl;
    return ExitOk;
}

} // namespace warrant::cli
