#pragma once

#include "Result.h"
#include "model/Code.h"

#include <optional>
#include <vector>

namespace warrant {

class Project;

// What deleting a code did, so callers can tell the user.
struct CodeDeletion {
    int codesRemoved = 0;
    int codingsRemoved = 0;
};

// The code hierarchy. Paths use '/' between levels: "Political influence/Institutional conflict".
class CodebookRepository {
public:
    explicit CodebookRepository(Project& project) : m_project(project) {}

    Result<std::vector<Code>> list(); // parents before children, siblings by position
    Result<std::optional<Code>> get(qint64 id);
    // Resolves a full path, or a bare name when it is unique in the codebook.
    Result<Code> resolve(const QString& pathOrName);
    QString path(const std::vector<Code>& all, qint64 id) const;
    // The code and all its descendants.
    Result<std::vector<qint64>> withDescendants(qint64 id);

    // All mutating calls record one change-log entry each.
    Result<qint64> create(const Code& code); // parentId, name, colour (chosen when empty), definition
    // Creates missing levels of a path; returns the leaf's id. Used by importers.
    Result<qint64> ensurePath(const QString& path, const QString& colour = {});
    Status rename(qint64 id, const QString& newName);
    Status move(qint64 id, qint64 newParentId);
    Status updateDefinition(const Code& code); // colour, description, inclusion, exclusion, example
    // Moves every coding, child and memo of `from` onto `into`, then deletes `from`.
    Status merge(qint64 from, qint64 into);
    // Deletes the code; with `recursive` also its descendants. Their codings are deleted too
    // and counted in the result; without `recursive` a code with children is refused.
    Result<CodeDeletion> remove(qint64 id, bool recursive);

    static QString defaultColour(int index);

private:
    Status checkSiblingName(qint64 parentId, const QString& name, qint64 exceptId);
    Project& m_project;
};

} // namespace warrant
