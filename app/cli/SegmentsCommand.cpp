#include "SegmentsCommand.h"

#include "CommandOptions.h"
#include "JsonOutput.h"
#include "ProjectOpener.h"
#include "store/CodebookRepository.h"
#include "store/CodingRepository.h"
#include "store/ParticipantRepository.h"
#include "store/SourceRepository.h"

#include <algorithm>

namespace warrant::cli {

SegmentsCommand::SegmentsCommand()
    : CliCommand(QStringLiteral("segments"), QStringLiteral("Retrieve coded segments with citations.")) {}

int SegmentsCommand::run(const QStringList& args, CliContext& ctx) {
    CommandOptions options(
        QStringLiteral("segments [options]"),
        QStringLiteral("Prints each coded segment's text followed by its citation, e.g. (R8, turn 12),\n"
                       "and its code. A code includes its subcodes. Repeated --code options match\n"
                       "any of them. Finding nothing is not an error (exit code 0)."));
    options.addProjectOptions(false);
    options.addJsonOption();
    options.add(QCommandLineOption(QStringLiteral("code"),
                                   QStringLiteral("Code path or unique name (repeatable)."),
                                   QStringLiteral("path")));
    options.add(QCommandLineOption(QStringLiteral("participant"),
                                   QStringLiteral("Only this participant's segments."),
                                   QStringLiteral("code")));
    options.add(QCommandLineOption(QStringLiteral("attribute"),
                                   QStringLiteral("Only participants with this attribute value."),
                                   QStringLiteral("name=value")));
    options.add(QCommandLineOption(QStringLiteral("coder"), QStringLiteral("Only this coder's codings."),
                                   QStringLiteral("name")));
    options.add(QCommandLineOption(QStringLiteral("source"), QStringLiteral("Only segments of this source."),
                                   QStringLiteral("name")));
    options.setPositional(0, 0);
    if (int code = options.parse(args, ctx); code >= 0) return code;

    SegmentFilter filter;
    const QString attribute = options.value(QStringLiteral("attribute"));
    if (!attribute.isEmpty()) {
        const qsizetype eq = attribute.indexOf(u'=');
        if (eq <= 0)
            return ctx.fail(QStringLiteral("segments: --attribute '%1' must be NAME=VALUE").arg(attribute));
        filter.attributeName = attribute.left(eq).trimmed();
        filter.attributeValue = attribute.mid(eq + 1).trimmed();
    }
    filter.coder = options.value(QStringLiteral("coder")).trimmed();

    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Read);
    if (!project) return ctx.fail(project.errorMessage());

    // Unknown names are errors rather than empty results: a typo must not look like "no evidence".
    CodebookRepository codebook(**project);
    for (const QString& path : options.values(QStringLiteral("code"))) {
        auto code = codebook.resolve(path);
        if (!code) return ctx.fail(code.errorMessage());
        auto ids = codebook.withDescendants(code->id);
        if (!ids) return ctx.fail(ids.errorMessage());
        for (qint64 id : *ids)
            if (std::find(filter.codeIds.begin(), filter.codeIds.end(), id) == filter.codeIds.end())
                filter.codeIds.push_back(id);
    }
    if (const QString code = options.value(QStringLiteral("participant")).trimmed(); !code.isEmpty()) {
        auto participant = ParticipantRepository(**project).findByCode(code);
        if (!participant) return ctx.fail(participant.errorMessage());
        if (!participant->has_value())
            return ctx.fail(QStringLiteral("no participant '%1' in the project").arg(code));
        filter.participantCode = (*participant)->code;
    }
    if (!filter.attributeName.isEmpty()) {
        auto names = ParticipantRepository(**project).attributeNames();
        if (!names) return ctx.fail(names.errorMessage());
        const auto known = std::find_if(names->begin(), names->end(), [&](const QString& n) {
            return n.compare(filter.attributeName, Qt::CaseInsensitive) == 0;
        });
        if (known == names->end())
            return ctx.fail(
                QStringLiteral("no participant attribute '%1' in the project").arg(filter.attributeName));
    }
    if (const QString name = options.value(QStringLiteral("source")); !name.isEmpty()) {
        auto source = SourceRepository(**project).findByName(name);
        if (!source) return ctx.fail(source.errorMessage());
        if (!source->has_value())
            return ctx.fail(QStringLiteral("no source named '%1' in the project").arg(name));
        filter.sourceId = (*source)->id;
    }

    auto segments = CodingRepository(**project).segments(filter);
    if (!segments) return ctx.fail(segments.errorMessage());

    if (options.json()) {
        QJsonArray array;
        for (const CodedSegment& s : *segments)
            array.append(JsonOutput::segment(s));
        JsonOutput::write(ctx.out, array);
        return ExitOk;
    }
    for (const CodedSegment& s : *segments)
        ctx.out << s.text << "\n  " << s.citation() << " " << s.codePath << " [" << s.coder << ", coding "
                << s.codingId << "]\n\n";
    ctx.out << segments->size() << (segments->size() == 1 ? " coded segment" : " coded segments") << Qt::endl;
    return ExitOk;
}

} // namespace warrant::cli
