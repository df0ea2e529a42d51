#include "ReindexCommand.h"

#include "CommandOptions.h"
#include "ProjectOpener.h"
#include "SearchIndex.h"
#include "SearchIndexOpener.h"

namespace warrant::cli {

ReindexCommand::ReindexCommand()
    : CliCommand(QStringLiteral("reindex"), QStringLiteral("Rebuild the project's search index.")) {}

int ReindexCommand::run(const QStringList& args, CliContext& ctx) {
    CommandOptions options(
        QStringLiteral("reindex [options]"),
        QStringLiteral("Rebuilds the full-text index (NAME.warrant-index, next to the project) from the\n"
                       "project file. Never needed for correctness: search rebuilds a missing, damaged or\n"
                       "out-of-date index by itself. The project is only read."));
    options.addProjectOptions();
    options.setPositional(0, 0);
    if (int code = options.parse(args, ctx); code >= 0) return code;

    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Read);
    if (!project) return ctx.fail(project.errorMessage());
    const QString location = SearchIndex::locationFor((*project)->path());
    SearchIndex index(location);
    if (Status s = SearchIndexOpener::rebuild(index, **project, ctx); !s) return ctx.fail(s.errorMessage());
    auto count = index.passageCount();
    if (!count) return ctx.fail(count.errorMessage());
    ctx.out << "Indexed " << *count << (*count == 1 ? " passage" : " passages") << " from "
            << (*project)->path() << " into " << location << Qt::endl;
    return ExitOk;
}

} // namespace warrant::cli
