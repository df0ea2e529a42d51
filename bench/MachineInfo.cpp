#include "MachineInfo.h"

#include <QFile>
#include <QSysInfo>
#include <QThread>
#include <sqlite3.h>

namespace warrant::bench {

QJsonObject machineJson() {
    QJsonObject m;
    QFile cpu(QStringLiteral("/proc/cpuinfo"));
    if (cpu.open(QIODevice::ReadOnly))
        for (const QByteArray& line : cpu.readAll().split('\n'))
            if (line.startsWith("model name")) {
                m[QStringLiteral("cpu")] = QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
                break;
            }
    QFile mem(QStringLiteral("/proc/meminfo"));
    if (mem.open(QIODevice::ReadOnly))
        m[QStringLiteral("memory_gb")] =
            double(mem.readLine().simplified().split(' ').value(1).toLongLong()) * 1024 / 1e9;
    m[QStringLiteral("cores")] = QThread::idealThreadCount();
    m[QStringLiteral("kernel")] = QSysInfo::kernelVersion();
    m[QStringLiteral("os")] = QSysInfo::prettyProductName();
    m[QStringLiteral("sqlite")] = QString::fromLatin1(sqlite3_libversion());
    m[QStringLiteral("qt")] = QString::fromLatin1(qVersion());
    return m;
}

} // namespace warrant::bench
