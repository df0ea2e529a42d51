#pragma once

#include "Result.h"
#include "store/ChangeNotice.h"

#include <QString>

namespace warrant {

class Project;

// A copy of a project's data taken before a sweeping change (merging or deleting codes, importing
// files, importing participants), so that change can be undone exactly: restoring puts every row
// back as it was, ids included, as one new change. The change log and the coders are left as
// they are: both only ever grow.
class ProjectSnapshot {
public:
    // Writes the snapshot to `file`, which must not exist yet.
    static Result<ProjectSnapshot> take(Project& project, const QString& file);

    // Makes the project's data equal to the snapshot again; listeners hear `notice`.
    Status restore(Project& project, const QString& action, const QString& detail, ChangeNotice notice) const;

    QString file() const { return m_file; }

private:
    explicit ProjectSnapshot(QString file) : m_file(std::move(file)) {}
    QString m_file;
};

} // namespace warrant
