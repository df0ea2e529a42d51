#include "ops/ImportService.h"

#include "ops/ParallelLoop.h"
#include "store/Project.h"
#include "store/SourceRepository.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <atomic>
#include <map>
#include <memory>
#include <optional>

namespace warrant {

namespace {

struct PendingFile {
    QString path;
    QString sha256;
    ImportedDocument document;
};

// "imported transcript R8.txt", "imported 35 transcripts: R1.txt, R2.txt, R3.txt and 32 more".
QString importDetail(const std::vector<PendingFile>& pending, const QString& kind) {
    QStringList names;
    for (const PendingFile& f : pending) names << QFileInfo(f.path).fileName();
    if (names.size() == 1) return QStringLiteral("imported %1 %2").arg(kind, names.front());
    const qsizetype shown = std::min<qsizetype>(3, names.size());
    QString list = names.mid(0, shown).join(QStringLiteral(", "));
    if (names.size() > shown) list += QStringLiteral(" and %1 more").arg(names.size() - shown);
    return QStringLiteral("imported %1 %2s: %3").arg(names.size()).arg(kind, list);
}

Result<QByteArray> readBytes(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("%1: cannot read (%2)").arg(QFileInfo(path).fileName(), file.errorString()));
    return file.readAll();
}

} // namespace

bool ImportService::isImportable(const QString& fileName) { return FileImporter::isSupported(fileName); }

QStringList ImportService::expandPaths(const QStringList& paths, QString* error) {
    QStringList files;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            if (error) *error = QStringLiteral("%1: no such file or folder").arg(path);
            return {};
        }
        if (info.isFile()) {
            files << info.absoluteFilePath();
            continue;
        }
        QStringList inFolder;
        QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            // Inside folders only importable files are taken; README files describe, not record.
            if (isImportable(file) && !QFileInfo(file).baseName().startsWith(QStringLiteral("README"), Qt::CaseInsensitive))
                inFolder << QFileInfo(file).absoluteFilePath();
        }
        inFolder.sort();
        files << inFolder;
    }
    files.removeDuplicates();
    return files;
}

Result<ImportReport> ImportService::run(const ImportRequest& request, const Progress& progress, const Cancelled& cancelled) {
    QString expandError;
    const QStringList files = expandPaths(request.paths, &expandError);
    if (!expandError.isEmpty()) return makeError(expandError);
    if (files.isEmpty()) return makeError(QStringLiteral("no importable files given (.txt .md .docx .odt .vtt .srt)"));

    // Read and parse every file first, on all cores: one bad file rejects the batch before
    // anything is written.
    struct Parsed {
        QString error;
        QString sha256;
        std::optional<ImportedDocument> document;
    };
    std::vector<Parsed> parsed(size_t(files.size()));
    std::unique_ptr<std::atomic<bool>[]> finished(new std::atomic<bool>[size_t(files.size())]());
    size_t reported = 0;
    // Progress names files in their order, as each one and all before it are read.
    const auto reportReady = [&] {
        for (; reported < parsed.size() && finished[reported]; ++reported)
            if (progress) progress(int(reported), int(files.size()), QFileInfo(files[qsizetype(reported)]).fileName());
    };
    bool wasCancelled = false;
    parallelLoop(
        size_t(files.size()),
        [&](size_t i) {
            Parsed& out = parsed[i];
            const QString name = QFileInfo(files[qsizetype(i)]).fileName();
            auto bytes = readBytes(files[qsizetype(i)]);
            if (!bytes) {
                out.error = bytes.errorMessage();
            } else {
                out.sha256 = FileImporter::sha256Hex(*bytes);
                auto document = FileImporter::importBytes(*bytes, name, request.options);
                if (document) out.document = std::move(*document);
                else out.error = document.errorMessage();
            }
            finished[i] = true;
        },
        [&] {
            reportReady();
            if (cancelled && cancelled()) wasCancelled = true;
            return !wasCancelled;
        });
    if (!wasCancelled) reportReady();
    if (wasCancelled) return makeError(QStringLiteral("import cancelled; nothing was imported"));

    ImportReport report;
    std::vector<PendingFile> pending;
    std::map<QString, QString> batchHashes;
    SourceRepository sources(m_project);
    int done = 0;
    for (qsizetype i = 0; i < files.size(); ++i) {
        Parsed& file = parsed[size_t(i)];
        const QString name = QFileInfo(files[i]).fileName();
        if (!file.error.isEmpty()) return makeError(file.error);
        const QString& sha = file.sha256;
        if (auto existing = sources.findBySha256(sha); existing && existing->has_value()) {
            report.duplicates << QStringLiteral("%1: same bytes as already imported '%2'").arg(name, (*existing)->title);
            ++done;
            continue;
        }
        if (auto twin = batchHashes.find(sha); twin != batchHashes.end()) {
            report.duplicates << QStringLiteral("%1: same bytes as %2 in this import").arg(name, twin->second);
            ++done;
            continue;
        }
        ImportedDocument document = std::move(*file.document);
        if (request.kind != SourceKind::Transcript) {
            // Documents and manuscripts have no speakers: a "Note:" line is not a turn.
            document.turns.clear();
            if (request.options.participantCode.isEmpty()) document.participantCode.clear();
        }
        batchHashes.emplace(sha, name);
        pending.push_back({files[i], sha, std::move(document)});
        ++done;
    }
    if (progress) progress(done, int(files.size()), QString());
    if (pending.empty()) return report;

    ChangeNotice notice;
    notice.participantsChanged = true;
    Status written = m_project.mutate(
        QStringLiteral("source.import"),
        importDetail(pending, sourceKindName(request.kind)),
        [&]() -> Status {
            for (const PendingFile& file : pending) {
                auto id = sources.add(file.document, request.kind, QFileInfo(file.path).fileName(), file.sha256);
                if (!id) return id.error();
                ChangeNotice added;
                added.sourceIds.push_back(*id);
                m_project.noteChange(added);
                report.imported.push_back({*id, QFileInfo(file.path).fileName(), file.document.title,
                                           file.document.participantCode, int(file.document.turns.size())});
            }
            return {};
        },
        notice);
    if (!written) return written.error();
    return report;
}

} // namespace warrant
