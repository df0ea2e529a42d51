#include "CliHarness.h"

#include <catch2/catch.hpp>

using warrant::cli::test::CliHarness;
using warrant::cli::test::CliRun;
namespace fixtures = warrant::cli::test::fixtures;

namespace {
QString s(const char* text) {
    return QString::fromUtf8(text);
}

int codingCount(const CliHarness& h) {
    return h.ok({s("info"), s("--json")}).json().object().value(s("codings")).toInt();
}
} // namespace

TEST_CASE("code a range, a text, a turn and a participant's turns", "[cli][code]") {
    CliHarness h;
    h.setUpStudy();
    const QString r8 = s(fixtures::transcriptR8);

    SECTION("--range codes exactly those code points") {
        const QString phrase = s("Food and Drink made the list");
        const qsizetype start = r8.indexOf(phrase);
        REQUIRE(start > 0);
        const QString range = QStringLiteral("%1:%2").arg(start).arg(start + phrase.size());
        CliRun r = h.ok({s("code"), s("--code"), s("Funding"), s("--source"), s("R8"), s("--range"), range});
        CHECK(
            r.out ==
            QStringLiteral("Coded 1 segment with 'Funding' in R8 %1 (1 new, 0 already coded)\n").arg(range));
        CHECK(h.ok({s("segments")}).out == s("Food and Drink made the list\n  (R8, turn 4) Funding [tester, "
                                             "coding 1]\n\n1 coded segment\n"));
        // Coding it again is reported, not doubled.
        CHECK(h.ok({s("code"), s("--code"), s("Funding"), s("--source"), s("R8.txt"), s("--range"), range})
                  .out.contains(s("(0 new, 1 already coded)")));
        CHECK(codingCount(h) == 1);
    }
    SECTION("--text codes every exact occurrence; a bare unique name resolves the code") {
        // "money" is in the interviewer's question (turn 3) and in M2's answer (turn 4).
        CliRun r = h.ok(
            {s("code"), s("--code"), s("European funds"), s("--source"), s("M2"), s("--text"), s("money")});
        CHECK(r.out == s("Coded 2 segments with 'Funding/European funds' in M2 (2 new, 0 already coded)\n"));
        const QJsonArray rows = h.ok({s("segments"), s("--json")}).json().array();
        REQUIRE(rows.size() == 2);
        const QJsonObject question = rows.at(0).toObject();
        const QJsonObject answer = rows.at(1).toObject();
        CHECK(question.value(s("text")).toString() == s("money"));
        CHECK(question.value(s("turn")).toInt() == 3);
        CHECK(answer.value(s("text")).toString() == s("money"));
        CHECK(answer.value(s("participant")).toString() == s("M2"));
        CHECK(answer.value(s("turn")).toInt() == 4);
        CHECK(answer.value(s("citation")).toString() == s("(M2, turn 4)"));
        CHECK(answer.value(s("code")).toString() == s("Funding/European funds"));
        CHECK(answer.value(s("coder")).toString() == s("tester"));
        CHECK(answer.value(s("start")).toInteger() == s(fixtures::transcriptM2).indexOf(s("money,")));
    }
    SECTION("--turn codes the whole turn, paragraphs included") {
        h.ok({s("code"), s("--code"), s("Pressure to act"), s("--source"), s("R8"), s("--turn"), s("2")});
        const QJsonObject seg = h.ok({s("segments"), s("--json")}).json().array().at(0).toObject();
        CHECK(
            seg.value(s("text")).toString().startsWith(s("Yes, of course. Um, I joined the agency in 1999")));
        CHECK(seg.value(s("text")).toString().endsWith(s("a strategy within six months.")));
        CHECK(seg.value(s("citation")).toString() == s("(R8, turn 2)"));
    }
    SECTION("--participant --all-turns codes each of the participant's turns") {
        CliRun r = h.ok(
            {s("code"), s("--code"), s("Business-led COGs"), s("--participant"), s("M2"), s("--all-turns")});
        CHECK(r.out == s("Coded 2 segments with 'Ambiguous governance/Business-led COGs' in every turn of M2 "
                         "(2 new, 0 already "
                         "coded)\n"));
        CHECK(codingCount(h) == 2);
    }
    SECTION("--coder records the acting coder") {
        h.ok({s("code"), s("--code"), s("Funding"), s("--source"), s("M2"), s("--turn"), s("4"), s("--coder"),
              s("bosei")});
        CHECK(h.ok({s("segments"), s("--coder"), s("bosei")}).out.endsWith(s("1 coded segment\n")));
        CHECK(h.ok({s("segments"), s("--coder"), s("tester")}).out == s("0 coded segments\n"));
    }
}

TEST_CASE("code input errors exit 2 with one line", "[cli][code]") {
    CliHarness h;
    h.setUpStudy();
    const auto expectError = [&](const QStringList& args, const QString& fragment) {
        CliRun r = h.run(args);
        INFO("warrant-cli " << args.join(u' ').toStdString() << "\nerr: " << r.err.toStdString());
        CHECK(r.code == 2);
        CHECK(r.oneLineError());
        CHECK(r.err.contains(fragment));
    };
    expectError({s("code"), s("--code"), s("Nope"), s("--source"), s("R8"), s("--turn"), s("2")},
                s("no code 'Nope' in the codebook"));
    expectError({s("code"), s("--code"), s("Funding"), s("--source"), s("R8"), s("--range"), s("5000:6000")},
                s("R8: range 5000:6000 is outside the text"));
    expectError({s("code"), s("--code"), s("Funding"), s("--source"), s("R8"), s("--range"), s("20:10")},
                s("--range 20:10 is empty"));
    expectError({s("code"), s("--code"), s("Funding"), s("--source"), s("R8"), s("--range"), s("ten:20")},
                s("--range 'ten:20' must be START:END"));
    expectError({s("code"), s("--code"), s("Funding"), s("--source"), s("R99"), s("--turn"), s("1")},
                s("no source named 'R99'"));
    expectError({s("code"), s("--code"), s("Funding"), s("--source"), s("R8"), s("--turn"), s("40")},
                s("code: R8 has no turn 40 (it has 4)"));
    // A participant from the CSV who speaks in no imported source.
    h.ok({s("participants"), s("import"), h.write(s("more.csv"), s("code,group\nR2,regional policy\n"))});
    expectError({s("code"), s("--code"), s("Funding"), s("--participant"), s("R2"), s("--all-turns")},
                s("participant R2 speaks in no turn of any source"));
    expectError(
        {s("code"), s("--code"), s("Funding"), s("--source"), s("R8"), s("--text"), s("not in the text")},
        s("R8: the text \"not in the text\" does not occur"));
    expectError({s("code"), s("--code"), s("Funding"), s("--participant"), s("Q1"), s("--all-turns")},
                s("no participant 'Q1'"));
    expectError({s("code"), s("--code"), s("Funding"), s("--source"), s("R8")},
                s("exactly one of --range, --text or --turn"));
    expectError({s("code"), s("--code"), s("Funding"), s("--source"), s("R8"), s("--turn"), s("1"),
                 s("--text"), s("x")},
                s("exactly one of --range, --text or --turn"));
    expectError({s("code"), s("--source"), s("R8"), s("--turn"), s("1")}, s("--code PATH is required"));
    expectError({s("code"), s("--code"), s("Funding"), s("--participant"), s("R8")},
                s("--all-turns go together"));
    expectError({s("code"), s("--code"), s("Political"), s("--source"), s("R8"), s("--turn"), s("2")},
                s("no code 'Political'"));
    expectError({s("code"), s("--code"), s("Funding")}, s("say what to code"));
    CHECK(codingCount(h) == 0);
}

TEST_CASE("code --codings applies a coding CSV, all or nothing", "[cli][code]") {
    CliHarness h;
    h.setUpStudy();
    SECTION("good file") {
        CliRun r = h.ok({s("code"), s("--codings"), h.write(s("codings.csv"), s(fixtures::codingsCsv))});
        CHECK(r.out == s("Applied 4 new codings from codings.csv\n"));
        CHECK(codingCount(h) == 4);
    }
    SECTION("a row whose text is not in the transcript names the file and row; nothing is applied") {
        const QString bad = h.write(s("bad-codings.csv"),
                                    s(fixtures::codingsCsv) + s("R8,Funding,alewis,words nobody said\n"));
        CliRun r = h.run({s("code"), s("--codings"), bad});
        CHECK(r.code == 2);
        CHECK(r.oneLineError());
        CHECK(r.err.contains(s("bad-codings.csv: row 6")));
        CHECK(codingCount(h) == 0);
    }
    SECTION("--codings with other selectors is a usage error") {
        CliRun r = h.run({s("code"), s("--codings"), s("x.csv"), s("--code"), s("Funding")});
        CHECK(r.code == 2);
        CHECK(r.err.contains(s("--codings takes no other selection")));
    }
}

TEST_CASE("segments filters by code with descendants, participant, attribute and coder", "[cli][segments]") {
    CliHarness h;
    h.setUpStudy();
    h.ok({s("code"), s("--codings"), h.write(s("codings.csv"), s(fixtures::codingsCsv))});

    SECTION("a parent code includes its subcodes; text then citation and code path") {
        CliRun r = h.ok({s("segments"), s("--code"), s("Political influence")});
        CHECK(r.out ==
              s("Food and Drink made the list because of Foot and Mouth in 2001 and pressure from the "
                "farmers.\n"
                "  (R8, turn 4) Political influence/Lobbying and special interests [alewis, coding 1]\n\n"
                "1 coded segment\n"));
    }
    SECTION("several codes match any of them") {
        CliRun r = h.ok({s("segments"), s("--code"), s("Funding"), s("--code"), s("Pragmatic approach")});
        CHECK(r.out.contains(s("(R8, turn 2) Pragmatic approach/Pressure to act")));
        CHECK(r.out.contains(s("(M2, turn 4) Funding/European funds")));
        CHECK(r.out.endsWith(s("2 coded segments\n")));
    }
    SECTION("participant, attribute and coder filters") {
        CHECK(h.ok({s("segments"), s("--participant"), s("r8")}).out.endsWith(s("2 coded segments\n")));
        CHECK(h.ok({s("segments"), s("--attribute"), s("group=medical")})
                  .out.endsWith(s("2 coded segments\n")));
        CliRun bosei = h.ok({s("segments"), s("--coder"), s("bosei"), s("--json")});
        const QJsonArray rows = bosei.json().array();
        REQUIRE(rows.size() == 1);
        CHECK(rows.at(0).toObject().value(s("code")).toString() ==
              s("Ambiguous governance/Business-led COGs"));
    }
    SECTION("no match is still exit 0") {
        CliRun r = h.ok({s("segments"), s("--participant"), s("M2"), s("--code"), s("Political influence")});
        CHECK(r.out == s("0 coded segments\n"));
        CHECK(h.ok({s("segments"), s("--json"), s("--coder"), s("nobody")}).json().array().isEmpty());
    }
    SECTION("--json has the documented fields") {
        const QJsonArray rows = h.ok({s("segments"), s("--json"), s("--source"), s("R8")}).json().array();
        REQUIRE(rows.size() == 2);
        const QJsonObject first = rows.at(0).toObject();
        for (const char* key : {"codingId", "segmentId", "sourceId", "source", "start", "end", "text",
                                "codeId", "code", "coder", "participant", "turn", "citation", "createdAt"})
            CHECK(first.contains(s(key)));
        const QString r8 = s(fixtures::transcriptR8);
        CHECK(first.value(s("source")).toString() == s("R8"));
        CHECK(first.value(s("text")).toString() == s("the minister wanted a strategy within six months"));
        CHECK(first.value(s("start")).toInteger() == r8.indexOf(s("the minister wanted")));
        CHECK(first.value(s("end")).toInteger() - first.value(s("start")).toInteger() == 48);
        CHECK(first.value(s("citation")).toString() == s("(R8, turn 2)"));
        CHECK(first.value(s("createdAt")).toString().endsWith(u'Z'));
    }
    SECTION("unknown filter values are errors, not empty results") {
        for (const QStringList& args : {QStringList{s("segments"), s("--code"), s("Nope")},
                                        QStringList{s("segments"), s("--participant"), s("Z9")},
                                        QStringList{s("segments"), s("--attribute"), s("colour=blue")},
                                        QStringList{s("segments"), s("--attribute"), s("group")},
                                        QStringList{s("segments"), s("--source"), s("nothing.txt")}}) {
            CliRun r = h.run(args);
            INFO(args.join(u' ').toStdString());
            CHECK(r.code == 2);
            CHECK(r.oneLineError());
        }
    }
    SECTION("uncode removes one coding by id") {
        const QJsonArray rows = h.ok({s("segments"), s("--json"), s("--coder"), s("bosei")}).json().array();
        const qint64 id = rows.at(0).toObject().value(s("codingId")).toInteger();
        CliRun r = h.ok({s("uncode"), s("--coding"), QString::number(id)});
        CHECK(r.out ==
              QStringLiteral(
                  "Removed coding %1: 'Ambiguous governance/Business-led COGs' from M2 (M2, turn 2)\n")
                  .arg(id));
        CHECK(codingCount(h) == 3);
        CliRun again = h.run({s("uncode"), s("--coding"), QString::number(id)});
        CHECK(again.code == 2);
        CHECK(again.err.contains(QStringLiteral("no coding %1").arg(id)));
        CHECK(h.run({s("uncode"), s("--coding"), s("abc")}).code == 2);
    }
}
