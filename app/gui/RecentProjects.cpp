#include "RecentProjects.h"

#include <QFileInfo>
#include <QSettings>

namespace warrant {

namespace {
const QString kKey = QStringLiteral("recentProjects");
}

QStringList RecentProjects::list() {
    QStringList existing;
    for (const QString& path : QSettings().value(kKey).toStringList())
        if (QFileInfo::exists(path)) existing << path;
    return existing;
}

void RecentProjects::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList paths = QSettings().value(kKey).toStringList();
    paths.removeAll(absolute);
    paths.prepend(absolute);
    while (paths.size() > kMaximum) paths.removeLast();
    QSettings().setValue(kKey, paths);
}

void RecentProjects::clear() { QSettings().remove(kKey); }

} // namespace warrant
