#include "AnalysisCommands.h"

#include "CommandOptions.h"
#include "JsonOutput.h"
#include "ProjectOpener.h"
#include "analysis/AnalysisSnapshot.h"
#include "analysis/CodeCooccurrence.h"
#include "analysis/CodeMatrix.h"
#include "analysis/CodeQuery.h"
#include "analysis/IntercoderAgreement.h"
#include "analysis/SaturationCoverage.h"
#include "analysis/TableExport.h"
#include "store/CodebookRepository.h"
#include "store/CodingRepository.h"

#include <QFileInfo>

namespace warrant::cli {

namespace {

QCommandLineOption outputOption() {
    return QCommandLineOption(QStringLiteral("output"), QStringLiteral("Also write the table(s) to FILE.csv or FILE.xlsx."),
                              QStringLiteral("file"));
}

QStringList listValues(const CommandOptions& options, const QString& name) {
    QStringList out;
    for (const QString& v : options.values(name))
        for (const QString& part : v.split(u',', Qt::SkipEmptyParts)) out << part.trimmed();
    return out;
}

// What every analysis does after computing: text or JSON on stdout, and --output.
int finish(const CommandOptions& options, CliContext& ctx, const QJsonObject& json, const QString& text,
           const std::vector<AnalysisTable>& tables) {
    if (options.isSet(QStringLiteral("output"))) {
        const QString path = options.value(QStringLiteral("output"));
        if (Status s = TableExport::write(tables, path); !s) return ctx.fail(s.errorMessage());
        if (!options.json()) ctx.out << "Wrote " << QFileInfo(path).fileName() << "\n";
    }
    if (options.json()) JsonOutput::write(ctx.out, json);
    else ctx.out << text << Qt::endl;
    return ExitOk;
}

struct Opened {
    std::unique_ptr<Project> project;
    AnalysisSnapshot snapshot;
};

Result<Opened> openForAnalysis(const CommandOptions& options, CliContext& ctx,
                               ProjectOpener::Access access = ProjectOpener::Access::Read) {
    auto project = ProjectOpener::open(options, ctx, access);
    if (!project) return project.error();
    auto snapshot = AnalysisSnapshot::load(**project);
    if (!snapshot) return snapshot.error();
    return Opened{std::move(*project), std::move(*snapshot)};
}

} // namespace

AgreementCommand::AgreementCommand()
    : CliCommand(QStringLiteral("agreement"), QStringLiteral("Intercoder agreement: percent, kappa and alpha per code.")) {}

int AgreementCommand::run(const QStringList& args, CliContext& ctx) {
    CommandOptions options(QStringLiteral("agreement --coders A,B[,C...] [options]"),
                           QStringLiteral("Compares how coders coded the sources they all coded: per code the units both, only one\n"
                                          "or neither coded, percent agreement, Cohen's kappa (two coders) or Fleiss' kappa (more),\n"
                                          "Krippendorff's alpha (nominal), and pooled totals with cu-alpha over the codebook."));
    options.addProjectOptions();
    options.addJsonOption();
    options.add(QCommandLineOption(QStringLiteral("coders"), QStringLiteral("The coders to compare (two or more)."), QStringLiteral("names")));
    options.add(QCommandLineOption(QStringLiteral("code"), QStringLiteral("A code to compare (repeatable; default: all)."), QStringLiteral("path")));
    options.add(QCommandLineOption(QStringLiteral("unit"), QStringLiteral("turn (default), sentence or character."), QStringLiteral("unit")));
    options.add(QCommandLineOption(QStringLiteral("source"), QStringLiteral("Only this source (repeatable)."), QStringLiteral("title")));
    options.add(outputOption());
    options.setPositional(0, 0);
    if (int code = options.parse(args, ctx); code >= 0) return code;
    AgreementRequest request{listValues(options, QStringLiteral("coders")), options.values(QStringLiteral("code")),
                             AgreementUnit::Turn, options.values(QStringLiteral("source"))};
    if (options.isSet(QStringLiteral("unit")) && !parseAgreementUnit(options.value(QStringLiteral("unit")), &request.unit))
        return ctx.fail(QStringLiteral("agreement: unknown --unit '%1' (use turn, sentence or character)").arg(options.value(QStringLiteral("unit"))));
    auto opened = openForAnalysis(options, ctx);
    if (!opened) return ctx.fail(opened.errorMessage());
    auto report = IntercoderAgreement::compute(*opened->project, opened->snapshot, request);
    if (!report) return ctx.fail(QStringLiteral("agreement: %1").arg(report.errorMessage()));
    return finish(options, ctx, report->toJson(), report->toText(), {report->table()});
}

MatrixCommand::MatrixCommand()
    : CliCommand(QStringLiteral("matrix"), QStringLiteral("Code × participant, group, attribute, coder or source counts.")) {}

int MatrixCommand::run(const QStringList& args, CliContext& ctx) {
    CommandOptions options(QStringLiteral("matrix --columns participant|group|ATTRIBUTE|coder|source [options]"),
                           QStringLiteral("Counts, for each code (with its subcodes), the distinct coded segments whose speaker falls\n"
                                          "in each column; --count cases counts participants, --count words coded words. A --query\n"
                                          "adds a row of the passages a code query finds."));
    options.addProjectOptions();
    options.addJsonOption();
    options.add(QCommandLineOption(QStringLiteral("rows"), QStringLiteral("codes (the only kind of rows)."), QStringLiteral("kind")));
    options.add(QCommandLineOption(QStringLiteral("code"), QStringLiteral("A row code (repeatable; default: all)."), QStringLiteral("path")));
    options.add(QCommandLineOption(QStringLiteral("query"), QStringLiteral("A code query as a row (repeatable)."), QStringLiteral("query")));
    options.add(QCommandLineOption(QStringLiteral("columns"), QStringLiteral("participant, group, coder, source or an attribute."), QStringLiteral("kind")));
    options.add(QCommandLineOption(QStringLiteral("count"), QStringLiteral("segments (default), cases or words."), QStringLiteral("what")));
    options.add(outputOption());
    options.setPositional(0, 0);
    if (int code = options.parse(args, ctx); code >= 0) return code;
    if (options.isSet(QStringLiteral("rows")) && options.value(QStringLiteral("rows")).compare(QStringLiteral("codes"), Qt::CaseInsensitive) != 0)
        return ctx.fail(QStringLiteral("matrix: --rows takes 'codes' (queries are rows through --query)"));
    MatrixCount count = MatrixCount::Segments;
    if (options.isSet(QStringLiteral("count")) && !parseMatrixCount(options.value(QStringLiteral("count")), &count))
        return ctx.fail(QStringLiteral("matrix: unknown --count '%1' (use segments, cases or words)").arg(options.value(QStringLiteral("count"))));
    auto opened = openForAnalysis(options, ctx);
    if (!opened) return ctx.fail(opened.errorMessage());
    const AnalysisSnapshot& snapshot = opened->snapshot;
    std::vector<MatrixRow> rows;
    const QStringList codes = options.values(QStringLiteral("code"));
    const QStringList queries = options.values(QStringLiteral("query"));
    for (const QString& path : codes) {
        const qint64 id = snapshot.findCode(path);
        if (!id) return ctx.fail(QStringLiteral("matrix: no code '%1' (give its full path or a unique name)").arg(path));
        rows.push_back({snapshot.codePath(id), snapshot.withDescendants(id), {}});
    }
    if (codes.isEmpty() && queries.isEmpty())
        for (qint64 id : snapshot.codesInOrder()) rows.push_back({snapshot.codePath(id), snapshot.withDescendants(id), {}});
    for (const QString& text : queries) {
        auto row = CodeMatrix::queryRow(text, snapshot);
        if (!row) return ctx.fail(QStringLiteral("matrix: %1").arg(row.errorMessage()));
        rows.push_back(std::move(*row));
    }
    auto matrix = CodeMatrix::compute(*opened->project, snapshot, rows, options.value(QStringLiteral("columns")), count);
    if (!matrix) return ctx.fail(QStringLiteral("matrix: %1").arg(matrix.errorMessage()));
    return finish(options, ctx, matrix->toJson(), matrix->toText(), {matrix->table()});
}

CooccurrenceCommand::CooccurrenceCommand()
    : CliCommand(QStringLiteral("cooccurrence"), QStringLiteral("Pairs of codes found together, with Jaccard coefficients.")) {}

int CooccurrenceCommand::run(const QStringList& args, CliContext& ctx) {
    CommandOptions options(QStringLiteral("cooccurrence [--code PATH]... [--within segment|turn|source] [options]"),
                           QStringLiteral("For each pair of codes, how many places carry both: overlapping segments (default),\n"
                                          "the same turn or the same source, with the Jaccard coefficient."));
    options.addProjectOptions();
    options.addJsonOption();
    options.add(QCommandLineOption(QStringLiteral("code"), QStringLiteral("A code (repeatable; default: all)."), QStringLiteral("path")));
    options.add(QCommandLineOption(QStringLiteral("within"), QStringLiteral("segment, turn or source."), QStringLiteral("scope")));
    options.add(outputOption());
    options.setPositional(0, 0);
    if (int code = options.parse(args, ctx); code >= 0) return code;
    CooccurrenceScope scope = CooccurrenceScope::Segment;
    if (options.isSet(QStringLiteral("within")) && !parseCooccurrenceScope(options.value(QStringLiteral("within")), &scope))
        return ctx.fail(QStringLiteral("cooccurrence: unknown --within '%1' (use segment, turn or source)").arg(options.value(QStringLiteral("within"))));
    auto opened = openForAnalysis(options, ctx);
    if (!opened) return ctx.fail(opened.errorMessage());
    auto result = CodeCooccurrence::compute(opened->snapshot, options.values(QStringLiteral("code")), scope);
    if (!result) return ctx.fail(QStringLiteral("cooccurrence: %1").arg(result.errorMessage()));
    return finish(options, ctx, result->toJson(), result->toText(), {result->table()});
}

QueryCommand::QueryCommand()
    : CliCommand(QStringLiteral("query"), QStringLiteral("Boolean and proximity queries over codings; auto-code the result.")) {}

int QueryCommand::run(const QStringList& args, CliContext& ctx) {
    CommandOptions options(QStringLiteral("query EXPRESSION [--code-into PATH] [options]"),
                           QStringLiteral("Finds passages by their codings: AND, OR, NOT, OVERLAPS, NEAR/n, FOLLOWS[/n], parentheses,\n"
                                          "and filters coder:NAME, participant:CODE, group:G, ATTRIBUTE:value (see docs/analysis.md).\n"
                                          "--code-into codes every passage with a code (created when missing), as one change."));
    options.addProjectOptions();
    options.addJsonOption();
    options.add(QCommandLineOption(QStringLiteral("code-into"), QStringLiteral("Code the passages with this code."), QStringLiteral("path")));
    options.add(outputOption());
    options.setPositional(1, -1, {{QStringLiteral("EXPRESSION"), QStringLiteral("the query (several words are joined)")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;
    const bool coding = options.isSet(QStringLiteral("code-into"));
    auto opened = openForAnalysis(options, ctx, coding ? ProjectOpener::Access::Write : ProjectOpener::Access::Read);
    if (!opened) return ctx.fail(opened.errorMessage());
    auto query = CodeQuery::parse(options.positional().join(u' '), opened->snapshot);
    if (!query) return ctx.fail(query.errorMessage());
    auto passages = query->run(opened->snapshot);
    if (!passages) return ctx.fail(passages.errorMessage());
    auto rows = describePassages(*opened->project, opened->snapshot, *passages);
    if (!rows) return ctx.fail(rows.errorMessage());
    QString text = QStringLiteral("%1 passages").arg(rows->size());
    for (const QueryPassageRow& r : *rows) text += QStringLiteral("\n%1 %2").arg(r.citation, r.text.simplified());
    if (coding && !passages->empty()) {
        auto code = CodebookRepository(*opened->project).ensurePath(options.value(QStringLiteral("code-into")));
        if (!code) return ctx.fail(code.errorMessage());
        std::vector<CodingRepository::Range> ranges;
        for (const QueryPassage& p : *passages) ranges.push_back({p.sourceId, qsizetype(p.start), qsizetype(p.end)});
        auto applied = CodingRepository(*opened->project).applyRanges(ranges, *code, QStringLiteral("the passages of '%1'").arg(query->text()));
        if (!applied) return ctx.fail(applied.errorMessage());
        text += QStringLiteral("\nCoded %1 passages with '%2' (%3 new codings)").arg(passages->size()).arg(options.value(QStringLiteral("code-into"))).arg(applied->added);
    }
    const QJsonObject json{{QStringLiteral("query"), query->text()}, {QStringLiteral("passages"), passagesJson(*rows)}};
    return finish(options, ctx, json, text, {passagesTable(*rows)});
}

SaturationCommand::SaturationCommand()
    : CliCommand(QStringLiteral("saturation"), QStringLiteral("New codes per transcript in interview order.")) {}

int SaturationCommand::run(const QStringList& args, CliContext& ctx) {
    CommandOptions options(QStringLiteral("saturation [options]"),
                           QStringLiteral("For each transcript in interview order (its Date line, else import order), the codes\n"
                                          "first used there and how many codes have been used so far: a saturation curve."));
    options.addProjectOptions();
    options.addJsonOption();
    options.add(outputOption());
    options.setPositional(0, 0);
    if (int code = options.parse(args, ctx); code >= 0) return code;
    auto opened = openForAnalysis(options, ctx);
    if (!opened) return ctx.fail(opened.errorMessage());
    auto result = SaturationCoverage::saturation(opened->snapshot);
    if (!result) return ctx.fail(result.errorMessage());
    return finish(options, ctx, result->toJson(), result->toText(), {result->table()});
}

CoverageCommand::CoverageCommand()
    : CliCommand(QStringLiteral("coverage"), QStringLiteral("Participants and groups per code; how much each participant's talk is coded.")) {}

int CoverageCommand::run(const QStringList& args, CliContext& ctx) {
    CommandOptions options(QStringLiteral("coverage [options]"),
                           QStringLiteral("For each code (with its subcodes), how many participants and groups carry it; for each\n"
                                          "participant, the share of the characters of their own turns that are coded."));
    options.addProjectOptions();
    options.addJsonOption();
    options.add(outputOption());
    options.setPositional(0, 0);
    if (int code = options.parse(args, ctx); code >= 0) return code;
    auto opened = openForAnalysis(options, ctx);
    if (!opened) return ctx.fail(opened.errorMessage());
    auto result = SaturationCoverage::coverage(opened->snapshot);
    if (!result) return ctx.fail(result.errorMessage());
    return finish(options, ctx, result->toJson(), result->toText(), result->tables());
}

} // namespace warrant::cli
