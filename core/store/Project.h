#pragma once

#include "Result.h"
#include "store/ChangeNotice.h"
#include "store/SqliteDatabase.h"
#include "store/WriterLock.h"

#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <vector>

namespace warrant {

// One open project file (NAME.warrant). Owns the SQLite connection and, when writable, the
// writer lock. Every mutation goes through mutate(): one transaction, one change-log row.
class Project {
public:
    enum class Mode { ReadWrite, ReadOnly };
    using Listener = std::function<void(const ChangeNotice&)>;

    // Creates a new, empty project; refuses to overwrite an existing file.
    static Result<std::unique_ptr<Project>> create(const QString& path, const QString& coder = {});
    // Opens (and if needed migrates) an existing project.
    static Result<std::unique_ptr<Project>> open(const QString& path, Mode mode = Mode::ReadWrite,
                                                 const QString& coder = {});

    ~Project();
    Project(const Project&) = delete;
    Project& operator=(const Project&) = delete;

    QString path() const { return m_path; }
    QString fileName() const;
    bool readOnly() const { return m_mode == Mode::ReadOnly; }
    QString backupPath() const { return m_backupPath; } // set when opening migrated the file
    SqliteDatabase& db() { return m_db; }

    QString coderName() const { return m_coder; }
    // Switches the acting coder (created on first use).
    void setCoder(const QString& name) { m_coder = name; m_coderId = 0; }
    // The acting coder's row id; only valid inside mutate().
    qint64 coderId();

    // Runs `body` in one immediate transaction and appends one change-log row; on any error
    // nothing is written. Nested calls join the outer transaction and its single log row.
    Status mutate(const QString& action, const QString& detail, const std::function<Status()>& body,
                  ChangeNotice notice = {});

    // Inside mutate(): adds to what listeners are told once the change commits (e.g. ids that
    // only exist after an insert).
    void noteChange(ChangeNotice notice) { m_pendingNotices.push_back(std::move(notice)); }

    // Called after each committed top-level mutation.
    int addListener(Listener listener);
    void removeListener(int handle);

    static QString defaultCoder();
    static QString nowText();

private:
    Project() = default;
    Status openFile(const QString& path, Mode mode, bool creating);
    Status readUpgradedCopy(const QString& name);

    QString m_path;
    Mode m_mode = Mode::ReadWrite;
    SqliteDatabase m_db;
    WriterLock m_lock;
    QString m_coder;
    qint64 m_coderId = 0;
    QString m_backupPath;
    // An older project opened read-only is read from an upgraded private copy kept here.
    std::unique_ptr<QTemporaryDir> m_upgradedCopy;
    int m_depth = 0;
    std::vector<ChangeNotice> m_pendingNotices;
    std::vector<std::pair<int, Listener>> m_listeners;
    int m_nextListener = 1;
};

} // namespace warrant
