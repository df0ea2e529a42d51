#include "exchange/QdpxImporter.h"

#include "exchange/QdeReader.h"
#include "exchange/QdpxArchive.h"
#include "exchange/QdpxPlacement.h"
#include "exchange/QdpxProjectWriter.h"
#include "store/Project.h"

#include <QFile>
#include <QFileInfo>

namespace warrant {

namespace {

void removeProjectFiles(const QString& path) {
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".lock")})
        QFile::remove(path + suffix);
}

Error tooManyProblems(const QString& file, const QStringList& problems) {
    QStringList shown = problems.mid(0, 10);
    if (problems.size() > shown.size()) shown << QStringLiteral("… and %1 more").arg(problems.size() - shown.size());
    return makeError(QStringLiteral("%1: %2 selections or codings cannot be placed, so nothing was imported "
                                    "(--skip-bad imports the rest):\n  %3")
                         .arg(file)
                         .arg(problems.size())
                         .arg(shown.join(QStringLiteral("\n  "))));
}

Status writeProject(const QString& path, const QdpxImportOptions& options, const qda::Project& file,
                    const ProjectPlacement& placement, QdpxImportReport& report) {
    auto project = Project::create(path, options.coder);
    if (!project) return project.error();
    const QString detail = QStringLiteral("imported %1%2").arg(report.file, file.origin.isEmpty() ? QString()
                                                                    : QStringLiteral(" from %1").arg(file.origin));
    return (*project)->mutate(QStringLiteral("exchange.import"), detail,
                              [&] { return QdpxProjectWriter(**project, file, placement, report).write(); });
}

} // namespace

Result<QdpxImportReport> QdpxImporter::importFile(const QString& qdpxPath, const QString& projectPath,
                                                  const QdpxImportOptions& options, const Progress& progress) {
    const QString name = QFileInfo(qdpxPath).fileName();
    if (QFileInfo::exists(projectPath))
        return makeError(QStringLiteral("%1 already exists; choose a new project file").arg(projectPath));
    auto archive = QdpxArchive::open(qdpxPath);
    if (!archive) return archive.error();
    auto xml = archive->projectXml();
    if (!xml) return xml.error();
    auto file = QdeReader::read(*xml, name);
    if (!file) return file.error();
    auto placement = QdpxPlacement::place(*file, *archive, progress, options.skipBad);
    if (!placement) return placement.error();

    QdpxImportReport report;
    report.file = name;
    report.origin = file->origin;
    report.convention = placement->convention.describe();
    report.conventionEvidence = placement->evidence;
    report.notes = placement->notes;
    report.skipped << placement->unreadable;
    // Built under a temporary name, so a failure half-way leaves no project behind.
    const QString building = projectPath + QStringLiteral(".importing");
    removeProjectFiles(building);
    Status written = writeProject(building, options, *file, *placement, report);
    if (written && !report.problems.isEmpty() && !options.skipBad) written = tooManyProblems(name, report.problems);
    if (written && !QFile::rename(building, projectPath))
        written = makeError(QStringLiteral("cannot create %1").arg(projectPath));
    removeProjectFiles(building);
    if (!written) return written.error();
    return report;
}

} // namespace warrant
