#include "ops/DemoProjectBuilder.h"

#include "ops/CodebookIo.h"
#include "ops/CodingCsvApplier.h"
#include "ops/ImportService.h"
#include "ops/ParticipantCsvImporter.h"
#include "store/Project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>

namespace warrant {

namespace {

QStringList filesIn(const QDir& dir, const QStringList& patterns) {
    QStringList paths;
    for (const QString& f : dir.entryList(patterns, QDir::Files, QDir::Name)) paths << dir.filePath(f);
    return paths;
}

} // namespace

QString DemoProjectBuilder::defaultCorpusDir() {
    const QString fromEnv = qEnvironmentVariable("WARRANT_SAMPLE_CORPUS");
    if (!fromEnv.isEmpty()) return fromEnv;
    const QStringList candidates = {
        QStringLiteral(WARRANT_SOURCE_DIR "/sample_corpus"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/warrant/sample_corpus"),
    };
    for (const QString& c : candidates)
        if (QFileInfo(c).isDir()) return QDir::cleanPath(c);
    return {};
}

Status DemoProjectBuilder::build(const QString& corpusDir, const QString& projectPath, const Log& log) {
    const auto say = [&](const QString& line) {
        if (log) log(line);
    };
    const QDir corpus(corpusDir);
    if (corpusDir.isEmpty() || !corpus.exists())
        return makeError(QStringLiteral("%1: the sample corpus folder does not exist").arg(corpusDir));

    // Build into a temporary file and move it into place at the end, so a failed build never
    // leaves a half-made project where the user expects a good one.
    if (QFileInfo::exists(projectPath))
        return makeError(QStringLiteral("%1 already exists; remove it or choose another path").arg(projectPath));
    const QString partial = projectPath + QStringLiteral(".partial");
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".lock")})
        QFile::remove(partial + suffix);

    Status result = [&]() -> Status {
        auto created = Project::create(partial, QStringLiteral("alewis"));
        if (!created) return created.error();
        Project& project = **created;

        if (const QString csv = corpus.filePath(QStringLiteral("participants.csv")); QFileInfo::exists(csv)) {
            auto n = ParticipantCsvImporter(project).importFile(csv);
            if (!n) return n.error();
            say(QStringLiteral("participants: %1").arg(*n));
        }
        const std::pair<const char*, SourceKind> folders[] = {{"transcripts", SourceKind::Transcript},
                                                              {"documents", SourceKind::Document},
                                                              {"manuscript", SourceKind::Manuscript}};
        for (const auto& [folder, kind] : folders) {
            const QString dir = corpus.filePath(QString::fromLatin1(folder));
            if (!QFileInfo(dir).isDir()) continue;
            // One file per document: a manuscript kept as both .md and .docx is imported once,
            // from its word-processor form, as a reviewer would receive it.
            QStringList files;
            QMap<QString, QString> byBaseName;
            for (const QString& f : QDir(dir).entryList(QDir::Files, QDir::Name)) {
                if (!ImportService::isImportable(f) || f.startsWith(QStringLiteral("README"))) continue;
                const QString base = QFileInfo(f).completeBaseName();
                const bool preferred = f.endsWith(QStringLiteral(".docx")) || f.endsWith(QStringLiteral(".odt"));
                if (!byBaseName.contains(base) || preferred) byBaseName[base] = QDir(dir).filePath(f);
            }
            files = byBaseName.values();
            if (files.isEmpty()) continue;
            ImportRequest request;
            request.paths = files;
            request.kind = kind;
            auto report = ImportService(project).run(request);
            if (!report) return report.error();
            say(QStringLiteral("%1: %2 imported").arg(QString::fromLatin1(folder)).arg(report->imported.size()));
        }
        for (const QString& name : {QStringLiteral("codebook.csv"), QStringLiteral("codebook.md")}) {
            const QString path = corpus.filePath(name);
            if (!QFileInfo::exists(path)) continue;
            auto n = CodebookIo(project).importFile(path);
            if (!n) return n.error();
            say(QStringLiteral("codebook: %1 codes").arg(*n));
            break;
        }
        for (const QString& path : filesIn(QDir(corpus.filePath(QStringLiteral("codings"))), {QStringLiteral("*.csv")})) {
            auto n = CodingCsvApplier(project).applyFile(path);
            if (!n) return n.error();
            say(QStringLiteral("codings from %1: %2").arg(QFileInfo(path).fileName()).arg(*n));
        }
        // Fold the WAL into the main file so the finished project is one self-contained file.
        return project.db().exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }();

    if (!result) {
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".lock")})
            QFile::remove(partial + suffix);
        return result;
    }
    QFile::remove(partial + QStringLiteral("-wal"));
    QFile::remove(partial + QStringLiteral("-shm"));
    if (!QFile::rename(partial, projectPath))
        return makeError(QStringLiteral("%1: cannot move the finished project into place").arg(projectPath));
    return {};
}

} // namespace warrant
