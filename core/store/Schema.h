#pragma once

#include <QString>

#include <vector>

namespace warrant {

// The project file format. Migrations are append-only: a released step is never edited, a
// change to the schema is a new step. Step N brings a file from user_version N-1 to N.
struct Migration {
    int version;
    QString sql;
};

namespace schema {

// PRAGMA application_id of every Warrant project: "WRNT".
constexpr int applicationId = 0x57524E54;

const std::vector<Migration>& migrations();
int currentVersion();

} // namespace schema
} // namespace warrant
