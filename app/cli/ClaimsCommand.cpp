#include "ClaimsCommand.h"

#include "CommandOptions.h"
#include "ProjectOpener.h"
#include "store/ClaimRepository.h"
#include "store/SourceRepository.h"
#include "text/TextOffsets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace warrant::cli {

namespace {

Result<qint64> manuscriptId(Project& project, const QString& name) {
    auto source = SourceRepository(project).findByName(name);
    if (!source) return source.error();
    if (!source->has_value()) return makeError(QStringLiteral("no source named '%1' in the project").arg(name));
    return (*source)->id;
}

} // namespace

ClaimsCommand::ClaimsCommand()
    : CliCommand(QStringLiteral("claims"), QStringLiteral("List, mark, merge or split the claims of a manuscript.")) {}

int ClaimsCommand::run(const QStringList& args, CliContext& ctx) {
    return dispatch(args, ctx,
                    {{QStringLiteral("list"), QStringLiteral("List a manuscript's claims (found by 'audit' or marked)."),
                      [this](const QStringList& a, CliContext& c) { return list(a, c); }},
                     {QStringLiteral("mark"), QStringLiteral("Mark a span of a manuscript as a claim."),
                      [this](const QStringList& a, CliContext& c) { return mark(a, c); }},
                     {QStringLiteral("merge"), QStringLiteral("Merge two claims into one."),
                      [this](const QStringList& a, CliContext& c) { return merge(a, c); }},
                     {QStringLiteral("split"), QStringLiteral("Split a claim in two at an offset."),
                      [this](const QStringList& a, CliContext& c) { return split(a, c); }}});
}

int ClaimsCommand::list(const QStringList& args, CliContext& ctx) {
    CommandOptions options(QStringLiteral("claims list MANUSCRIPT [options]"), QStringLiteral("Lists the claims of a manuscript."));
    options.addProjectOptions();
    options.addJsonOption();
    options.setPositional(1, 1, {{QStringLiteral("MANUSCRIPT"), QStringLiteral("the manuscript's title or file name")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;
    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Read);
    if (!project) return ctx.fail(project.errorMessage());
    auto id = manuscriptId(**project, options.positional().front());
    if (!id) return ctx.fail(id.errorMessage());
    auto source = SourceRepository(**project).get(*id);
    auto claims = ClaimRepository(**project).claims(*id);
    if (!claims || !source || !source->has_value()) return ctx.fail(claims ? source.errorMessage() : claims.errorMessage());
    QJsonArray json;
    for (const StoredClaim& c : *claims) {
        const QString text = TextOffsets::midCodePoints((*source)->text, c.start, c.end).simplified();
        if (options.json())
            json.append(QJsonObject{{QStringLiteral("id"), c.id}, {QStringLiteral("start"), qint64(c.start)},
                                    {QStringLiteral("end"), qint64(c.end)}, {QStringLiteral("origin"), c.origin},
                                    {QStringLiteral("text"), text}});
        else
            ctx.out << c.id << "  [" << c.start << ":" << c.end << "] " << (c.origin == QStringLiteral("user") ? "(marked) " : "")
                    << text.left(140) << "\n";
    }
    if (options.json()) ctx.out << QJsonDocument(json).toJson(QJsonDocument::Indented);
    else if (claims->empty()) ctx.out << "No claims stored yet: run 'warrant-cli audit' on the manuscript first.\n";
    ctx.out.flush();
    return ExitOk;
}

int ClaimsCommand::mark(const QStringList& args, CliContext& ctx) {
    CommandOptions options(QStringLiteral("claims mark MANUSCRIPT START:END"), QStringLiteral("Marks a span (code points) as a claim."));
    options.addProjectOptions();
    options.setPositional(2, 2, {{QStringLiteral("MANUSCRIPT"), QStringLiteral("the manuscript's title or file name")},
                                 {QStringLiteral("START:END"), QStringLiteral("the span, in code points")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;
    const QStringList range = options.positional().at(1).split(u':');
    bool a = false, b = false;
    const qsizetype start = range.value(0).toLongLong(&a), end = range.value(1).toLongLong(&b);
    if (range.size() != 2 || !a || !b || start >= end) return ctx.fail(QStringLiteral("'%1' is not a range START:END").arg(options.positional().at(1)));
    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Write);
    if (!project) return ctx.fail(project.errorMessage());
    auto id = manuscriptId(**project, options.positional().front());
    if (!id) return ctx.fail(id.errorMessage());
    auto claim = ClaimRepository(**project).addClaim(*id, start, end);
    if (!claim) return ctx.fail(claim.errorMessage());
    ctx.out << "Marked claim " << *claim << "\n";
    ctx.out.flush();
    return ExitOk;
}

int ClaimsCommand::merge(const QStringList& args, CliContext& ctx) {
    CommandOptions options(QStringLiteral("claims merge FIRST_ID SECOND_ID"), QStringLiteral("Merges the second claim into the first."));
    options.addProjectOptions();
    options.setPositional(2, 2);
    if (int code = options.parse(args, ctx); code >= 0) return code;
    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Write);
    if (!project) return ctx.fail(project.errorMessage());
    if (Status s = ClaimRepository(**project).mergeClaims(options.positional().at(0).toLongLong(), options.positional().at(1).toLongLong()); !s)
        return ctx.fail(s.errorMessage());
    ctx.out << "Merged claim " << options.positional().at(1) << " into " << options.positional().at(0) << "\n";
    ctx.out.flush();
    return ExitOk;
}

int ClaimsCommand::split(const QStringList& args, CliContext& ctx) {
    CommandOptions options(QStringLiteral("claims split CLAIM_ID OFFSET"), QStringLiteral("Splits a claim at a code-point offset."));
    options.addProjectOptions();
    options.setPositional(2, 2);
    if (int code = options.parse(args, ctx); code >= 0) return code;
    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Write);
    if (!project) return ctx.fail(project.errorMessage());
    auto second = ClaimRepository(**project).splitClaim(options.positional().at(0).toLongLong(), options.positional().at(1).toLongLong());
    if (!second) return ctx.fail(second.errorMessage());
    ctx.out << "Split claim " << options.positional().at(0) << "; the second part is claim " << *second << "\n";
    ctx.out.flush();
    return ExitOk;
}

} // namespace warrant::cli
