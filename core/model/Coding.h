#pragma once

#include <QDateTime>
#include <QString>

namespace warrant {

// One coder's application of one code to one segment.
struct Coding {
    qint64 id = 0;
    qint64 segmentId = 0;
    qint64 codeId = 0;
    qint64 coderId = 0;
    QDateTime createdAt;
};

} // namespace warrant
