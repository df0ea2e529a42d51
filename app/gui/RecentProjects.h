#pragma once

#include <QStringList>

namespace warrant {

// The projects opened last, newest first, kept in the user's settings.
class RecentProjects {
public:
    static constexpr int kMaximum = 8;
    static QStringList list();          // only files that still exist
    static void add(const QString& path);
    static void clear();
};

} // namespace warrant
