#pragma once

#include "Result.h"

#include <QString>

namespace warrant {

class Project;

struct QdpxExportSummary {
    int codes = 0;
    int sources = 0;
    int selections = 0;
    int codings = 0;
    int cases = 0;
    int notes = 0;
    QString toText(const QString& path) const;
};

// Writes a project as a REFI-QDA .qdpx: project.qde and each source's text as an internal UTF-8
// file, offsets in Unicode characters. The file is replaced only when complete.
class QdpxExporter {
public:
    static Result<QdpxExportSummary> exportFile(Project& project, const QString& path);
    // The zip's bytes: what exportFile writes.
    static Result<QByteArray> archive(Project& project, QdpxExportSummary* summary = nullptr);
};

} // namespace warrant
