#pragma once

#include <QString>

#include <chrono>

namespace warrant::bench {

// What the process has used so far (Linux: getrusage and /proc/self).
struct ProcessSample {
    std::chrono::steady_clock::time_point at;
    double cpuSeconds = 0;   // user + system, all threads
    qint64 rssKb = 0;        // resident now
    qint64 peakRssKb = 0;    // VmHWM: peak since start or since the last resetPeakRss()
    qint64 readBytes = 0;    // /proc/self/io read_bytes: from storage
    qint64 writeBytes = 0;   // /proc/self/io write_bytes: to storage (as dirty pages are accounted)
    qint64 writeCalls = 0;   // /proc/self/io wchar: bytes passed to write() and friends
    double systemBusySeconds = 0; // /proc/stat, all CPUs and all processes (not steal)
    double stealSeconds = 0;      // /proc/stat: time the hypervisor gave to other guests
};

ProcessSample sampleProcess();
// Peak RSS of the whole run so far (getrusage ru_maxrss), in KiB.
qint64 maxRssKb();
// Resets VmHWM so the next phase's peak can be read on its own (Linux ≥ 4.0:
// echo 5 > /proc/self/clear_refs). Returns false where that is not possible.
bool resetPeakRss();

// One timed phase: wall and CPU time, resident memory before/after/peak, and I/O.
struct PhaseFigures {
    QString name;
    double seconds = 0;
    double cpuSeconds = 0;
    qint64 rssBeforeKb = 0;
    qint64 rssAfterKb = 0;
    qint64 peakRssKb = 0;     // within the phase when resetPeakRss() works, else since start
    bool peakIsPhaseOnly = false;
    qint64 readBytes = 0;
    qint64 writeBytes = 0;
    qint64 writeCalls = 0;
    double otherCpuSeconds = 0; // CPU used by other processes meanwhile (system busy minus ours)
    double stealSeconds = 0;
};

class Phase {
public:
    explicit Phase(QString name);
    PhaseFigures stop();
    double elapsed() const; // seconds so far

private:
    QString m_name;
    bool m_reset = false;
    ProcessSample m_start;
};

} // namespace warrant::bench
