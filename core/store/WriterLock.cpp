#include "store/WriterLock.h"

#include <QFileInfo>
#include <QLockFile>

namespace warrant {

WriterLock::WriterLock() = default;
WriterLock::~WriterLock() { release(); }

Status WriterLock::acquire(const QString& projectPath) {
    release();
    auto lock = std::make_unique<QLockFile>(projectPath + QStringLiteral(".lock"));
    // Never treat a live holder's lock as stale because of its age: long sessions are normal.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString app;
        const QString name = QFileInfo(projectPath).fileName();
        if (lock->error() == QLockFile::LockFailedError && lock->getLockInfo(&pid, &host, &app))
            return makeError(QStringLiteral("%1 is already open for writing by %2 (pid %3 on host %4); close it "
                                            "there first")
                                 .arg(name, app.isEmpty() ? QStringLiteral("another program") : app)
                                 .arg(pid)
                                 .arg(host));
        return makeError(QStringLiteral("%1: cannot create the lock file %1.lock (permission denied or "
                                        "read-only folder)")
                             .arg(name));
    }
    m_lock = std::move(lock);
    return {};
}

void WriterLock::release() {
    if (m_lock) m_lock->unlock();
    m_lock.reset();
}

bool WriterLock::held() const { return m_lock && m_lock->isLocked(); }

} // namespace warrant
