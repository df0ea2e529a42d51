#include "EvidenceCommand.h"

#include "CommandOptions.h"
#include "ProjectOpener.h"
#include "store/ClaimRepository.h"
#include "store/SourceRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace warrant::cli {

namespace {

Result<std::pair<qsizetype, qsizetype>> parseRange(const QString& text) {
    const QStringList parts = text.split(u':');
    bool a = false, b = false;
    if (parts.size() == 2) {
        const qsizetype start = parts[0].toLongLong(&a), end = parts[1].toLongLong(&b);
        if (a && b && start < end) return std::make_pair(start, end);
    }
    return makeError(QStringLiteral("'%1' is not a range START:END").arg(text));
}

} // namespace

EvidenceCommand::EvidenceCommand()
    : CliCommand(QStringLiteral("evidence"), QStringLiteral("List, link, re-stance or unlink evidence for claims.")) {}

int EvidenceCommand::run(const QStringList& args, CliContext& ctx) {
    return dispatch(args, ctx,
                    {{QStringLiteral("list"), QStringLiteral("Show the evidence linked to a claim."),
                      [this](const QStringList& a, CliContext& c) { return list(a, c); }},
                     {QStringLiteral("add"), QStringLiteral("Link a span of a source to a claim."),
                      [this](const QStringList& a, CliContext& c) { return add(a, c); }},
                     {QStringLiteral("stance"), QStringLiteral("Change how a piece of evidence bears on its claim."),
                      [this](const QStringList& a, CliContext& c) { return stance(a, c); }},
                     {QStringLiteral("remove"), QStringLiteral("Unlink a piece of evidence."),
                      [this](const QStringList& a, CliContext& c) { return remove(a, c); }}});
}

int EvidenceCommand::list(const QStringList& args, CliContext& ctx) {
    CommandOptions options(QStringLiteral("evidence list CLAIM_ID [options]"), QStringLiteral("Lists a claim's evidence links."));
    options.addProjectOptions();
    options.addJsonOption();
    options.setPositional(1, 1, {{QStringLiteral("CLAIM_ID"), QStringLiteral("the claim's id (see 'audit --format json')")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;
    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Read);
    if (!project) return ctx.fail(project.errorMessage());
    auto links = ClaimRepository(**project).links(options.positional().front().toLongLong());
    if (!links) return ctx.fail(links.errorMessage());
    QJsonArray json;
    for (const EvidenceLink& l : *links) {
        auto source = SourceRepository(**project).get(l.sourceId);
        const QString title = source && source->has_value() ? (*source)->title : QString();
        const QString text = source && source->has_value() ? (*source)->text.mid(l.start, l.end - l.start) : QString();
        if (options.json()) {
            json.append(QJsonObject{{QStringLiteral("link_id"), l.id}, {QStringLiteral("claim_id"), l.claimId},
                                    {QStringLiteral("segment_id"), l.segmentId}, {QStringLiteral("source"), title},
                                    {QStringLiteral("start"), qint64(l.start)}, {QStringLiteral("end"), qint64(l.end)},
                                    {QStringLiteral("stance"), evidenceStanceName(l.stance)}, {QStringLiteral("origin"), l.origin},
                                    {QStringLiteral("text"), text}});
        } else {
            ctx.out << l.id << "  " << evidenceStanceName(l.stance) << "  " << title << " " << l.start << ":" << l.end << "  ("
                    << l.origin << ")\n    " << text.simplified().left(160) << "\n";
        }
    }
    if (options.json()) ctx.out << QJsonDocument(json).toJson(QJsonDocument::Indented);
    ctx.out.flush();
    return ExitOk;
}

int EvidenceCommand::add(const QStringList& args, CliContext& ctx) {
    CommandOptions options(QStringLiteral("evidence add CLAIM_ID --source NAME --range START:END [--stance STANCE]"),
                           QStringLiteral("Links text of a source (code-point range) to a claim as evidence."));
    options.addProjectOptions();
    options.add(QCommandLineOption(QStringLiteral("source"), QStringLiteral("Source title or file name."), QStringLiteral("NAME")));
    options.add(QCommandLineOption(QStringLiteral("range"), QStringLiteral("START:END in code points."), QStringLiteral("RANGE")));
    options.add(QCommandLineOption(QStringLiteral("stance"), QStringLiteral("supports, illustrates, qualifies or contradicts."),
                                   QStringLiteral("STANCE"), QStringLiteral("supports")));
    options.setPositional(1, 1, {{QStringLiteral("CLAIM_ID"), QStringLiteral("the claim's id")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;
    EvidenceStance stance;
    if (!parseEvidenceStance(options.value(QStringLiteral("stance")), &stance))
        return ctx.fail(QStringLiteral("unknown stance '%1' (supports, illustrates, qualifies, contradicts)").arg(options.value(QStringLiteral("stance"))));
    auto range = parseRange(options.value(QStringLiteral("range")));
    if (!range) return ctx.fail(range.errorMessage());
    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Write);
    if (!project) return ctx.fail(project.errorMessage());
    auto source = SourceRepository(**project).findByName(options.value(QStringLiteral("source")));
    if (!source) return ctx.fail(source.errorMessage());
    if (!source->has_value()) return ctx.fail(QStringLiteral("no source named '%1'").arg(options.value(QStringLiteral("source"))));
    auto link = ClaimRepository(**project).link(options.positional().front().toLongLong(), (*source)->id, range->first,
                                                range->second, stance, QStringLiteral("user"));
    if (!link) return ctx.fail(link.errorMessage());
    ctx.out << "Linked evidence " << *link << " (" << evidenceStanceName(stance) << ")\n";
    ctx.out.flush();
    return ExitOk;
}

int EvidenceCommand::stance(const QStringList& args, CliContext& ctx) {
    CommandOptions options(QStringLiteral("evidence stance LINK_ID STANCE"), QStringLiteral("Changes the stance of an evidence link."));
    options.addProjectOptions();
    options.setPositional(2, 2, {{QStringLiteral("LINK_ID"), QStringLiteral("the link's id")},
                                 {QStringLiteral("STANCE"), QStringLiteral("supports, illustrates, qualifies or contradicts")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;
    EvidenceStance stance;
    if (!parseEvidenceStance(options.positional().at(1), &stance))
        return ctx.fail(QStringLiteral("unknown stance '%1' (supports, illustrates, qualifies, contradicts)").arg(options.positional().at(1)));
    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Write);
    if (!project) return ctx.fail(project.errorMessage());
    if (Status s = ClaimRepository(**project).setStance(options.positional().front().toLongLong(), stance); !s)
        return ctx.fail(s.errorMessage());
    ctx.out << "Evidence " << options.positional().front() << " now " << evidenceStanceName(stance) << "\n";
    ctx.out.flush();
    return ExitOk;
}

int EvidenceCommand::remove(const QStringList& args, CliContext& ctx) {
    CommandOptions options(QStringLiteral("evidence remove LINK_ID"), QStringLiteral("Unlinks a piece of evidence from its claim."));
    options.addProjectOptions();
    options.setPositional(1, 1, {{QStringLiteral("LINK_ID"), QStringLiteral("the link's id")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;
    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Write);
    if (!project) return ctx.fail(project.errorMessage());
    if (Status s = ClaimRepository(**project).unlink(options.positional().front().toLongLong()); !s) return ctx.fail(s.errorMessage());
    ctx.out << "Removed evidence " << options.positional().front() << "\n";
    ctx.out.flush();
    return ExitOk;
}

} // namespace warrant::cli
