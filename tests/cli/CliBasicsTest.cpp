#include "CliHarness.h"
#include "store/Project.h"

#include <QFileInfo>
#include <catch2/catch.hpp>

using warrant::cli::test::CliHarness;
using warrant::cli::test::CliRun;

namespace {
QString s(const char* text) {
    return QString::fromUtf8(text);
}
} // namespace

TEST_CASE("help, usage and version", "[cli]") {
    CliHarness h;
    SECTION("no command prints usage on err and exits 2") {
        CliRun r = h.run({});
        CHECK(r.code == 2);
        CHECK(r.err.contains(s("Usage: warrant-cli <command>")));
        CHECK(r.out.isEmpty());
    }
    SECTION("help lists every command") {
        CliRun r = h.ok({s("help")});
        for (const char* name : {"init", "import", "participants", "codes", "code", "uncode", "segments",
                                 "memo", "info", "log", "demo"})
            CHECK(r.out.contains(QStringLiteral("\n  %1 ").arg(s(name))));
        CHECK(r.err.isEmpty());
    }
    SECTION("--version") {
        CHECK(h.ok({s("--version")}).out == s("warrant-cli 0.1.0\n"));
    }
    SECTION("--help on a command and on an action") {
        CliRun info = h.ok({s("info"), s("--help")});
        CHECK(info.out.startsWith(s("Usage: warrant-cli info")));
        CHECK(info.out.contains(s("--json")));
        CHECK(info.out.contains(s("-p, --project <path>")));
        CliRun add = h.ok({s("codes"), s("add"), s("--help")});
        CHECK(add.out.contains(s("--colour, --color <#rrggbb>")));
        CHECK(h.ok({s("help"), s("codes"), s("add")}).out == add.out);
        CliRun codes = h.ok({s("codes"), s("--help")});
        CHECK(codes.out.contains(s("  merge")));
    }
    SECTION("unknown command, action and option are one-line usage errors") {
        CliRun unknown = h.run({s("frobnicate")});
        CHECK(unknown.code == 2);
        CHECK(unknown.oneLineError());
        CHECK(unknown.err.contains(s("unknown command 'frobnicate'")));

        CliRun action = h.run({s("codes"), s("paint")});
        CHECK(action.code == 2);
        CHECK(action.oneLineError());
        CHECK(action.err.contains(s("unknown action 'paint'")));

        CliRun option = h.run({s("info"), s("--bogus")});
        CHECK(option.code == 2);
        CHECK(option.oneLineError());
        CHECK(option.err.contains(s("Unknown option 'bogus'")));

        CliRun missing = h.run({s("codes"), s("rename"), s("Funding")});
        CHECK(missing.code == 2);
        CHECK(missing.oneLineError());
        CHECK(missing.err.contains(s("missing NEWNAME")));
    }
}

TEST_CASE("init creates a project and refuses to overwrite it", "[cli]") {
    CliHarness h;
    CliRun r = h.ok({s("init"), h.project});
    CHECK(r.out.startsWith(s("Created ")));
    CHECK(QFileInfo(h.project).isFile());
    CHECK(h.ok({s("info"), s("--json")}).json().object().value(s("sources")).toInt() == 0);

    CliRun again = h.run({s("init"), h.project});
    CHECK(again.code == 2);
    CHECK(again.oneLineError());
    CHECK(again.err.contains(s("study.warrant already exists")));

    CliRun noFolder = h.run({s("init"), h.path(s("no/such/folder/x.warrant"))});
    CHECK(noFolder.code == 2);
    CHECK(noFolder.oneLineError());
    CHECK(noFolder.err.contains(s("x.warrant")));
}

TEST_CASE("a missing or unusable project is a one-line error naming the file", "[cli]") {
    CliHarness h;
    SECTION("missing file") {
        for (const char* command : {"info", "segments", "log"}) {
            CliRun r = h.run({s(command), s("--project"), h.path(s("missing.warrant"))});
            CHECK(r.code == 2);
            CHECK(r.oneLineError());
            CHECK(r.err.contains(s("missing.warrant: no such project file")));
        }
        CliRun write = h.run({s("codes"), s("add"), s("X"), s("-p"), h.path(s("missing.warrant"))});
        CHECK(write.code == 2);
        CHECK(write.err.contains(s("missing.warrant")));
    }
    SECTION("WARRANT_PROJECT is used when --project is absent, and its absence is explained") {
        h.project = h.path(s("env.warrant"));
        CHECK(h.run({s("info")}).err.contains(s("env.warrant: no such project file")));
        h.project.clear();
        CliRun none = h.run({s("info")});
        CHECK(none.code == 2);
        CHECK(none.oneLineError());
        CHECK(none.err.contains(s("use --project PATH or set WARRANT_PROJECT")));
    }
    SECTION("not a project file") {
        const QString notes = h.write(s("notes.warrant"), s("just some notes\n"));
        CliRun r = h.run({s("info"), s("--project"), notes});
        CHECK(r.code == 2);
        CHECK(r.oneLineError());
        CHECK(r.err.contains(s("notes.warrant is not a Warrant project file")));
    }
}

TEST_CASE("read commands open read-only while another writer holds the project", "[cli]") {
    CliHarness h;
    h.setUpStudy();
    auto writer = warrant::Project::open(h.project, warrant::Project::Mode::ReadWrite, s("workbench"));
    REQUIRE(writer.ok());

    CHECK(h.ok({s("info"), s("--json")}).json().object().value(s("sources")).toInt() == 2);
    CHECK(h.ok({s("codes"), s("list")}).out.contains(s("Funding/European funds\n")));

    CliRun blocked = h.run({s("codes"), s("add"), s("Evaluation")});
    CHECK(blocked.code == 2);
    CHECK(blocked.oneLineError());
    CHECK(blocked.err.contains(s("study.warrant is already open for writing")));
}
