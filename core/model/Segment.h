#pragma once

#include <QString>

namespace warrant {

// A span of a source that carries codings or evidence links. The text snapshot and its hash
// let a coding be re-anchored if it ever has to move to a re-imported version of the text.
struct Segment {
    qint64 id = 0;
    qint64 sourceId = 0;
    qsizetype start = 0;
    qsizetype end = 0;
    QString text;
    QString textHash;
};

} // namespace warrant
