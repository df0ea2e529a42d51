#include "Workbench.h"

#include <QSettings>

#include "SearchIndex.h"
#include "store/Project.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QPointer>
#include <QThread>
#include <QUndoStack>

#include <utility>

namespace warrant {

Workbench::Workbench(QObject* parent) : QObject(parent), m_undo(new QUndoStack(this)) {
    qRegisterMetaType<ChangeNotice>();
}

Workbench::~Workbench() { close(); }

QString Workbench::chosenCoder() { return QSettings().value(QStringLiteral("coder/name")).toString().trimmed(); }

void Workbench::setCoder(const QString& name) {
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) return;
    QSettings().setValue(QStringLiteral("coder/name"), trimmed);
    if (m_project) m_project->setCoder(trimmed);
}

Status Workbench::create(const QString& path) {
    auto created = Project::create(path, chosenCoder());
    if (!created) return created.error();
    return adopt(std::move(*created));
}

Status Workbench::open(const QString& path) {
    if (!QFileInfo::exists(path)) return makeError(QStringLiteral("%1: no such project file").arg(path));
    auto opened = Project::open(path, Project::Mode::ReadWrite, chosenCoder());
    if (!opened) return opened.error();
    return adopt(std::move(*opened));
}

Status Workbench::adopt(std::unique_ptr<Project> project) {
    close();
    m_project = std::move(project);
    m_listener = listen();
    Q_EMIT projectOpened();
    startIndex(false);
    return {};
}

int Workbench::listen() {
    return m_project->addListener([this](const ChangeNotice& notice) {
        // Imports and audits commit on a worker thread; panels hear of it on the GUI thread.
        if (QThread::currentThread() == thread()) {
            if (m_indexing) m_missedByIndex.push_back(notice);
            Q_EMIT changed(notice);
        } else {
            QMetaObject::invokeMethod(this, [this, notice] {
                if (m_indexing) m_missedByIndex.push_back(notice);
                deliver(notice);
            }, Qt::QueuedConnection);
        }
    });
}

void Workbench::close() {
    if (!m_project) return;
    m_rebuildWhenDone = false;
    waitForIndex();
    ++m_generation;
    m_undo->clear();
    m_ids.clear();
    if (m_index) m_index->detach();
    m_index.reset();
    m_indexReady = false;
    m_missedByIndex.clear();
    m_project->removeListener(m_listener);
    m_project.reset();
    Q_EMIT projectClosed();
}

void Workbench::startIndex(bool rebuild) {
    if (!m_project) return;
    if (m_indexing) {
        m_rebuildWhenDone = m_rebuildWhenDone || rebuild;
        return;
    }
    if (m_index) m_index->detach();
    m_indexReady = false;
    m_index = std::make_unique<SearchIndex>(SearchIndex::locationFor(m_project->path()));
    m_indexing = true;
    m_missedByIndex.clear();
    Q_EMIT indexStateChanged(false, QStringLiteral("Preparing the search index…"));
    const quint64 generation = m_generation;
    SearchIndex* index = m_index.get();
    Project* project = m_project.get();
    QPointer<Workbench> self(this);
    auto progress = [self](int done, int total) {
        QMetaObject::invokeMethod(self, [self, done, total] {
            if (self) Q_EMIT self->indexProgress(done, total);
        }, Qt::QueuedConnection);
    };
    auto status = std::make_shared<Status>();
    QThread* worker = QThread::create([=] { *status = rebuild ? index->rebuild(*project, progress) : index->open(*project, progress); });
    m_indexThread = worker;
    connect(worker, &QThread::finished, this, [this, worker, status, generation] {
        worker->deleteLater();
        if (m_indexThread == worker) m_indexThread = nullptr;
        finishIndex(*status, generation);
    });
    worker->start();
}

void Workbench::finishIndex(const Status& status, quint64 generation) {
    m_indexing = false;
    if (generation != m_generation || !m_project) return;
    // A build that raced with a change (an undo restoring a snapshot, say) is stale: build again.
    if (m_rebuildWhenDone || (!status && !m_missedByIndex.empty())) {
        m_rebuildWhenDone = false;
        startIndex(true);
        return;
    }
    if (!status) {
        m_index.reset();
        Q_EMIT indexStateChanged(false, QStringLiteral("Search unavailable: %1").arg(status.errorMessage()));
        return;
    }
    // Changes committed while the index was being built are applied now; afterwards the index
    // follows the project by itself. Our listener moves behind the index's, so panels that react
    // to a change search an index that already has it.
    for (const ChangeNotice& missed : m_missedByIndex) (void)m_index->update(*m_project, missed);
    m_missedByIndex.clear();
    m_index->attach(*m_project);
    const int listener = listen();
    m_project->removeListener(m_listener);
    m_listener = listener;
    m_indexReady = true;
    Q_EMIT indexStateChanged(true, QStringLiteral("Search index ready"));
}

void Workbench::waitForIndex() {
    while (m_indexing) {
        if (m_indexThread) m_indexThread->wait();
        QCoreApplication::sendPostedEvents(this);
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    }
}

void Workbench::rebuildIndex() { startIndex(true); }

bool Workbench::push(QUndoCommand* command) {
    m_lastFailure.clear();
    const int before = m_undo->count();
    m_undo->push(command); // a command that fails marks itself obsolete and is dropped
    return m_undo->count() > before && m_lastFailure.isEmpty();
}

void Workbench::reportFailure(const QString& message) {
    m_lastFailure = message;
    Q_EMIT failed(message);
}

Status Workbench::runInBackground(const std::function<Status()>& work) {
    if (m_busy) return makeError(QStringLiteral("another long operation is still running"));
    m_busy = true;
    Status result;
    QEventLoop loop;
    QThread* worker = QThread::create([&] { result = work(); });
    connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    loop.exec();
    worker->wait();
    delete worker;
    QCoreApplication::sendPostedEvents(this); // the job's own change notices
    m_busy = false;
    for (const ChangeNotice& notice : std::exchange(m_deferred, {})) Q_EMIT changed(notice);
    return result;
}

void Workbench::deliver(const ChangeNotice& notice) {
    // While a background job runs, panels must not search or read half-done work: they hear of
    // its changes when it has finished.
    if (m_busy)
        m_deferred.push_back(notice);
    else
        Q_EMIT changed(notice);
}

} // namespace warrant
