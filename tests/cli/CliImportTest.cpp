#include "CliHarness.h"

#include <QFile>
#include <catch2/catch.hpp>

using warrant::cli::test::CliHarness;
using warrant::cli::test::CliRun;
namespace fixtures = warrant::cli::test::fixtures;

namespace {
QString s(const char* text) {
    return QString::fromUtf8(text);
}
} // namespace

TEST_CASE("import reports sources and duplicates", "[cli][import]") {
    CliHarness h;
    h.ok({s("init"), h.project});
    const QString r8 = h.write(s("R8.txt"), s(fixtures::transcriptR8));
    const QString m2 = h.write(s("M2.txt"), s(fixtures::transcriptM2));

    CliRun first = h.ok({s("import"), r8, m2});
    CHECK(first.out.contains(s("imported: R8.txt as 'R8', participant R8, 4 turns\n")));
    CHECK(first.out.contains(s("imported: M2.txt as 'M2', participant M2, 4 turns\n")));
    CHECK(first.out.endsWith(s("2 sources imported, 0 duplicates skipped\n")));
    CHECK(first.err.isEmpty()); // not a terminal: no progress lines

    SECTION("the same file again is reported as a duplicate, not imported") {
        CliRun again = h.ok({s("import"), r8});
        CHECK(again.out.contains(s("duplicate: R8.txt: same bytes as already imported 'R8'\n")));
        CHECK(again.out.endsWith(s("0 sources imported, 1 duplicate skipped\n")));
        CHECK(h.ok({s("info"), s("--json")}).json().object().value(s("sources")).toInt() == 2);
    }
    SECTION("a folder is imported recursively; known files are duplicates") {
        h.write(s("more/R9.txt"), s(fixtures::transcriptR8).replace(s("R8"), s("R9")));
        h.write(s("more/README.txt"), s("not a transcript\n"));
        h.write(s("more/notes.csv"), s("a,b\n"));
        CliRun folder = h.ok({s("import"), h.path(s("more")), r8});
        CHECK(folder.out.contains(s("imported: R9.txt as 'R9', participant R9, 4 turns\n")));
        CHECK(folder.out.contains(s("duplicate: R8.txt")));
        CHECK(folder.out.endsWith(s("1 source imported, 1 duplicate skipped\n")));
    }
    SECTION("progress goes to err only on a terminal") {
        h.write(s("R9.txt"), s(fixtures::transcriptR8).replace(s("R8"), s("R9")));
        h.write(s("R10.txt"), s(fixtures::transcriptR8).replace(s("R8"), s("R10")));
        CliRun r = h.run({s("import"), h.path(s("R9.txt")), h.path(s("R10.txt"))}, /*terminal=*/true);
        CHECK(r.code == 0);
        CHECK(r.err == s("[1/2] R9.txt\n[2/2] R10.txt\n"));
    }
}

TEST_CASE("import options and input errors", "[cli][import]") {
    CliHarness h;
    h.ok({s("init"), h.project});

    SECTION("--participant wins over the header; --kind document") {
        const QString file =
            h.write(s("memo.txt"), s("Notes from the steering group, written up afterwards.\n"));
        CliRun r = h.ok({s("import"), s("--kind"), s("document"), s("--participant"), s("P.C."), file});
        CHECK(r.out.contains(s("imported: memo.txt as 'memo', participant P.C.")));
        auto info = h.ok({s("info"), s("--json")}).json().object();
        CHECK(info.value(s("documents")).toInt() == 1);
        CHECK(info.value(s("transcripts")).toInt() == 0);
    }
    SECTION("--encoding latin1 reads a Latin-1 file") {
        QByteArray bytes = "Participant: R3\n\nINT: Where?\n\nR3: In the caf\xe9 by the station.\n";
        const QString file = h.path(s("R3.txt"));
        {
            QFile f(file);
            REQUIRE(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        CliRun bad = h.run({s("import"), file});
        CHECK(bad.code == 2);
        CHECK(bad.oneLineError());
        CHECK(bad.err.contains(s("R3.txt")));
        h.ok({s("import"), s("--encoding"), s("latin1"), file});
        h.ok({s("codes"), s("add"), s("Place")});
        h.ok({s("code"), s("--code"), s("Place"), s("--source"), s("R3"), s("--text"), s("café")});
        CHECK(h.ok({s("segments")}).out.startsWith(s("café\n  (R3, turn 2) Place [tester, coding 1]\n")));
    }
    SECTION("a missing file names the file and imports nothing") {
        const QString r8 = h.write(s("R8.txt"), s(fixtures::transcriptR8));
        CliRun r = h.run({s("import"), r8, h.path(s("absent.txt"))});
        CHECK(r.code == 2);
        CHECK(r.oneLineError());
        CHECK(r.err.contains(s("absent.txt: no such file or folder")));
        CHECK(h.ok({s("info"), s("--json")}).json().object().value(s("sources")).toInt() == 0);
    }
    SECTION("bad option values are usage errors before the project is touched") {
        const QString r8 = h.write(s("R8.txt"), s(fixtures::transcriptR8));
        CliRun kind = h.run({s("import"), s("--kind"), s("poem"), r8});
        CHECK(kind.code == 2);
        CHECK(kind.oneLineError());
        CHECK(kind.err.contains(s("unknown --kind 'poem'")));
        CliRun encoding = h.run({s("import"), s("--encoding"), s("klingon"), r8});
        CHECK(encoding.code == 2);
        CHECK(encoding.err.contains(s("unknown --encoding 'klingon'")));
        CliRun speaker = h.run({s("import"), s("--speaker"), s("nonsense"), r8});
        CHECK(speaker.code == 2);
        CHECK(speaker.err.contains(s("--speaker 'nonsense' must be LABEL=CODE")));
        CliRun none = h.run({s("import")});
        CHECK(none.code == 2);
        CHECK(none.err.contains(s("missing FILES_OR_FOLDERS")));
    }
}

TEST_CASE("participants import and list", "[cli][participants]") {
    CliHarness h;
    h.setUpStudy();

    CliRun list = h.ok({s("participants"), s("list")});
    CHECK(list.out.contains(s("R8    Former AWM senior manager  group=regional policy; interviews=2\n")));
    CHECK(list.out.contains(s("M2    Former medical COG member  group=medical; interviews=1\n")));

    const QJsonArray json = h.ok({s("participants"), s("list"), s("--json")}).json().array();
    REQUIRE(json.size() == 2);
    QJsonObject r8;
    for (const auto& v : json)
        if (v.toObject().value(s("code")).toString() == s("R8")) r8 = v.toObject();
    CHECK(r8.value(s("displayName")).toString() == s("Former AWM senior manager"));
    CHECK(r8.value(s("id")).toInteger() > 0);
    CHECK(r8.value(s("attributes")).toObject().value(s("group")).toString() == s("regional policy"));
    CHECK(r8.value(s("attributes")).toObject().value(s("interviews")).toString() == s("2"));
    CHECK(r8.value(s("attributeTypes")).toObject().value(s("interviews")).toString() == s("number"));
}

TEST_CASE("a bad participants CSV row is reported with its row and column", "[cli][participants]") {
    CliHarness h;
    h.ok({s("init"), h.project});
    const QString csv = h.write(s("people.csv"), s("code,group\nR8,regional policy\nM2,medical,extra\n"));
    CliRun r = h.run({s("participants"), s("import"), csv});
    CHECK(r.code == 2);
    CHECK(r.oneLineError());
    CHECK(r.err.contains(s("people.csv: row 3, column 3")));
    // All or nothing: the good row before the bad one was not written either.
    CHECK(h.ok({s("participants"), s("list"), s("--json")}).json().array().isEmpty());

    CliRun missing = h.run({s("participants"), s("import"), h.path(s("nobody.csv"))});
    CHECK(missing.code == 2);
    CHECK(missing.err.contains(s("nobody.csv: no such file")));
}

TEST_CASE("import --interviewer and --speaker map speaker labels", "[cli][import]") {
    CliHarness h;
    h.ok({s("init"), h.project});
    const QString file = h.write(
        s("jane.txt"), s("Moderator2: Hello there, how are you?\n\nJane: Fine, the cluster was a mess.\n\n"
                         "Moderator2: Why?\n\nJane: Because nobody agreed.\n"));
    h.ok({s("import"), s("--interviewer"), s("Moderator2"), s("--speaker"), s("Jane=R5"), file});
    const QString participants = h.ok({s("participants"), s("list")}).out;
    CHECK_FALSE(participants.contains(s("Moderator2")));
    CHECK(participants == s("R5\n"));
    h.ok({s("codes"), s("add"), s("Mess")});
    CHECK(h.ok({s("code"), s("--code"), s("Mess"), s("--participant"), s("R5"), s("--all-turns")})
              .out.contains(s("Coded 2 segments")));
}
