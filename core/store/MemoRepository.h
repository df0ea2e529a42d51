#pragma once

#include "Result.h"
#include "model/Memo.h"

#include <optional>
#include <vector>

namespace warrant {

class Project;

class MemoRepository {
public:
    explicit MemoRepository(Project& project) : m_project(project) {}

    Result<qint64> add(MemoTarget target, qint64 targetId, const QString& title, const QString& body);
    Status update(qint64 id, const QString& title, const QString& body);
    Status remove(qint64 id);
    // All memos, or those attached to one target.
    Result<std::vector<Memo>> list(std::optional<MemoTarget> target = std::nullopt, qint64 targetId = 0);

private:
    Status checkTarget(MemoTarget target, qint64 targetId);
    Project& m_project;
};

} // namespace warrant
