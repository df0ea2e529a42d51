#pragma once

#include <QDateTime>
#include <QString>

namespace warrant {

// One recorded mutation: who did what, when.
struct ChangeLogEntry {
    qint64 id = 0;
    QDateTime at;
    QString coder;
    QString action; // machine-readable verb, e.g. "code.apply"
    QString detail; // human-readable description
};

} // namespace warrant
