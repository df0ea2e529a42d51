#include "CliHarness.h"
#include "QdpxFixture.h"

#include <QFile>
#include <QFileInfo>
#include <catch2/catch.hpp>

using warrant::cli::test::CliHarness;
using warrant::cli::test::CliRun;
namespace fixtures = warrant::cli::test::fixtures;

namespace {
QString s(const char* text) { return QString::fromUtf8(text); }

// The figures both projects must agree on, from `info --json`.
QJsonObject counts(const CliHarness& h, const QString& project) {
    QJsonObject info = h.ok({s("info"), s("--project"), project, s("--json")}).json().object();
    QJsonObject out;
    for (const char* key : {"codes", "codings", "segments", "participants", "sources", "transcripts", "turns", "memos", "words"})
        out.insert(s(key), info.value(s(key)));
    return out;
}

// Every coding as "code|text", sorted, from `segments --json`.
QStringList codedTexts(const CliHarness& h, const QString& project) {
    QStringList out;
    for (const QJsonValue v : h.ok({s("segments"), s("--project"), project, s("--json")}).json().array()) {
        const QJsonObject seg = v.toObject();
        out << seg.value(s("code")).toString() + u'|' + seg.value(s("text")).toString();
    }
    out.sort();
    return out;
}
} // namespace

TEST_CASE("qdpx export and import through the CLI keep the study", "[cli][qdpx]") {
    CliHarness h;
    h.setUpStudy();
    h.ok({s("code"), s("--codings"), h.write(s("codings.csv"), s(fixtures::codingsCsv))});
    h.ok({s("memo"), s("add"), s("--on"), s("code"), s("--target"), s("Funding"), s("Money & <scope>.")});
    h.ok({s("memo"), s("add"), s("--on"), s("participant"), s("--target"), s("R8"), s("Talkative.")});

    const QString qdpx = h.path(s("study.qdpx"));
    CliRun exported = h.ok({s("qdpx"), s("export"), qdpx});
    CHECK(exported.out.startsWith(s("Exported ")));
    REQUIRE(QFileInfo(qdpx).size() > 0);
    CHECK(!warrant::test::zipEntry(qdpx, s("project.qde")).isEmpty());

    const QString copy = h.path(s("copy.warrant"));
    CliRun imported = h.ok({s("qdpx"), s("import"), qdpx, s("--project"), copy, s("--json")});
    const QJsonObject report = imported.json().object();
    CHECK(report.value(s("origin")).toString() == s("Warrant"));
    CHECK(report.value(s("problems")).toArray().isEmpty());
    CHECK(report.value(s("counts")).toObject().value(s("codings")).toInt() > 0);

    CHECK(counts(h, copy) == counts(h, h.project));
    CHECK(codedTexts(h, copy) == codedTexts(h, h.project));

    SECTION("an existing project is never overwritten") {
        const QByteArray before = [&] { QFile f(copy); f.open(QIODevice::ReadOnly); return f.readAll(); }();
        CliRun again = h.run({s("qdpx"), s("import"), qdpx, s("--project"), copy});
        CHECK(again.code != 0);
        CHECK(again.oneLineError());
        CHECK(again.err.contains(s("exists")));
        QFile f(copy);
        REQUIRE(f.open(QIODevice::ReadOnly));
        CHECK(f.readAll() == before);
    }
    SECTION("a broken archive is one error naming the file, and no project appears") {
        const QString broken = h.write(s("broken.qdpx"), s("this is not a zip"));
        const QString target = h.path(s("never.warrant"));
        CliRun bad = h.run({s("qdpx"), s("import"), broken, s("--project"), target});
        CHECK(bad.code != 0);
        CHECK(bad.oneLineError());
        CHECK(bad.err.contains(s("broken.qdpx")));
        CHECK_FALSE(QFileInfo::exists(target));
    }
    SECTION("import needs a new project name") {
        CliRun missing = h.run({s("qdpx"), s("import"), qdpx});
        CHECK(missing.code != 0);
        CHECK(missing.err.contains(s("--project")));
    }
}

TEST_CASE("codes export and import a REFI-QDA codebook (.qdc)", "[cli][qdpx][codes]") {
    CliHarness h;
    h.setUpStudy();
    const QString qdc = h.path(s("codebook.qdc"));
    h.ok({s("codes"), s("export"), qdc});
    const QString text = [&] { QFile f(qdc); f.open(QIODevice::ReadOnly); return QString::fromUtf8(f.readAll()); }();
    CHECK(text.contains(s("urn:QDA-XML:codebook:1.0")));

    CliHarness other;
    other.ok({s("init"), other.project});
    other.ok({s("codes"), s("import"), qdc});
    CHECK(other.ok({s("codes"), s("list")}).out == h.ok({s("codes"), s("list")}).out);

    SECTION("--format qdc writes the same codebook to standard output") {
        CHECK(h.ok({s("codes"), s("export"), s("--format"), s("qdc")}).out == text);
    }
    SECTION("a .qdc that is not a codebook is refused with one line") {
        CliRun bad = other.run({s("codes"), s("import"), other.write(s("bad.qdc"), s("<Project xmlns=\"urn:QDA-XML:project:1.0\"/>"))});
        CHECK(bad.code != 0);
        CHECK(bad.oneLineError());
        CHECK(bad.err.contains(s("bad.qdc")));
    }
}
