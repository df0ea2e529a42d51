#include "ProcessStats.h"

#include <QFile>

#include <algorithm>

#include <sys/resource.h>
#include <unistd.h>

namespace warrant::bench {

namespace {

qint64 statusField(const QByteArray& status, const char* key) {
    const QByteArray k(key);
    for (const QByteArray& line : status.split('\n'))
        if (line.startsWith(k)) return line.mid(k.size()).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

QByteArray readProc(const char* path) {
    QFile f(QString::fromLatin1(path));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

ProcessSample sampleProcess() {
    ProcessSample s;
    s.at = std::chrono::steady_clock::now();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    s.cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                   double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    const QByteArray status = readProc("/proc/self/status");
    s.rssKb = statusField(status, "VmRSS:");
    s.peakRssKb = statusField(status, "VmHWM:");
    const QByteArray io = readProc("/proc/self/io");
    s.readBytes = statusField(io, "read_bytes:");
    s.writeBytes = statusField(io, "write_bytes:");
    s.writeCalls = statusField(io, "wchar:");
    // cpu  user nice system idle iowait irq softirq steal …
    const QList<QByteArray> cpu = readProc("/proc/stat").split('\n').value(0).simplified().split(' ');
    if (cpu.size() > 8 && cpu[0] == "cpu") {
        const double tick = double(sysconf(_SC_CLK_TCK));
        double busy = 0;
        for (int i : {1, 2, 3, 6, 7}) busy += cpu[i].toDouble();
        s.systemBusySeconds = busy / tick;
        s.stealSeconds = cpu[8].toDouble() / tick;
    }
    return s;
}

qint64 maxRssKb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_maxrss);
}

bool resetPeakRss() {
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (!f.open(QIODevice::WriteOnly)) return false;
    return f.write("5") == 1;
}

Phase::Phase(QString name) : m_name(std::move(name)) {
    m_reset = resetPeakRss();
    m_start = sampleProcess();
}

double Phase::elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start.at).count();
}

PhaseFigures Phase::stop() {
    const ProcessSample end = sampleProcess();
    PhaseFigures f;
    f.name = m_name;
    f.seconds = std::chrono::duration<double>(end.at - m_start.at).count();
    f.cpuSeconds = end.cpuSeconds - m_start.cpuSeconds;
    f.rssBeforeKb = m_start.rssKb;
    f.rssAfterKb = end.rssKb;
    f.peakRssKb = end.peakRssKb;
    f.peakIsPhaseOnly = m_reset;
    f.readBytes = end.readBytes - m_start.readBytes;
    f.writeBytes = end.writeBytes - m_start.writeBytes;
    f.writeCalls = end.writeCalls - m_start.writeCalls;
    f.otherCpuSeconds = std::max(0.0, (end.systemBusySeconds - m_start.systemBusySeconds) - f.cpuSeconds);
    f.stealSeconds = end.stealSeconds - m_start.stealSeconds;
    return f;
}

} // namespace warrant::bench
