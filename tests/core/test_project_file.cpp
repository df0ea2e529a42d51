#include <catch2/catch.hpp>

#include "store/Migrator.h"
#include "store/ParticipantRepository.h"
#include "store/Project.h"
#include "store/Schema.h"
#include "store/SqliteDatabase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>

using namespace warrant;

namespace {

qint64 pragma(Project& project, const char* name) {
    return *project.db().queryInt(QStringLiteral("PRAGMA %1").arg(QString::fromLatin1(name)));
}

} // namespace

TEST_CASE("A new project file carries Warrant's identity and current format", "[store]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("study.warrant"));
    auto project = Project::create(path, QStringLiteral("tester"));
    REQUIRE(project.ok());
    CHECK(pragma(**project, "application_id") == schema::applicationId);
    CHECK(pragma(**project, "user_version") == schema::currentVersion());
    CHECK(pragma(**project, "foreign_keys") == 1);
    CHECK((*project)->db().prepare(QStringLiteral("PRAGMA journal_mode")).next());
    SqliteStatement mode = (*project)->db().prepare(QStringLiteral("PRAGMA journal_mode"));
    REQUIRE(mode.next());
    CHECK(mode.text(0) == QStringLiteral("wal"));
}

TEST_CASE("Creating over an existing file is refused", "[store]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("study.warrant"));
    REQUIRE(Project::create(path).ok());
    auto again = Project::create(path);
    REQUIRE_FALSE(again.ok());
    CHECK(again.errorMessage().contains(QStringLiteral("already exists")));
}

TEST_CASE("Files that are not Warrant projects are refused by name", "[store]") {
    QTemporaryDir dir;
    const QString text = dir.filePath(QStringLiteral("notes.warrant"));
    QFile f(text);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("just some notes\n");
    f.close();
    auto opened = Project::open(text);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.errorMessage() == QStringLiteral("notes.warrant is not a Warrant project file"));

    const QString other = dir.filePath(QStringLiteral("other.sqlite"));
    {
        SqliteDatabase db;
        REQUIRE(db.open(other, false).ok());
        REQUIRE(db.exec(QStringLiteral("CREATE TABLE t(x); PRAGMA application_id = 42;")).ok());
    }
    auto foreign = Project::open(other);
    REQUIRE_FALSE(foreign.ok());
    CHECK(foreign.errorMessage().contains(QStringLiteral("not a Warrant project")));
}

TEST_CASE("A project from a newer Warrant is refused untouched", "[store]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.warrant"));
    REQUIRE(Project::create(path).ok());
    {
        SqliteDatabase db;
        REQUIRE(db.open(path, false).ok());
        REQUIRE(db.exec(QStringLiteral("PRAGMA user_version = 99")).ok());
    }
    auto opened = Project::open(path);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.errorMessage().contains(QStringLiteral("future.warrant was written by a newer Warrant")));
    CHECK(opened.errorMessage().contains(QStringLiteral("format 99")));
    SqliteDatabase db;
    REQUIRE(db.open(path, true).ok());
    CHECK(*db.queryInt(QStringLiteral("PRAGMA user_version")) == 99);
}

TEST_CASE("Migrations run in order, each in a transaction, after a backup", "[store][migration]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.warrant"));
    SqliteDatabase db;
    REQUIRE(db.open(path, false).ok());
    const std::vector<Migration> v1 = {{1, QStringLiteral("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);")}};
    REQUIRE(Migrator(v1).migrate(db, path).ok());
    REQUIRE(db.exec(QStringLiteral("INSERT INTO notes(body) VALUES('kept')")).ok());

    SECTION("a successful upgrade leaves a backup of the old file") {
        std::vector<Migration> v3 = v1;
        v3.push_back({2, QStringLiteral("ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT '';")});
        v3.push_back({3, QStringLiteral("CREATE TABLE tags(name TEXT);")});
        auto backup = Migrator(v3).migrate(db, path);
        REQUIRE(backup.ok());
        CHECK(*backup == path + QStringLiteral(".v1.bak"));
        CHECK(QFile::exists(*backup));
        CHECK(*db.queryInt(QStringLiteral("PRAGMA user_version")) == 3);
        SqliteDatabase old;
        REQUIRE(old.open(*backup, true).ok());
        CHECK(*old.queryInt(QStringLiteral("PRAGMA user_version")) == 1);
        CHECK(*old.queryInt(QStringLiteral("SELECT count(*) FROM notes")) == 1);
    }
    SECTION("a failing step rolls back to the last good version") {
        std::vector<Migration> bad = v1;
        bad.push_back({2, QStringLiteral("CREATE TABLE tags(name TEXT);")});
        bad.push_back({3, QStringLiteral("CREATE TABLE half(x); THIS IS NOT SQL;")});
        auto result = Migrator(bad).migrate(db, path);
        REQUIRE_FALSE(result.ok());
        CHECK(result.errorMessage().contains(QStringLiteral("upgrading to project format 3 failed")));
        CHECK(*db.queryInt(QStringLiteral("PRAGMA user_version")) == 2);
        CHECK_FALSE(db.queryInt(QStringLiteral("SELECT count(*) FROM half")).ok());
        CHECK(*db.queryInt(QStringLiteral("SELECT count(*) FROM notes")) == 1);
    }
}

TEST_CASE("The change log is append-only", "[store]") {
    QTemporaryDir dir;
    auto project = Project::create(dir.filePath(QStringLiteral("log.warrant")));
    REQUIRE(project.ok());
    REQUIRE((*project)->mutate(QStringLiteral("test"), QStringLiteral("one"), [] { return Status(); }).ok());
    CHECK_FALSE((*project)->db().exec(QStringLiteral("UPDATE change_log SET detail = 'x'")).ok());
    CHECK_FALSE((*project)->db().exec(QStringLiteral("DELETE FROM change_log")).ok());
    CHECK(*(*project)->db().queryInt(QStringLiteral("SELECT count(*) FROM change_log")) == 1);
}

TEST_CASE("A failed mutation writes nothing, not even its log entry", "[store]") {
    QTemporaryDir dir;
    auto project = Project::create(dir.filePath(QStringLiteral("atomic.warrant")));
    REQUIRE(project.ok());
    Project& p = **project;
    Status s = p.mutate(QStringLiteral("participants.upsert"), QStringLiteral("half"), [&]() -> Status {
        REQUIRE(p.db().exec(QStringLiteral("INSERT INTO participants(code) VALUES('R8')")).ok());
        return makeError(QStringLiteral("second row failed"));
    });
    CHECK_FALSE(s.ok());
    CHECK(*p.db().queryInt(QStringLiteral("SELECT count(*) FROM participants")) == 0);
    CHECK(*p.db().queryInt(QStringLiteral("SELECT count(*) FROM change_log")) == 0);
}

TEST_CASE("An older project opened read-only is read from an upgraded copy, the file untouched", "[project][migration]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.warrant"));
    {
        auto created = Project::create(path);
        REQUIRE(created.ok());
        Participant r8;
        r8.code = QStringLiteral("R8");
        REQUIRE(ParticipantRepository(**created).upsert({r8}, QStringLiteral("added R8")).ok());
    }
    {
        // Format 3: before quick codes and stored audit reports.
        SqliteDatabase db;
        REQUIRE(db.open(path, false).ok());
        REQUIRE(db.exec(QStringLiteral("DROP TABLE quick_codes; DROP TABLE audit_reports; PRAGMA user_version = 3;")).ok());
    }
    const auto bytes = [&] {
        QFile f(path);
        REQUIRE(f.open(QIODevice::ReadOnly));
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    };
    const QByteArray before = bytes();
    auto project = Project::open(path, Project::Mode::ReadOnly);
    REQUIRE(project.ok());
    CHECK((*project)->fileName() == QStringLiteral("old.warrant"));
    CHECK(ParticipantRepository(**project).list()->size() == 1);
    CHECK(*(*project)->db().queryInt(QStringLiteral("SELECT count(*) FROM quick_codes")) == 0);
    CHECK_FALSE((*project)->mutate(QStringLiteral("x"), QStringLiteral("x"), [] { return Status(); }).ok());
    project->reset();
    CHECK(bytes() == before);
    SqliteDatabase db;
    REQUIRE(db.open(path, true).ok());
    CHECK(*db.queryInt(QStringLiteral("PRAGMA user_version")) == 3);
}
