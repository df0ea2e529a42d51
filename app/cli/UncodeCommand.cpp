#include "UncodeCommand.h"

#include "CommandOptions.h"
#include "ProjectOpener.h"
#include "SearchIndex.h"
#include "SearchIndexOpener.h"
#include "store/CodingRepository.h"

namespace warrant::cli {

UncodeCommand::UncodeCommand()
    : CliCommand(QStringLiteral("uncode"), QStringLiteral("Remove one coding by its id.")) {}

int UncodeCommand::run(const QStringList& args, CliContext& ctx) {
    CommandOptions options(
        QStringLiteral("uncode --coding ID [options]"),
        QStringLiteral("Removes one coding. Coding ids are shown by 'segments --json' (codingId)."));
    options.addProjectOptions();
    options.add(QCommandLineOption(QStringLiteral("coding"), QStringLiteral("The coding's id."),
                                   QStringLiteral("id")));
    options.setPositional(0, 0);
    if (int code = options.parse(args, ctx); code >= 0) return code;
    if (!options.isSet(QStringLiteral("coding")))
        return ctx.fail(QStringLiteral("uncode: --coding ID is required"));
    bool ok = false;
    const qint64 id = options.value(QStringLiteral("coding")).toLongLong(&ok);
    if (!ok || id <= 0)
        return ctx.fail(QStringLiteral("uncode: --coding '%1' must be a coding id (a positive number)")
                            .arg(options.value(QStringLiteral("coding"))));

    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Write);
    if (!project) return ctx.fail(project.errorMessage());
    CodingRepository codings(**project);
    auto existing = codings.coding(id);
    if (!existing) return ctx.fail(existing.errorMessage());
    if (!existing->has_value())
        return ctx.fail(QStringLiteral("uncode: no coding %1 in the project").arg(id));
    const auto index = SearchIndexOpener::follow(**project, ctx); // kept current by the change
    if (Status s = codings.remove(id); !s)
        return ctx.fail(QStringLiteral("uncode: %1").arg(s.errorMessage()));
    const CodedSegment& c = **existing;
    ctx.out << "Removed coding " << id << ": '" << c.codePath << "' from " << c.sourceTitle << " "
            << c.citation() << Qt::endl;
    return ExitOk;
}

} // namespace warrant::cli
