#include <catch2/catch.hpp>

#include "CliHarness.h"
#include "TestPaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

using namespace warrant::cli::test;

namespace {

QString s(const char* text) { return QString::fromUtf8(text); }

// The sample project, built once through the CLI itself; its folder goes when the tests end.
const CliHarness& sampleProject() {
    static const std::unique_ptr<CliHarness> harness = [] {
        auto h = std::make_unique<CliHarness>();
        h->project = h->path(s("sample.warrant"));
        h->ok({s("demo"), h->project, s("--corpus"), warrant::test::sourcePath(s("sample_corpus"))});
        return h;
    }();
    return *harness;
}

// The defects planted in the sample manuscript: each is one finding with the default --fail-on.
qsizetype plantedDefects() {
    QFile f(warrant::test::sourcePath(s("sample_corpus/expected/planted-defects.json")));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QJsonDocument::fromJson(f.readAll()).object()[s("defects")].toArray().size();
}

} // namespace

TEST_CASE("audit reports the sample manuscript's defects and exits 1", "[cli][audit]") {
    const CliHarness& h = sampleProject();
    const CliRun text = h.run({s("audit"), s("findings-chapter")});
    CHECK(text.code == 1);
    CHECK(text.out.contains(s("misattributed")));
    CHECK(text.out.contains(s("[-weaknesses-] {+assets+}")));

    const CliRun json = h.run({s("audit"), s("findings-chapter"), s("--format"), s("json")});
    CHECK(json.code == 1);
    const QJsonObject summary = json.json().object().value(s("summary")).toObject();
    const QJsonObject verdicts = summary.value(s("verdicts")).toObject();
    CHECK(verdicts.value(s("misattributed")).toInt() == 2);
    CHECK(verdicts.value(s("altered")).toInt() == 2);
    CHECK(verdicts.value(s("spliced")).toInt() == 1);
    CHECK(verdicts.value(s("interviewer-words")).toInt() == 1);
    CHECK(verdicts.value(s("not-found")).toInt() == 1);
    CHECK(verdicts.value(s("verbatim")).toInt() >= 40);
    CHECK(summary.value(s("checks")).toObject().value(s("quantifier")).toInt() == 1);
    CHECK(summary.value(s("checks")).toObject().value(s("unsupported")).toInt() == 2);
    const QJsonArray claims = json.json().object().value(s("claims")).toArray();
    REQUIRE_FALSE(claims.isEmpty());
    for (const char* field : {"id", "text", "start", "end", "citations", "quotes", "evidence", "checks"})
        CHECK(claims.first().toObject().contains(s(field)));
}

TEST_CASE("audit --fail-on chooses what fails, other formats are written to files", "[cli][audit]") {
    const CliHarness& h = sampleProject();
    CHECK(h.run({s("audit"), s("findings-chapter"), s("--fail-on"), s("none")}).code == 0);
    CHECK(h.run({s("audit"), s("findings-chapter"), s("--fail-on"), s("spliced")}).code == 1);
    CHECK(h.run({s("audit"), s("findings-chapter"), s("--fail-on"), s("ambiguous")}).code == 0);

    const QString html = h.path(s("report.html"));
    const QString junit = h.path(s("report.xml"));
    const QString table = h.path(s("evidence.csv"));
    CHECK(h.run({s("audit"), s("findings-chapter"), s("--format"), s("html"), s("--output"), html, s("--evidence-table"), table,
                 s("--fail-on"), s("none")})
              .code == 0);
    CHECK(h.run({s("audit"), s("findings-chapter"), s("--format"), s("junit"), s("--output"), junit}).code == 1);
    for (const QString& file : {html, junit, table}) {
        QFile f(file);
        REQUIRE(f.open(QIODevice::ReadOnly));
        CHECK(f.size() > 1000);
    }
    QFile report(junit);
    REQUIRE(report.open(QIODevice::ReadOnly));
    CHECK(QString::fromUtf8(report.readAll()).count(s("<failure")) == plantedDefects());
}

TEST_CASE("audit refuses bad input with one line and exit 2", "[cli][audit]") {
    const CliHarness& h = sampleProject();
    const CliRun format = h.run({s("audit"), s("findings-chapter"), s("--format"), s("pdf")});
    CHECK(format.code == 2);
    CHECK(format.oneLineError());
    const CliRun missing = h.run({s("audit"), s("no-such-chapter.md")});
    CHECK(missing.code == 2);
    CHECK(missing.err.contains(s("no-such-chapter.md")));
    CHECK(h.run({s("audit"), s("findings-chapter"), s("--fail-on"), s("wrongness")}).code == 2);
}

TEST_CASE("claims and evidence can be listed, linked, re-stanced and removed", "[cli][evidence]") {
    const CliHarness& h = sampleProject();
    h.run({s("audit"), s("findings-chapter"), s("--fail-on"), s("none")});
    const CliRun claims = h.ok({s("claims"), s("list"), s("findings-chapter"), s("--json")});
    const QJsonArray list = claims.json().array();
    REQUIRE(list.size() > 40);
    const QString claim = QString::number(list.first().toObject().value(s("id")).toInteger());
    const CliRun linked = h.ok({s("evidence"), s("add"), claim, s("--source"), s("R8"), s("--range"), s("300:360"), s("--stance"),
                                s("qualifies")});
    const QString link = linked.out.section(u' ', 2, 2);
    const CliRun shown = h.ok({s("evidence"), s("list"), claim, s("--json")});
    bool found = false;
    for (const QJsonValue& v : shown.json().array())
        found = found || (v.toObject().value(s("stance")).toString() == s("qualifies") && v.toObject().value(s("origin")).toString() == s("user"));
    CHECK(found);
    h.ok({s("evidence"), s("stance"), link, s("contradicts")});
    CHECK(h.ok({s("evidence"), s("list"), claim}).out.contains(s("contradicts")));
    h.ok({s("evidence"), s("remove"), link});
    CHECK(h.run({s("evidence"), s("remove"), link}).code == 2);
    CHECK(h.run({s("evidence"), s("add"), claim, s("--source"), s("R8"), s("--range"), s("300:360"), s("--stance"), s("maybe")}).code == 2);
}
