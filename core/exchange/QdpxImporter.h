#pragma once

#include "Result.h"
#include "exchange/QdpxImportReport.h"

#include <functional>

namespace warrant {

struct QdpxImportOptions {
    bool skipBad = false; // import what is sound and list the selections that cannot be placed
    QString coder;        // who the import is recorded under (default: the system user)
};

// Creates a new Warrant project from a REFI-QDA project (.qdpx, or a bare .qde). All or nothing:
// the project file appears only when everything was read, placed and written; on any error no
// file is left behind. An existing project file is never touched.
class QdpxImporter {
public:
    using Progress = std::function<void(int done, int total, const QString& what)>;
    static Result<QdpxImportReport> importFile(const QString& qdpxPath, const QString& projectPath,
                                               const QdpxImportOptions& options = {},
                                               const Progress& progress = {});
};

} // namespace warrant
