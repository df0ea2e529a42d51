#include "TestPaths.h"

#include <QDir>
#include <QFileInfo>

namespace warrant::test {

QString fixturePath(const QString& name) { return QStringLiteral(WARRANT_FIXTURE_DIR "/") + name; }

QString sourcePath(const QString& relative) { return QStringLiteral(WARRANT_SOURCE_DIR "/") + relative; }

QString sharedSeedDir() {
    const QString dir = QDir::cleanPath(QStringLiteral(WARRANT_SOURCE_DIR "/../shared/seed"));
    return QFileInfo(dir).isDir() ? dir : QString();
}

} // namespace warrant::test
