#include "store/Project.h"

#include "store/Migrator.h"
#include "store/Schema.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace warrant {

namespace {

// SQLite files start with this 16-byte header; anything else is refused before SQLite sees it.
bool looksLikeSqlite(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return false;
    const QByteArray head = file.read(16);
    return head.isEmpty() || head == QByteArray("SQLite format 3\0", 16);
}

} // namespace

Project::~Project() {
    m_db.close();
    m_lock.release();
}

QString Project::fileName() const { return QFileInfo(m_path).fileName(); }

QString Project::defaultCoder() {
    QString name = qEnvironmentVariable("WARRANT_CODER");
    if (name.isEmpty()) name = qEnvironmentVariable("USER");
    if (name.isEmpty()) name = qEnvironmentVariable("USERNAME");
    return name.isEmpty() ? QStringLiteral("coder") : name;
}

QString Project::nowText() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }

Result<std::unique_ptr<Project>> Project::create(const QString& path, const QString& coder) {
    if (QFileInfo::exists(path))
        return makeError(QStringLiteral("%1 already exists; open it or choose another name")
                             .arg(QFileInfo(path).fileName()));
    std::unique_ptr<Project> project(new Project);
    project->m_coder = coder.isEmpty() ? defaultCoder() : coder;
    if (Status s = project->openFile(path, Mode::ReadWrite, true); !s) {
        project.reset();
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        return s.error();
    }
    return project;
}

Result<std::unique_ptr<Project>> Project::open(const QString& path, Mode mode, const QString& coder) {
    const QString name = QFileInfo(path).fileName();
    if (!QFileInfo::exists(path)) return makeError(QStringLiteral("%1: no such project file").arg(path));
    if (!looksLikeSqlite(path)) return makeError(QStringLiteral("%1 is not a Warrant project file").arg(name));
    std::unique_ptr<Project> project(new Project);
    project->m_coder = coder.isEmpty() ? defaultCoder() : coder;
    if (Status s = project->openFile(path, mode, false); !s) return s.error();
    return project;
}

Status Project::openFile(const QString& path, Mode mode, bool creating) {
    m_path = path;
    m_mode = mode;
    const QString name = QFileInfo(path).fileName();
    if (mode == Mode::ReadWrite) {
        if (Status s = m_lock.acquire(path); !s) return s;
    }
    if (Status s = m_db.open(path, mode == Mode::ReadOnly); !s) return s;

    auto appId = m_db.queryInt(QStringLiteral("PRAGMA application_id"));
    if (!appId && mode == Mode::ReadOnly && !creating) {
        // A read-only copy in a folder nobody may write to cannot get the -shm file WAL readers
        // need; nothing can change such a file, so it is read as immutable.
        if (Status s = m_db.openImmutable(path); !s) return s;
        appId = m_db.queryInt(QStringLiteral("PRAGMA application_id"));
    }
    if (!appId) return makeError(QStringLiteral("%1 is not a Warrant project file (%2)").arg(name, appId.errorMessage()));
    if (creating) {
        if (Status s = m_db.exec(QStringLiteral("PRAGMA application_id = %1").arg(schema::applicationId)); !s)
            return makeError(QStringLiteral("%1: %2").arg(name, s.errorMessage()));
    } else if (*appId != schema::applicationId) {
        return makeError(QStringLiteral("%1 is an SQLite file but not a Warrant project").arg(name));
    }

    if (Status s = m_db.exec(QStringLiteral("PRAGMA foreign_keys = ON")); !s) return s;
    // Search hits read their passage text from the sources table: memory-mapped reads spare a
    // system call per page of a long transcript.
    if (Status s = m_db.exec(QStringLiteral("PRAGMA mmap_size = %1").arg(qint64(1) << 30)); !s) return s;
    if (mode == Mode::ReadWrite) {
        // WAL keeps readers going while the workbench writes; NORMAL sync is crash-safe for
        // process death (kill -9), which is what a desktop project file must survive.
        if (Status s = m_db.exec(QStringLiteral("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")); !s)
            return makeError(QStringLiteral("%1: %2").arg(name, s.errorMessage()));
        auto migrated = Migrator().migrate(m_db, path);
        if (!migrated) return migrated.error();
        m_backupPath = *migrated;
    } else {
        auto version = m_db.queryInt(QStringLiteral("PRAGMA user_version"));
        if (!version) return version.error();
        if (*version > schema::currentVersion())
            return makeError(QStringLiteral("%1 was written by a newer Warrant (project format %2; this "
                                            "Warrant reads up to format %3)")
                                 .arg(name)
                                 .arg(*version)
                                 .arg(schema::currentVersion()));
        if (*version < schema::currentVersion()) return readUpgradedCopy(name);
    }
    return {};
}

Status Project::readUpgradedCopy(const QString& name) {
    // A reviewer may read a project of an older format without changing it: the file is copied
    // (consistently, through SQLite) into a private folder, the copy upgraded and read instead.
    m_upgradedCopy = std::make_unique<QTemporaryDir>();
    if (!m_upgradedCopy->isValid())
        return makeError(QStringLiteral("%1 uses an older project format and no temporary folder could be made to read it").arg(name));
    const QString copy = m_upgradedCopy->filePath(QStringLiteral("upgraded.warrant"));
    QString quoted = copy;
    quoted.replace(u'\'', QStringLiteral("''"));
    if (Status s = m_db.exec(QStringLiteral("VACUUM INTO '%1'").arg(quoted)); !s)
        return makeError(QStringLiteral("%1 uses an older project format and could not be copied to read it: %2").arg(name, s.errorMessage()));
    if (Status s = m_db.open(copy, false); !s) return s;
    if (Status s = m_db.exec(QStringLiteral("PRAGMA foreign_keys = ON")); !s) return s;
    auto migrated = Migrator().migrate(m_db, copy);
    if (!migrated) return makeError(QStringLiteral("%1: %2").arg(name, migrated.errorMessage()));
    // The copy is read like the file: nothing may write it.
    return m_db.exec(QStringLiteral("PRAGMA query_only = ON"));
}

qint64 Project::coderId() {
    if (m_coderId) return m_coderId;
    SqliteStatement find = m_db.prepare(QStringLiteral("SELECT id FROM coders WHERE name = ?1"));
    find.bind(1, m_coder);
    if (find.next()) return m_coderId = find.int64(0);
    SqliteStatement insert = m_db.prepare(QStringLiteral("INSERT INTO coders(name, created_at) VALUES(?1, ?2)"));
    insert.bind(1, m_coder).bind(2, nowText());
    if (!insert.run()) return 0;
    return m_coderId = m_db.lastInsertId();
}

Status Project::mutate(const QString& action, const QString& detail, const std::function<Status()>& body,
                       ChangeNotice notice) {
    if (readOnly()) return makeError(QStringLiteral("%1 is open read-only").arg(fileName()));
    notice.action = action;
    if (m_depth > 0) {
        // Joins the enclosing operation: its transaction and its single log entry.
        ++m_depth;
        Status s = body();
        --m_depth;
        if (s) m_pendingNotices.push_back(std::move(notice));
        return s;
    }

    if (Status s = m_db.exec(QStringLiteral("BEGIN IMMEDIATE")); !s)
        return makeError(QStringLiteral("%1: cannot start a change (%2)").arg(fileName(), s.errorMessage()));
    const qint64 cachedCoder = m_coderId;
    ++m_depth;
    m_pendingNotices.clear();
    Status result = body();
    --m_depth;
    if (result) {
        SqliteStatement log = m_db.prepare(
            QStringLiteral("INSERT INTO change_log(at, coder, action, detail) VALUES(?1, ?2, ?3, ?4)"));
        log.bind(1, nowText()).bind(2, m_coder).bind(3, action).bind(4, detail);
        if (!log.run()) result = makeError(QStringLiteral("%1: %2").arg(fileName(), log.error()));
    }
    if (result) result = m_db.exec(QStringLiteral("COMMIT"));
    if (!result) {
        (void)m_db.exec(QStringLiteral("ROLLBACK"));
        m_coderId = cachedCoder; // a coder row created inside the rolled-back transaction is gone
        m_pendingNotices.clear();
        return result;
    }

    m_pendingNotices.push_back(std::move(notice));
    ChangeNotice merged;
    merged.action = action;
    for (const ChangeNotice& n : m_pendingNotices) {
        merged.sourceIds.insert(merged.sourceIds.end(), n.sourceIds.begin(), n.sourceIds.end());
        merged.codebookChanged |= n.codebookChanged;
        merged.participantsChanged |= n.participantsChanged;
    }
    std::sort(merged.sourceIds.begin(), merged.sourceIds.end());
    merged.sourceIds.erase(std::unique(merged.sourceIds.begin(), merged.sourceIds.end()), merged.sourceIds.end());
    m_pendingNotices.clear();
    const auto listeners = m_listeners; // a listener may remove itself
    for (const auto& [handle, listener] : listeners) listener(merged);
    return {};
}

int Project::addListener(Listener listener) {
    m_listeners.emplace_back(m_nextListener, std::move(listener));
    return m_nextListener++;
}

void Project::removeListener(int handle) {
    std::erase_if(m_listeners, [handle](const auto& entry) { return entry.first == handle; });
}

} // namespace warrant
