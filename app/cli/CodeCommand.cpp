#include "CodeCommand.h"

#include "AutoCoder.h"
#include "CommandOptions.h"
#include "ProjectOpener.h"
#include "SearchIndex.h"
#include "SearchIndexOpener.h"
#include "ops/CodingCsvApplier.h"
#include "store/CodebookRepository.h"
#include "store/CodingRepository.h"
#include "store/ParticipantRepository.h"
#include "store/SourceRepository.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <functional>

namespace warrant::cli {

namespace {

struct ResolvedCode {
    qint64 id = 0;
    QString path; // "Parent/Child", as the confirmation names it
};

Result<ResolvedCode> resolveCode(Project& project, const QString& name) {
    CodebookRepository codebook(project);
    auto code = codebook.resolve(name);
    if (!code) return code.error();
    auto all = codebook.list();
    return ResolvedCode{code->id, all ? codebook.path(*all, code->id) : code->name};
}

} // namespace

CodeCommand::CodeCommand()
    : CliCommand(QStringLiteral("code"),
                 QStringLiteral("Apply a code to a passage, a turn, a participant, search hits, or a coding CSV.")) {}

int CodeCommand::run(const QStringList& args, CliContext& ctx) {
    CommandOptions options(
        QStringLiteral("code --code PATH (--source NAME (--range START:END | --text TEXT | --turn N) |\n"
                       "                  --participant CODE --all-turns) [options]\n"
                       "       warrant-cli code --code PATH --query QUERY [--scope sentence|passage|turn] [options]\n"
                       "       warrant-cli code --codings FILE.csv [options]"),
        QStringLiteral(
            "Codes a passage as the acting coder. Ranges are code-point offsets into the source\n"
            "text, END exclusive. --text codes every exact occurrence. --codings applies a CSV with\n"
            "columns participant,code,coder,text, all rows as one change. --query codes every hit of a\n"
            "search (see 'warrant-cli search --help'): the sentence around each match, the whole\n"
            "passage or the whole speaker turn, as one change."));
    options.addProjectOptions();
    options.add(QCommandLineOption(QStringLiteral("code"), QStringLiteral("The code's path or unique name."),
                                   QStringLiteral("path")));
    options.add(QCommandLineOption(QStringLiteral("source"),
                                   QStringLiteral("The source's title or file name."),
                                   QStringLiteral("name")));
    options.add(QCommandLineOption(QStringLiteral("range"), QStringLiteral("Code-point range START:END."),
                                   QStringLiteral("start:end")));
    options.add(QCommandLineOption(QStringLiteral("text"), QStringLiteral("Exact text to find and code."),
                                   QStringLiteral("text")));
    options.add(QCommandLineOption(QStringLiteral("turn"), QStringLiteral("Speaker turn number (from 1)."),
                                   QStringLiteral("n")));
    options.add(QCommandLineOption(QStringLiteral("participant"),
                                   QStringLiteral("Participant code, with --all-turns."),
                                   QStringLiteral("code")));
    options.add(
        QCommandLineOption(QStringLiteral("all-turns"), QStringLiteral("Code every turn of --participant.")));
    options.add(QCommandLineOption(QStringLiteral("codings"), QStringLiteral("Apply a coding CSV file."),
                                   QStringLiteral("file")));
    options.add(QCommandLineOption(QStringLiteral("query"), QStringLiteral("Code every hit of this search query."),
                                   QStringLiteral("query")));
    options.add(QCommandLineOption(QStringLiteral("scope"),
                                   QStringLiteral("With --query: sentence (default), passage or turn."),
                                   QStringLiteral("scope")));
    options.setPositional(0, 0);
    if (int code = options.parse(args, ctx); code >= 0) return code;

    const bool hasSource = options.isSet(QStringLiteral("source"));
    const int selectors = int(options.isSet(QStringLiteral("range"))) +
                          int(options.isSet(QStringLiteral("text"))) +
                          int(options.isSet(QStringLiteral("turn")));
    const bool byParticipant =
        options.isSet(QStringLiteral("participant")) || options.isSet(QStringLiteral("all-turns"));
    const bool byQuery = options.isSet(QStringLiteral("query"));
    if (options.isSet(QStringLiteral("scope")) && !byQuery)
        return ctx.fail(QStringLiteral("code: --scope goes with --query"));

    if (options.isSet(QStringLiteral("codings"))) {
        if (options.isSet(QStringLiteral("code")) || hasSource || selectors || byParticipant || byQuery)
            return ctx.fail(QStringLiteral(
                "code: --codings takes no other selection (the CSV names code and text per row)"));
        const QString file = options.value(QStringLiteral("codings"));
        if (!QFileInfo(file).isFile()) return ctx.fail(QStringLiteral("%1: no such file").arg(file));
        auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Write);
        if (!project) return ctx.fail(project.errorMessage());
        const auto index = SearchIndexOpener::follow(**project, ctx); // kept current by the change
        auto applied = CodingCsvApplier(**project).applyFile(file);
        if (!applied) return ctx.fail(applied.errorMessage());
        ctx.out << "Applied " << *applied << (*applied == 1 ? " new coding" : " new codings") << " from "
                << QFileInfo(file).fileName() << Qt::endl;
        return ExitOk;
    }

    if (!options.isSet(QStringLiteral("code")))
        return ctx.fail(QStringLiteral("code: --code PATH is required (or --codings FILE.csv)"));
    if (byQuery) {
        if (hasSource || selectors || byParticipant)
            return ctx.fail(QStringLiteral("code: --query takes no other selection (--source, --range, --text, "
                                           "--turn, --participant)"));
        return codeQuery(options, ctx);
    }
    if (hasSource && byParticipant)
        return ctx.fail(QStringLiteral("code: use either --source or --participant --all-turns, not both"));
    if (hasSource && selectors != 1)
        return ctx.fail(QStringLiteral("code: with --source give exactly one of --range, --text or --turn"));
    if (!hasSource && selectors > 0)
        return ctx.fail(QStringLiteral("code: --range, --text and --turn need --source NAME"));
    if (byParticipant &&
        !(options.isSet(QStringLiteral("participant")) && options.isSet(QStringLiteral("all-turns"))))
        return ctx.fail(QStringLiteral("code: --participant CODE and --all-turns go together"));
    if (!hasSource && !byParticipant)
        return ctx.fail(QStringLiteral("code: say what to code: --source NAME with --range/--text/--turn, or "
                                       "--participant CODE --all-turns"));

    // Parse the numbers before touching the project, so a typo never opens it for writing.
    qsizetype start = 0, end = 0;
    int turnNumber = 0;
    if (options.isSet(QStringLiteral("range"))) {
        static const QRegularExpression rangeForm(
            QStringLiteral("^\\s*(\\d{1,12})\\s*:\\s*(\\d{1,12})\\s*$"));
        const auto m = rangeForm.match(options.value(QStringLiteral("range")));
        if (!m.hasMatch())
            return ctx.fail(QStringLiteral("code: --range '%1' must be START:END (code-point offsets)")
                                .arg(options.value(QStringLiteral("range"))));
        start = m.captured(1).toLongLong();
        end = m.captured(2).toLongLong();
        if (end <= start)
            return ctx.fail(QStringLiteral("code: --range %1:%2 is empty (END must be greater than START)")
                                .arg(start)
                                .arg(end));
    }
    if (options.isSet(QStringLiteral("turn"))) {
        bool ok = false;
        turnNumber = options.value(QStringLiteral("turn")).toInt(&ok);
        if (!ok || turnNumber < 1)
            return ctx.fail(QStringLiteral("code: --turn '%1' must be a turn number from 1")
                                .arg(options.value(QStringLiteral("turn"))));
    }
    if (options.isSet(QStringLiteral("text")) && options.value(QStringLiteral("text")).isEmpty())
        return ctx.fail(QStringLiteral("code: --text is empty"));

    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Write);
    if (!project) return ctx.fail(project.errorMessage());
    auto code = resolveCode(**project, options.value(QStringLiteral("code")));
    if (!code) return ctx.fail(code.errorMessage());
    const QString& codePath = code->path;
    CodingRepository codings(**project);

    // Chosen below and run once the whole selection has been checked, with the search index (if
    // the project has one) following the change.
    std::function<Result<ApplyOutcome>()> apply;
    QString where;
    if (hasSource) {
        const QString name = options.value(QStringLiteral("source"));
        auto source = SourceRepository(**project).findByName(name);
        if (!source) return ctx.fail(source.errorMessage());
        if (!source->has_value())
            return ctx.fail(QStringLiteral("no source named '%1' in the project").arg(name));
        const qint64 sourceId = (*source)->id;
        where = (*source)->title;
        if (options.isSet(QStringLiteral("range"))) {
            apply = [&, sourceId] { return codings.applyRange(sourceId, start, end, code->id); };
            where += QStringLiteral(" %1:%2").arg(start).arg(end);
        } else if (options.isSet(QStringLiteral("turn"))) {
            // Checked here so the message names the source rather than its row id.
            auto turns = SourceRepository(**project).turns(sourceId);
            if (!turns) return ctx.fail(turns.errorMessage());
            if (turnNumber > int(turns->size()))
                return ctx.fail(QStringLiteral("code: %1 has no turn %2 (it has %3)")
                                    .arg((*source)->title)
                                    .arg(turnNumber)
                                    .arg(turns->size()));
            apply = [&, sourceId] { return codings.applyTurn(sourceId, turnNumber, code->id); };
            where += QStringLiteral(" turn %1").arg(turnNumber);
        } else {
            apply = [&, sourceId] {
                return codings.applyText(sourceId, options.value(QStringLiteral("text")), code->id);
            };
        }
    } else {
        const QString participantCode = options.value(QStringLiteral("participant")).trimmed();
        auto participant = ParticipantRepository(**project).findByCode(participantCode);
        if (!participant) return ctx.fail(participant.errorMessage());
        if (!participant->has_value())
            return ctx.fail(QStringLiteral("no participant '%1' in the project").arg(participantCode));
        auto turns = SourceRepository(**project).turnsOfParticipant((*participant)->id);
        if (!turns) return ctx.fail(turns.errorMessage());
        if (turns->empty())
            return ctx.fail(QStringLiteral("code: participant %1 speaks in no turn of any source")
                                .arg((*participant)->code));
        const qint64 participantId = (*participant)->id;
        apply = [&, participantId] { return codings.applyParticipant(participantId, code->id); };
        where = QStringLiteral("every turn of %1").arg((*participant)->code);
    }
    const auto index = SearchIndexOpener::follow(**project, ctx);
    const Result<ApplyOutcome> outcome = apply();
    if (!outcome) return ctx.fail(QStringLiteral("code: %1").arg(outcome.errorMessage()));
    const int total = outcome->added + outcome->existing;
    ctx.out << "Coded " << total << (total == 1 ? " segment" : " segments") << " with '" << codePath
            << "' in " << where << " (" << outcome->added << " new, " << outcome->existing
            << " already coded)" << Qt::endl;
    return ExitOk;
}

int CodeCommand::codeQuery(const CommandOptions& options, CliContext& ctx) {
    const QString query = options.value(QStringLiteral("query"));
    if (query.trimmed().isEmpty()) return ctx.fail(QStringLiteral("code: --query is empty"));
    AutoCodeScope scope = AutoCodeScope::Sentence;
    if (options.isSet(QStringLiteral("scope")) && !AutoCoder::parseScope(options.value(QStringLiteral("scope")).trimmed(), &scope))
        return ctx.fail(QStringLiteral("code: unknown --scope '%1' (use sentence, passage or turn)")
                            .arg(options.value(QStringLiteral("scope"))));

    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Write);
    if (!project) return ctx.fail(project.errorMessage());
    auto code = resolveCode(**project, options.value(QStringLiteral("code")));
    if (!code) return ctx.fail(code.errorMessage());
    const QString& codePath = code->path;

    // Declared after the project, so it is detached before the project closes.
    SearchIndex index(SearchIndex::locationFor((*project)->path()));
    if (Status s = SearchIndexOpener::open(index, **project, ctx); !s) return ctx.fail(s.errorMessage());
    index.attach(**project); // the coding below is in the index as soon as it commits
    auto outcome = AutoCoder::codeHits(**project, index, query, code->id, scope);
    if (!outcome) return ctx.fail(QStringLiteral("code: %1").arg(outcome.errorMessage()));
    ctx.out << "Coded " << outcome->hits << (outcome->hits == 1 ? " passage" : " passages") << " of \""
            << query << "\" with '" << codePath << "' (" << outcome->applied.added << " new, "
            << outcome->applied.existing << " already coded)" << Qt::endl;
    return ExitOk;
}

} // namespace warrant::cli
