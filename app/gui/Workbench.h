#pragma once

#include "Result.h"
#include "UndoIdMap.h"
#include "store/ChangeNotice.h"

#include <QObject>

#include <functional>

#include <memory>
#include <vector>

class QThread;
class QUndoStack;
class QUndoCommand;

namespace warrant {

class Project;
class SearchIndex;

// The open project as the workbench holds it: the project file, its search index (opened or
// rebuilt on a worker thread, so opening never freezes the window), and the undo stack every
// edit goes through. Panels listen to changed() to refresh what they show.
class Workbench : public QObject {
    Q_OBJECT
public:
    explicit Workbench(QObject* parent = nullptr);
    ~Workbench() override;

    Status create(const QString& path);
    Status open(const QString& path);
    void close();
    // Who codes: the name the user chose (kept in their settings, it is theirs, not the
    // project's); empty until they choose one, when the project falls back to the login name.
    static QString chosenCoder();
    void setCoder(const QString& name);

    Project* project() const { return m_project.get(); }
    // Null until the index is ready.
    SearchIndex* searchIndex() const { return m_indexReady ? m_index.get() : nullptr; }
    bool indexReady() const { return m_indexReady; }
    QUndoStack* undoStack() const { return m_undo; }
    UndoIdMap& ids() { return m_ids; }

    // Pushes an edit; returns false (and reports why) when the edit did nothing or failed.
    bool push(QUndoCommand* command);
    // Commands report failures here; the window shows them.
    void reportFailure(const QString& message);
    QString lastFailure() const { return m_lastFailure; }

    // Runs `work` on a worker thread while the event loop keeps the window alive; returns when
    // it is done. Only one such job runs at a time (the caller shows progress meanwhile).
    Status runInBackground(const std::function<Status()>& work);
    bool busy() const { return m_busy; }

    // Rebuilds the search index in the background (e.g. after it was deleted).
    void rebuildIndex();
    // Blocks until the index build started by open() has finished (tests, screenshots).
    void waitForIndex();

Q_SIGNALS:
    void projectOpened();
    void projectClosed();
    // After every committed change, on the GUI thread.
    void changed(const warrant::ChangeNotice& notice);
    void indexProgress(int done, int total);
    void indexStateChanged(bool ready, const QString& message);
    void failed(const QString& message);

private:
    Status adopt(std::unique_ptr<Project> project);
    void startIndex(bool rebuild);
    void finishIndex(const Status& status, quint64 generation);
    void deliver(const ChangeNotice& notice);
    // Our project listener; re-added behind the index's once the index is attached.
    int listen();

    std::unique_ptr<Project> m_project;
    std::unique_ptr<SearchIndex> m_index;
    bool m_indexReady = false;
    bool m_indexing = false;
    bool m_rebuildWhenDone = false;
    quint64 m_generation = 0;               // a project opened later makes older index jobs void
    std::vector<ChangeNotice> m_missedByIndex; // changes committed while the index was building
    int m_listener = 0;
    QUndoStack* m_undo = nullptr;
    UndoIdMap m_ids;
    QString m_lastFailure;
    bool m_busy = false;
    std::vector<ChangeNotice> m_deferred;
    QThread* m_indexThread = nullptr;
};

} // namespace warrant

Q_DECLARE_METATYPE(warrant::ChangeNotice)
