#pragma once

#include <QJsonObject>

namespace warrant::bench {

// What a benchmark ran on (CPU model, memory, cores, kernel, OS, SQLite and Qt versions), so its
// figures can be compared with a later run's.
QJsonObject machineJson();

} // namespace warrant::bench
