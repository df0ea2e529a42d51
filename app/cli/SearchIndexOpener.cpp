#include "SearchIndexOpener.h"

#include "SearchIndex.h"
#include "store/Project.h"

#include <QFileInfo>

namespace warrant::cli {

namespace {

// Progress of a (re)build on a terminal: one line, rewritten in place, ended when the build ends.
class BuildProgress {
  public:
    BuildProgress(CliContext& ctx, bool announceNow) : m_ctx(ctx) {
        if (announceNow) announce();
    }
    ~BuildProgress() {
        if (m_open) m_ctx.err << Qt::endl;
    }
    BuildProgress(const BuildProgress&) = delete;
    BuildProgress& operator=(const BuildProgress&) = delete;

    SearchIndex::Progress callback() {
        if (!m_ctx.isTerminal) return {};
        return [this](int done, int total) {
            if (!m_open) announce();
            m_ctx.err << "\rBuilding the search index… " << done << "/" << total << " passages";
            m_ctx.err.flush();
        };
    }

  private:
    void announce() {
        if (!m_ctx.isTerminal) return;
        m_ctx.err << "Building the search index…";
        m_ctx.err.flush();
        m_open = true;
    }

    CliContext& m_ctx;
    bool m_open = false;
};

} // namespace

Status SearchIndexOpener::open(SearchIndex& index, Project& project, CliContext& ctx, bool* rebuilt) {
    // A missing folder is certain to be built: say so before the work starts. A stale or damaged
    // index is only known to be rebuilt when the first progress report arrives.
    const bool missing = !QFileInfo::exists(SearchIndex::locationFor(project.path()));
    BuildProgress progress(ctx, missing);
    return index.open(project, progress.callback(), rebuilt);
}

Status SearchIndexOpener::rebuild(SearchIndex& index, Project& project, CliContext& ctx) {
    BuildProgress progress(ctx, true);
    return index.rebuild(project, progress.callback());
}

std::unique_ptr<SearchIndex> SearchIndexOpener::follow(Project& project, CliContext& ctx) {
    const QString location = SearchIndex::locationFor(project.path());
    if (!QFileInfo(location).isDir()) return nullptr;
    auto index = std::make_unique<SearchIndex>(location);
    // open() first: attaching a stale index would stamp it current after the next change.
    if (!open(*index, project, ctx)) return nullptr;
    index->attach(project);
    return index;
}

} // namespace warrant::cli
