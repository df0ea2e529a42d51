#include <catch2/catch.hpp>

#include "CliHarness.h"
#include "SearchIndex.h"
#include "TestPaths.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

#include <unistd.h>

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
    h.ok({s("audit"), s("findings-chapter"), s("--fail-on"), s("none"), s("--save")});
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

namespace {

QByteArray fileHash(const QString& path) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

qsizetype claimCount(const CliHarness& h, const QString& manuscript) {
    const CliRun claims = h.run({s("claims"), s("list"), manuscript, s("--json")});
    return claims.code == 0 ? claims.json().array().size() : -1;
}

} // namespace

TEST_CASE("audit only reads the project unless --save is given", "[cli][audit][readonly]") {
    CliHarness h;
    h.project = h.path(s("review.warrant"));
    h.ok({s("demo"), h.project, s("--corpus"), warrant::test::sourcePath(s("sample_corpus"))});
    h.ok({s("reindex")}); // the index exists, so auditing needs no rebuild
    const QString chapter = h.write(s("chapter.md"), s("A senior manager recalled that 'Quickly' is how it went (interview, R8).\n\n"
                                                      "'I am not sure it was ever a cluster policy' (interview, R8)."));
    const qsizetype before = claimCount(h, s("findings-chapter"));
    const QByteArray hash = fileHash(h.project);

    // The stored manuscript and a file the project does not hold, audited without --save.
    const CliRun stored = h.run({s("audit"), s("findings-chapter"), s("--format"), s("json")});
    CHECK(stored.code == 1);
    CHECK(stored.json().object().value(s("claims")).toArray().size() > 40);
    const CliRun file = h.run({s("audit"), chapter, s("--format"), s("json"), s("--fail-on"), s("none")});
    CHECK(file.code == 0);
    CHECK(file.json().object().value(s("claims")).toArray().size() == 2);
    CHECK(fileHash(h.project) == hash);
    CHECK(claimCount(h, s("findings-chapter")) == before);
    CHECK(claimCount(h, s("chapter")) < 0); // never imported

    // --save stores the claims; a second --save with nothing changed writes nothing.
    h.ok({s("audit"), s("findings-chapter"), s("--save"), s("--fail-on"), s("none")});
    const qsizetype saved = claimCount(h, s("findings-chapter"));
    CHECK(saved > 40);
    const CliRun log1 = h.ok({s("log"), s("--json")});
    h.ok({s("audit"), s("findings-chapter"), s("--save"), s("--fail-on"), s("none")});
    CHECK(h.ok({s("log"), s("--json")}).out == log1.out);
    CHECK(claimCount(h, s("findings-chapter")) == saved);
    h.ok({s("audit"), chapter, s("--save"), s("--fail-on"), s("none")});
    CHECK(claimCount(h, s("chapter")) == 2);
}

TEST_CASE("audit works on a project file and folder nobody may write", "[cli][audit][readonly]") {
    CliHarness h;
    const QString folder = h.path(s("locked"));
    REQUIRE(QDir().mkpath(folder));
    h.project = folder + s("/review.warrant");
    h.ok({s("demo"), h.project, s("--corpus"), warrant::test::sourcePath(s("sample_corpus"))});
    QDir(warrant::SearchIndex::locationFor(h.project)).removeRecursively(); // the index must be made elsewhere
    const QByteArray hash = fileHash(h.project);
    QFile::setPermissions(h.project, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                      QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther);
    const CliRun audit = h.run({s("audit"), s("findings-chapter"), s("--format"), s("json")});
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QFile::setPermissions(h.project, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    CHECK(audit.code == 1);
    INFO(audit.err.toStdString());
    CHECK(audit.json().object().value(s("summary")).toObject().value(s("verdicts")).toObject().value(s("altered")).toInt() == 2);
    CHECK(fileHash(h.project) == hash);
    // Root may write anywhere, so only others can see the index go to a temporary folder.
    if (::geteuid() != 0) CHECK_FALSE(QFileInfo::exists(warrant::SearchIndex::locationFor(h.project)));
}
