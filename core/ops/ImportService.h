#pragma once

#include "Result.h"
#include "import/FileImporter.h"
#include "model/Source.h"

#include <QStringList>

#include <functional>
#include <vector>

namespace warrant {

class Project;

struct ImportRequest {
    QStringList paths;          // files or folders (folders: importable files inside, recursively)
    SourceKind kind = SourceKind::Transcript;
    ImportOptions options;      // participant code, encoding, speaker mapping
};

struct ImportedSourceInfo {
    qint64 sourceId = 0;
    QString fileName;
    QString title;
    QString participantCode;
    int turns = 0;
};

struct ImportReport {
    std::vector<ImportedSourceInfo> imported;
    QStringList duplicates; // "R8.txt: same bytes as already imported 'R8'"
};

// Imports a batch of files as one change: every file is read and checked first; if any fails
// nothing is written. Files whose bytes are already in the project are skipped and reported.
class ImportService {
public:
    using Progress = std::function<void(int done, int total, const QString& file)>;
    using Cancelled = std::function<bool()>;

    explicit ImportService(Project& project) : m_project(project) {}

    Result<ImportReport> run(const ImportRequest& request, const Progress& progress = {},
                             const Cancelled& cancelled = {});

    static QStringList expandPaths(const QStringList& paths, QString* error);
    static bool isImportable(const QString& fileName);

private:
    Project& m_project;
};

} // namespace warrant
