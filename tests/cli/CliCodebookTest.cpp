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

QString readFile(const QString& path) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QString::fromUtf8(f.readAll());
}
} // namespace

TEST_CASE("codes add, list and tree", "[cli][codes]") {
    CliHarness h;
    h.ok({s("init"), h.project});

    CliRun add =
        h.ok({s("codes"), s("add"), s("Evaluation/Policy learning"), s("--colour"), s("#1A2B3C"),
              s("--description"), s("Learning from past policy"), s("--inclusion"), s("Lessons drawn"),
              s("--exclusion"), s("Mere metrics"), s("--example"), s("we learnt from Scotland")});
    CHECK(add.out == s("Added code 'Evaluation/Policy learning' (#1a2b3c)\n"));
    h.ok({s("codes"), s("add"), s("Evaluation/Performance indicators")});
    h.ok({s("codes"), s("add"), s("Funding")});

    CHECK(h.ok({s("codes"), s("list")}).out ==
          s("Evaluation\nEvaluation/Policy learning\nEvaluation/Performance indicators\nFunding\n"));

    const QJsonArray list = h.ok({s("codes"), s("list"), s("--json")}).json().array();
    REQUIRE(list.size() == 4);
    const QJsonObject learning = list.at(1).toObject();
    CHECK(learning.value(s("path")).toString() == s("Evaluation/Policy learning"));
    CHECK(learning.value(s("name")).toString() == s("Policy learning"));
    CHECK(learning.value(s("colour")).toString() == s("#1a2b3c"));
    CHECK(learning.value(s("description")).toString() == s("Learning from past policy"));
    CHECK(learning.value(s("inclusion")).toString() == s("Lessons drawn"));
    CHECK(learning.value(s("exclusion")).toString() == s("Mere metrics"));
    CHECK(learning.value(s("example")).toString() == s("we learnt from Scotland"));
    CHECK(learning.value(s("parentId")).toInteger() == list.at(0).toObject().value(s("id")).toInteger());
    CHECK(learning.value(s("segments")).toInt() == 0);

    SECTION("errors") {
        CliRun twice = h.run({s("codes"), s("add"), s("evaluation/policy LEARNING")});
        CHECK(twice.code == 2);
        CHECK(twice.oneLineError());
        CHECK(twice.err.contains(s("already exists")));
        CliRun colour = h.run({s("codes"), s("add"), s("Linkages"), s("--colour"), s("red")});
        CHECK(colour.code == 2);
        CHECK(colour.err.contains(s("colour 'red'")));
        CHECK(h.run({s("codes"), s("add"), s("//")}).err.contains(s("the code path is empty")));
        // Nothing half-made: neither failure left a code behind.
        CHECK(h.ok({s("codes"), s("list"), s("--json")}).json().array().size() == 4);
    }
}

TEST_CASE("codes tree counts coded segments, with and without subcodes", "[cli][codes]") {
    CliHarness h;
    h.setUpStudy();
    h.ok({s("code"), s("--codings"), h.write(s("codings.csv"), s(fixtures::codingsCsv))});
    // A second code on the same passage counts once for the parent.
    h.ok(
        {s("code"), s("--code"), s("Political influence"), s("--source"), s("R8"), s("--text"),
         s("Food and Drink made the list because of Foot and Mouth in 2001 and pressure from the farmers.")});

    CHECK(h.ok({s("codes"), s("tree")}).out == s("Political influence (1, 1 with subcodes)\n"
                                                 "  Lobbying and special interests (1)\n"
                                                 "Pragmatic approach (0, 1 with subcodes)\n"
                                                 "  Pressure to act (1)\n"
                                                 "Funding (0, 1 with subcodes)\n"
                                                 "  European funds (1)\n"
                                                 "Ambiguous governance (0, 1 with subcodes)\n"
                                                 "  Business-led COGs (1)\n"));

    const QJsonArray tree = h.ok({s("codes"), s("tree"), s("--json")}).json().array();
    REQUIRE(tree.size() == 4);
    const QJsonObject political = tree.at(0).toObject();
    CHECK(political.value(s("path")).toString() == s("Political influence"));
    CHECK(political.value(s("colour")).toString() == s("#aa0000"));
    CHECK(political.value(s("segments")).toInt() == 1);
    CHECK(political.value(s("totalSegments")).toInt() == 1);
    const QJsonArray children = political.value(s("children")).toArray();
    REQUIRE(children.size() == 1);
    CHECK(children.at(0).toObject().value(s("path")).toString() ==
          s("Political influence/Lobbying and special interests"));
    CHECK(children.at(0).toObject().value(s("description")).toString() == s("Lobbying, pressure groups"));
    CHECK(children.at(0).toObject().value(s("children")).toArray().isEmpty());
}

TEST_CASE("codes rename, move, merge and delete", "[cli][codes]") {
    CliHarness h;
    h.setUpStudy();
    h.ok({s("code"), s("--codings"), h.write(s("codings.csv"), s(fixtures::codingsCsv))});

    CHECK(h.ok({s("codes"), s("rename"), s("Funding/European funds"), s("EU funds")}).out ==
          s("Renamed 'European funds' to 'Funding/EU funds'\n"));
    CHECK(h.ok({s("codes"), s("move"), s("EU funds"), s("/")}).out == s("Moved 'EU funds' to 'EU funds'\n"));
    CHECK(h.ok({s("codes"), s("move"), s("EU funds"), s("Political influence")}).out ==
          s("Moved 'EU funds' to 'Political influence/EU funds'\n"));
    CHECK(h.ok({s("segments"), s("--code"), s("Political influence")}).out.endsWith(s("2 coded segments\n")));

    CHECK(h.ok({s("codes"), s("merge"), s("EU funds"), s("Funding")}).out ==
          s("Merged 'Political influence/EU funds' into 'Funding' (1 coding moved)\n"));
    CHECK(h.ok({s("segments"), s("--code"), s("Funding")})
              .out.contains(s("(M2, turn 4) Funding [alewis, coding")));

    SECTION("delete refuses a code with subcodes unless --recursive, then counts the codings") {
        CliRun refused = h.run({s("codes"), s("delete"), s("Political influence")});
        CHECK(refused.code == 2);
        CHECK(refused.oneLineError());
        CHECK(refused.err.contains(s("has 1 subcodes")));
        CHECK(h.ok({s("codes"), s("delete"), s("Political influence"), s("--recursive")}).out ==
              s("Deleted 'Political influence' and 1 subcode; removed 1 coding\n"));
        CHECK(h.ok({s("codes"), s("delete"), s("Funding")}).out ==
              s("Deleted 'Funding'; removed 1 coding\n"));
        CHECK(h.ok({s("info"), s("--json")}).json().object().value(s("codings")).toInt() == 2);
    }
    SECTION("errors name the code") {
        CliRun cycle =
            h.run({s("codes"), s("move"), s("Political influence"), s("Lobbying and special interests")});
        CHECK(cycle.code == 2);
        CHECK(cycle.err.contains(s("cannot move code 'Political influence' under itself")));
        CliRun unknown = h.run({s("codes"), s("merge"), s("Nope"), s("Funding")});
        CHECK(unknown.code == 2);
        CHECK(unknown.err.contains(s("no code 'Nope'")));
        CliRun slash = h.run({s("codes"), s("rename"), s("Funding"), s("A/B")});
        CHECK(slash.code == 2);
        CHECK(slash.err.contains(s("may not contain '/'")));
    }
}

TEST_CASE("codes import and export round-trip", "[cli][codes]") {
    CliHarness h;
    h.setUpStudy();
    CHECK(h.ok({s("info"), s("--json")}).json().object().value(s("codes")).toInt() == 8);

    const QString csv = h.path(s("out.csv"));
    CHECK(h.ok({s("codes"), s("export"), csv}).out ==
          QStringLiteral("Exported the codebook to %1\n").arg(csv));
    const QString exported = readFile(csv);
    CHECK(exported.startsWith(s("path,colour,description,inclusion,exclusion,example\n")));
    CHECK(exported.contains(s("Political influence/Lobbying and special interests,#cc3333,\"Lobbying, "
                              "pressure groups\",Named interest groups,,\n")));
    CHECK(h.ok({s("codes"), s("export"), s("--format"), s("csv")}).out == exported);

    const QString md = h.ok({s("codes"), s("export"), s("--format"), s("md")}).out;
    CHECK(md.startsWith(s("# Codebook\n")));
    CHECK(md.contains(s("### Lobbying and special interests\n")));

    // Into a fresh project, from each format.
    for (const QString& format : {s("csv"), s("md")}) {
        CliHarness other;
        other.ok({s("init"), other.project});
        const QString file =
            other.write(QStringLiteral("codebook.%1").arg(format), format == s("csv") ? exported : md);
        CHECK(other.ok({s("codes"), s("import"), file}).out ==
              QStringLiteral("Imported 8 codes from codebook.%1\n").arg(format));
        CHECK(other.ok({s("codes"), s("export"), s("--format"), s("csv")}).out == exported);
    }

    SECTION("a bad codebook row names the file, row and column") {
        const QString bad = h.write(s("bad-codebook.csv"), s("path,colour\nLinkages,#123456\n,#654321\n"));
        CliRun r = h.run({s("codes"), s("import"), bad});
        CHECK(r.code == 2);
        CHECK(r.oneLineError());
        CHECK(r.err.contains(s("bad-codebook.csv: row 3, column 1")));
        CHECK(h.ok({s("info"), s("--json")}).json().object().value(s("codes")).toInt() == 8);
    }
    SECTION("unknown format and unwritable file") {
        CHECK(h.run({s("codes"), s("export"), s("--format"), s("xml")})
                  .err.contains(s("unknown --format 'xml'")));
        CliRun r = h.run({s("codes"), s("export"), h.path(s("no/such/dir/out.csv"))});
        CHECK(r.code == 2);
        CHECK(r.oneLineError());
        CHECK(r.err.contains(s("out.csv: cannot write")));
        CHECK(h.run({s("codes"), s("import"), h.path(s("codebook.txt"))})
                  .err.contains(s("codebook.txt: no such file")));
    }
}
