#pragma once

#include <QString>

#include <vector>

namespace warrant {

// Told to listeners after a mutation commits, so caches (the search index, views) can follow.
struct ChangeNotice {
    QString action;                 // same verb as the change log
    std::vector<qint64> sourceIds;  // sources whose text, turns or codings changed; empty if none
    bool codebookChanged = false;
    bool participantsChanged = false;
};

} // namespace warrant
