#pragma once

#include "Result.h"

#include <QString>

#include <memory>

class QLockFile;

namespace warrant {

// One writer per project file, across processes and hosts sharing a folder. The lock file
// beside the project records pid, host and program so a refusal can name the holder; a lock
// left by a crashed process on this host is detected and taken over.
class WriterLock {
public:
    WriterLock();
    ~WriterLock();

    Status acquire(const QString& projectPath);
    void release();
    bool held() const;

private:
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace warrant
