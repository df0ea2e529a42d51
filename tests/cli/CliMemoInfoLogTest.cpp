#include "CliHarness.h"

#include <catch2/catch.hpp>

using warrant::cli::test::CliHarness;
using warrant::cli::test::CliRun;
namespace fixtures = warrant::cli::test::fixtures;

namespace {
QString s(const char* text) {
    return QString::fromUtf8(text);
}
} // namespace

TEST_CASE("memo add and list on every kind of target", "[cli][memo]") {
    CliHarness h;
    h.setUpStudy();
    h.ok({s("code"), s("--codings"), h.write(s("codings.csv"), s(fixtures::codingsCsv))});
    const qint64 segmentId = h.ok({s("segments"), s("--json"), s("--coder"), s("bosei")})
                                 .json()
                                 .array()
                                 .at(0)
                                 .toObject()
                                 .value(s("segmentId"))
                                 .toInteger();
    REQUIRE(segmentId > 0);

    CHECK(
        h.ok({s("memo"), s("add"), s("--on"), s("project"), s("--title"), s("Aim"), s("Why"), s("clusters?")})
            .out == s("Added memo 1 on project\n"));
    CHECK(h.ok({s("memo"), s("add"), s("--on"), s("source"), s("--target"), s("R8.txt"), s("Long answers.")})
              .out == s("Added memo 2 on source 'R8'\n"));
    CHECK(h.ok({s("memo"), s("add"), s("--on"), s("participant"), s("--target"), s("m2"),
                s("Sceptical of COGs.")})
              .out == s("Added memo 3 on participant 'M2'\n"));
    CHECK(h.ok({s("memo"), s("add"), s("--on"), s("code"), s("--target"), s("European funds"),
                s("Strings attached.")})
              .out == s("Added memo 4 on code 'Funding/European funds'\n"));
    const QJsonObject bosei =
        h.ok({s("segments"), s("--json"), s("--coder"), s("bosei")}).json().array().at(0).toObject();
    CHECK(h.ok({s("memo"), s("add"), s("--on"), s("segment"), s("--target"), QString::number(segmentId),
                s("Key quote.")})
              .out == QStringLiteral("Added memo 5 on segment 'M2 %1:%2 (M2, turn 2)'\n")
                          .arg(bosei.value(s("start")).toInteger())
                          .arg(bosei.value(s("end")).toInteger()));

    const QJsonArray all = h.ok({s("memo"), s("list"), s("--json")}).json().array();
    REQUIRE(all.size() == 5);
    const QJsonObject project = all.at(0).toObject();
    for (const char* key :
         {"id", "target", "targetId", "targetName", "title", "body", "coder", "createdAt", "updatedAt"})
        CHECK(project.contains(s(key)));
    CHECK(project.value(s("target")).toString() == s("project"));
    CHECK(project.value(s("targetName")).toString() == s("study.warrant"));
    CHECK(project.value(s("title")).toString() == s("Aim"));
    CHECK(project.value(s("body")).toString() == s("Why clusters?"));
    CHECK(project.value(s("coder")).toString() == s("tester"));
    CHECK(all.at(3).toObject().value(s("targetName")).toString() == s("Funding/European funds"));
    CHECK(all.at(4).toObject().value(s("targetId")).toInteger() == segmentId);
    CHECK(all.at(4).toObject().value(s("targetName")).toString().startsWith(s("M2 ")));
    CHECK(all.at(4).toObject().value(s("targetName")).toString().endsWith(s(" (M2, turn 2)")));

    const QJsonArray onCode = h.ok({s("memo"), s("list"), s("--json"), s("--on"), s("code"), s("--target"),
                                    s("Funding/European funds")})
                                  .json()
                                  .array();
    REQUIRE(onCode.size() == 1);
    CHECK(onCode.at(0).toObject().value(s("body")).toString() == s("Strings attached."));

    const QString text = h.ok({s("memo"), s("list"), s("--on"), s("participant")}).out;
    CHECK(text.startsWith(s("memo 3 on participant 'M2' by tester, ")));
    CHECK(text.endsWith(s("\n  Sceptical of COGs.\n\n1 memo\n")));

    SECTION("errors") {
        const auto expectError = [&](const QStringList& args, const QString& fragment) {
            CliRun r = h.run(args);
            INFO(args.join(u' ').toStdString() << "\nerr: " << r.err.toStdString());
            CHECK(r.code == 2);
            CHECK(r.oneLineError());
            CHECK(r.err.contains(fragment));
        };
        expectError({s("memo"), s("add"), s("text")}, s("--on KIND is required"));
        expectError({s("memo"), s("add"), s("--on"), s("chapter"), s("text")}, s("unknown --on 'chapter'"));
        expectError({s("memo"), s("add"), s("--on"), s("code"), s("text")}, s("--on code needs --target"));
        expectError({s("memo"), s("add"), s("--on"), s("project"), s("--target"), s("x"), s("text")},
                    s("takes no --target"));
        expectError({s("memo"), s("add"), s("--on"), s("code"), s("--target"), s("Nope"), s("text")},
                    s("no code 'Nope'"));
        expectError({s("memo"), s("add"), s("--on"), s("source"), s("--target"), s("Z.txt"), s("text")},
                    s("no source named 'Z.txt'"));
        expectError({s("memo"), s("add"), s("--on"), s("segment"), s("--target"), s("99999"), s("text")},
                    s("no segment with id 99999"));
        expectError({s("memo"), s("add"), s("--on"), s("segment"), s("--target"), s("first"), s("text")},
                    s("SEGMENT_ID"));
        expectError({s("memo"), s("add"), s("--on"), s("project")}, s("missing TEXT"));
        CHECK(h.ok({s("memo"), s("list"), s("--json")}).json().array().size() == 5);
    }
}

TEST_CASE("info reports the project's counts", "[cli][info]") {
    CliHarness h;
    h.setUpStudy();
    h.ok({s("code"), s("--codings"), h.write(s("codings.csv"), s(fixtures::codingsCsv))});
    h.ok({s("memo"), s("add"), s("--on"), s("project"), s("A memo")});

    const QJsonObject info = h.ok({s("info"), s("--json")}).json().object();
    CHECK(info.value(s("file")).toString() == s("study.warrant"));
    CHECK(info.value(s("schemaVersion")).toInt() >= 1);
    CHECK(info.value(s("sources")).toInt() == 2);
    CHECK(info.value(s("transcripts")).toInt() == 2);
    CHECK(info.value(s("documents")).toInt() == 0);
    CHECK(info.value(s("manuscripts")).toInt() == 0);
    CHECK(info.value(s("turns")).toInt() == 8);
    CHECK(info.value(s("participants")).toInt() == 2);
    CHECK(info.value(s("codes")).toInt() == 8);
    CHECK(info.value(s("segments")).toInt() == 4);
    CHECK(info.value(s("codings")).toInt() == 4);
    CHECK(info.value(s("coders")).toInt() == 3); // tester (memo), alewis, bosei
    CHECK(info.value(s("memos")).toInt() == 1);
    CHECK(info.value(s("changes")).toInt() ==
          5); // import, participants, codebook, codings, memo (init logs none)
    CHECK(info.value(s("words")).toInteger() > 100);

    const QString text = h.ok({s("info")}).out;
    CHECK(text.startsWith(s("Project: study.warrant (format ")));
    CHECK(text.contains(s("\nSources:        2\n")));
    CHECK(text.contains(s("\nCodings:        4\n")));
}

TEST_CASE("log lists changes newest first", "[cli][log]") {
    CliHarness h;
    h.setUpStudy();
    h.environmentCoder = s("jdoe");
    h.ok({s("codes"), s("add"), s("Linkages")});
    h.ok({s("codes"), s("rename"), s("Linkages"), s("Links"), s("--coder"), s("mkay")});

    const QJsonArray entries = h.ok({s("log"), s("--json")}).json().array();
    REQUIRE(entries.size() >= 5);
    const QJsonObject newest = entries.at(0).toObject();
    for (const char* key : {"id", "at", "coder", "action", "detail"})
        CHECK(newest.contains(s(key)));
    CHECK(newest.value(s("action")).toString() == s("code.rename"));
    CHECK(newest.value(s("coder")).toString() == s("mkay"));
    CHECK(newest.value(s("detail")).toString() == s("renamed the code 'Linkages' to 'Links'"));
    CHECK(entries.at(1).toObject().value(s("action")).toString() == s("code.create"));
    CHECK(entries.at(1).toObject().value(s("coder")).toString() == s("jdoe"));
    CHECK(entries.at(0).toObject().value(s("id")).toInteger() >
          entries.at(1).toObject().value(s("id")).toInteger());
    CHECK(entries.last().toObject().value(s("action")).toString() == s("source.import"));

    CHECK(h.ok({s("log"), s("--limit"), s("1"), s("--json")}).json().array().size() == 1);
    const QString text = h.ok({s("log"), s("-n"), s("2")}).out;
    CHECK(text.count(u'\n') == 2);
    CHECK(text.section(u'\n', 0, 0).endsWith(s("  mkay renamed the code 'Linkages' to 'Links'  [code.rename]")));

    CliRun bad = h.run({s("log"), s("--limit"), s("-3")});
    CHECK(bad.code == 2);
    CHECK(bad.oneLineError());
}
