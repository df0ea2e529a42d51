#pragma once

#include "Result.h"

namespace warrant {

class Project;

// Applies codings stored as CSV (participant,code,coder,text): each text is an exact excerpt of
// that participant's transcript. Used for the sample corpus and for moving codings between
// projects. All rows are applied as one change or none; an excerpt that is not found, or is
// found more than once, is an error naming the row.
class CodingCsvApplier {
public:
    explicit CodingCsvApplier(Project& project) : m_project(project) {}
    Result<int> applyFile(const QString& path);

private:
    Project& m_project;
};

} // namespace warrant
