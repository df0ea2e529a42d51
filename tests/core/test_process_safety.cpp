#include <catch2/catch.hpp>

#include "store/Project.h"
#include "store/SqliteDatabase.h"

#include <QProcess>
#include <QTemporaryDir>

#include <csignal>

using namespace warrant;

namespace {

// Starts the child on the project and waits until it prints `line`.
void startChild(QProcess& child, const QString& mode, const QString& path, const QByteArray& line) {
    child.start(QStringLiteral(WARRANT_TEST_CHILD), {mode, path});
    REQUIRE(child.waitForStarted());
    QByteArray out;
    while (!out.contains(line)) {
        REQUIRE(child.waitForReadyRead(20000));
        out += child.readAllStandardOutput();
    }
}

void killHard(QProcess& child) {
    ::kill(pid_t(child.processId()), SIGKILL);
    REQUIRE(child.waitForFinished(10000));
}

} // namespace

TEST_CASE("A second writer is refused with the holder's pid and host", "[store][lock]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shared.warrant"));
    REQUIRE(Project::create(path).ok());
    QProcess child;
    startChild(child, QStringLiteral("hold"), path, "locked");

    auto second = Project::open(path, Project::Mode::ReadWrite);
    REQUIRE_FALSE(second.ok());
    const QString message = second.errorMessage();
    CHECK(message.contains(QStringLiteral("shared.warrant is already open for writing")));
    CHECK(message.contains(QStringLiteral("pid %1").arg(child.processId())));
    CHECK(message.contains(QStringLiteral("host ")));

    // Reading stays possible while someone writes.
    CHECK(Project::open(path, Project::Mode::ReadOnly).ok());

    killHard(child);
    // The dead holder's lock is stale and is taken over.
    CHECK(Project::open(path, Project::Mode::ReadWrite).ok());
}

TEST_CASE("A committed edit survives kill -9, an interrupted import leaves no trace", "[store][crash]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("crash.warrant"));
    REQUIRE(Project::create(path).ok());

    QProcess committer;
    startChild(committer, QStringLiteral("commit-then-wait"), path, "committed");
    killHard(committer);

    QProcess importer;
    startChild(importer, QStringLiteral("import-interrupted"), path, "inside");
    killHard(importer);

    auto project = Project::open(path);
    REQUIRE(project.ok());
    SqliteDatabase& db = (*project)->db();
    SqliteStatement check = db.prepare(QStringLiteral("PRAGMA integrity_check"));
    REQUIRE(check.next());
    CHECK(check.text(0) == QStringLiteral("ok"));
    CHECK(*db.queryInt(QStringLiteral("SELECT count(*) FROM sources WHERE title = 'child-1'")) == 1);
    CHECK(*db.queryInt(QStringLiteral("SELECT count(*) FROM sources WHERE sha256 LIKE 'sha-interrupted-%'")) == 0);
    CHECK(*db.queryInt(QStringLiteral("SELECT count(*) FROM participants WHERE code != 'R1'")) == 0);
    CHECK(*db.queryInt(QStringLiteral("SELECT count(*) FROM change_log")) == 1);
}
