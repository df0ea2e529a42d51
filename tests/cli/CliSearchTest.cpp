#include "CliHarness.h"

#include "SearchIndex.h"
#include "TestPaths.h"
#include "ops/DemoProjectBuilder.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <set>

using warrant::DemoProjectBuilder;
using warrant::SearchIndex;
using warrant::cli::test::CliHarness;
using warrant::cli::test::CliRun;

namespace {

QString s(const char* text) {
    return QString::fromUtf8(text);
}

// Catch prints std::string but not QString: exact text comparisons go through this.
std::string u8(const QString& text) {
    return text.toStdString();
}

const char* const kLobbying = "Political influence/Lobbying and special interests";

// A harness whose project is the demo project built from the bundled sample corpus.
std::unique_ptr<CliHarness> demoHarness() {
    auto h = std::make_unique<CliHarness>();
    h->project = h->path(s("demo.warrant"));
    const warrant::Status built =
        DemoProjectBuilder::build(warrant::test::sourcePath(s("sample_corpus")), h->project);
    INFO(built.errorMessage().toStdString());
    REQUIRE(built.ok());
    return h;
}

// One demo project shared by the read-only tests (its index is built by the first search).
CliHarness& sharedDemo() {
    static std::unique_ptr<CliHarness> instance = demoHarness();
    return *instance;
}

QJsonObject searchJson(const CliHarness& h, QStringList args) {
    args.prepend(s("search"));
    args << s("--json");
    return h.ok(args).json().object();
}

// Participant code → its "group" attribute, as the project has it.
std::map<QString, QString> groupsOf(const CliHarness& h) {
    std::map<QString, QString> groups;
    for (const QJsonValue& p : h.ok({s("participants"), s("list"), s("--json")}).json().array())
        groups[p[s("code")].toString()] = p[s("attributes")][s("group")].toString();
    return groups;
}

// Coding ids of `code` made by the harness's coder ("tester").
std::vector<qint64> codingsBy(const CliHarness& h, const char* code) {
    std::vector<qint64> ids;
    for (const QJsonValue& c :
         h.ok({s("segments"), s("--code"), s(code), s("--coder"), s("tester"), s("--json")}).json().array())
        ids.push_back(c[s("codingId")].toInteger());
    return ids;
}

} // namespace

TEST_CASE("search finds phrases and prints ranked hits with citations", "[cli][search]") {
    CliHarness& h = sharedDemo();
    CliRun r = h.ok({s("search"), s("\"world of politics\"")});
    // P.C.'s turn 10 and the manuscript that quotes it.
    CHECK(r.out.startsWith(s("2 passages match\n\n1. PC (P.C., turn 10) [3732:4930]\n   …")));
    CHECK(r.out.contains(s("This is the «world of politics». It is not as I imagined.")));
    CHECK(r.out.contains(s("\n\n2. findings-chapter [")));
    CHECK(r.err.isEmpty()); // not a terminal: no progress, even if the index was built

    // Interviewer turns and media times.
    CliRun m7 = h.ok({s("search"), s("cluster source:M7 speaker:interviewer"), s("--order"), s("document"),
                      s("--limit"), s("1")});
    CHECK(m7.out.contains(QRegularExpression(
        s("\n1\\. M7 \\(interviewer, turn \\d+\\) \\[\\d+:\\d+\\] \\[\\d\\d:\\d\\d:\\d\\d\\]\n   "))));

    // Paging: ranks continue across pages.
    CliRun page2 = h.ok({s("search"), s("Rover"), s("--limit"), s("2"), s("--offset"), s("2")});
    CHECK(page2.out.contains(s("\n3. ")));
    CHECK(page2.out.contains(s("\n4. ")));
    CHECK_FALSE(page2.out.contains(s("\n2. ")));
    CHECK_FALSE(page2.out.contains(s("\n5. ")));
}

TEST_CASE("search filters by participant, group and speaker", "[cli][search]") {
    CliHarness& h = sharedDemo();

    const QJsonObject r8 = searchJson(h, {s("participant:R8 cluster"), s("--limit"), s("100")});
    CHECK(r8[s("total")].toInt() == 10);
    REQUIRE(r8[s("hits")].toArray().size() == 10);
    for (const QJsonValue& hit : r8[s("hits")].toArray()) {
        CHECK(u8(hit[s("participant")].toString()) == "R8");
        CHECK(u8(hit[s("source")].toString()) == "R8");
    }

    const std::map<QString, QString> groups = groupsOf(h);
    REQUIRE(groups.at(s("M9")) == s("medical"));
    const QJsonObject medical = searchJson(h, {s("group:medical NHS"), s("--limit"), s("100")});
    CHECK(medical[s("total")].toInt() == 29);
    REQUIRE(medical[s("hits")].toArray().size() == 29);
    std::set<QString> speakers;
    for (const QJsonValue& hit : medical[s("hits")].toArray()) {
        const QString code = hit[s("participant")].toString();
        speakers.insert(code);
        INFO(code.toStdString());
        CHECK(u8(groups.at(code)) == "medical");
        CHECK(hit[s("text")].toString().contains(s("NHS"), Qt::CaseInsensitive));
    }
    CHECK(speakers.size() == 8); // M1 M2 M3 M4 M6 M7 M9 M10

    const QJsonObject interviewer = searchJson(h, {s("speaker:interviewer Marconi")});
    CHECK(interviewer[s("total")].toInt() == 3);
    for (const QJsonValue& hit : interviewer[s("hits")].toArray()) {
        CHECK(hit[s("interviewer")].toBool());
        CHECK(hit[s("participant")].toString().isEmpty());
        CHECK(hit[s("turn")].toInt() > 0);
    }
    CliRun text = h.ok({s("search"), s("speaker:interviewer Marconi")});
    CHECK(text.out.contains(s("\n1. I1 (interviewer, turn 19) [5778:5883]\n")));
}

TEST_CASE("search --json gives every field", "[cli][search][json]") {
    CliHarness& h = sharedDemo();
    const QJsonObject r = searchJson(h, {s("\"world of politics\""), s("--limit"), s("1")});
    CHECK(u8(r[s("query")].toString()) == "\"world of politics\"");
    CHECK(r[s("total")].toInt() == 2);
    CHECK(r[s("suggestion")].isNull());
    CHECK_FALSE(r.contains(s("kwic")));
    CHECK_FALSE(r.contains(s("facets")));
    const QJsonArray hits = r[s("hits")].toArray();
    REQUIRE(hits.size() == 1);
    const QJsonObject hit = hits.first().toObject();
    CHECK(hit[s("rank")].toInt() == 1);
    CHECK(u8(hit[s("source")].toString()) == "PC");
    CHECK(u8(hit[s("kind")].toString()) == "transcript");
    CHECK(u8(hit[s("participant")].toString()) == "P.C.");
    CHECK(hit[s("interviewer")].toBool() == false);
    CHECK(hit[s("turn")].toInt() == 10);
    CHECK(hit[s("start")].toInt() == 3732);
    CHECK(hit[s("end")].toInt() == 4930);
    CHECK(hit[s("passage_id")].toString() ==
          QStringLiteral("%1:3732").arg(hit[s("source_id")].toInteger()));
    CHECK(hit[s("source_id")].toInteger() > 0);
    CHECK(hit.contains(s("media_time_ms")));
    CHECK(hit[s("media_time_ms")].isNull());
    CHECK(hit[s("weight")].toDouble() > 0);
    CHECK(hit[s("snippet")].toString().contains(s("«world of politics»")));
    const QString text = hit[s("text")].toString();
    CHECK(text.size() == 4930 - 3732); // the whole passage (no characters outside the BMP here)
    const QJsonArray matches = hit[s("matches")].toArray();
    REQUIRE(matches.size() == 1);
    const qint64 ms = matches[0][0].toInteger(), me = matches[0][1].toInteger();
    CHECK(me - ms == 17);
    CHECK(u8(text.mid(ms - 3732, me - ms)) == "world of politics");

    // A transcript with timestamps gives media times.
    const QJsonObject m7 = searchJson(h, {s("cluster source:M7"), s("--limit"), s("5")});
    for (const QJsonValue& hit : m7[s("hits")].toArray()) CHECK(hit[s("media_time_ms")].toInteger() > 0);
}

TEST_CASE("search --kwic aligns the matches, --facets counts all matches", "[cli][search]") {
    CliHarness& h = sharedDemo();
    CliRun kwic = h.ok({s("search"), s("Marconi"), s("--kwic"), s("--limit"), s("5")});
    QStringList lines = kwic.out.split(u'\n', Qt::SkipEmptyParts);
    REQUIRE(lines.size() > 5);
    CHECK(u8(lines.takeFirst()) == "14 passages match");
    for (const QString& line : lines) {
        INFO(line.toStdString());
        // Left context right-aligned to 40 characters, then the match: every line has it at column 42.
        CHECK(u8(line.mid(42, 7)) == "Marconi");
        CHECK(line.contains(QRegularExpression(s("  \\([A-Z0-9.]+(, interviewer)?, turn \\d+\\)$"))));
    }
    CHECK(kwic.out.contains(s("  (R8, turn 18)\n")));
    CHECK_FALSE(kwic.out.contains(s("\n1. "))); // KWIC lines instead of hit blocks

    const QJsonObject json = searchJson(h, {s("Marconi"), s("--kwic"), s("--limit"), s("5")});
    const QJsonArray k = json[s("kwic")].toArray();
    REQUIRE(k.size() == lines.size());
    for (const QJsonValue& line : k) {
        CHECK(line[s("match")].toString().startsWith(s("Marconi")));
        CHECK(line[s("end")].toInteger() > line[s("start")].toInteger());
        CHECK(line[s("hit")].toInt() < json[s("hits")].toArray().size());
        CHECK(line[s("rank")].toInt() == line[s("hit")].toInt() + 1);
    }

    CliRun facets = h.ok({s("search"), s("participant:R8 cluster"), s("--limit"), s("1"), s("--facets")});
    CHECK(facets.out.contains(s("\n\nBy participant\n  R8  10\n\nBy group\n  regional policy  10\n\nBy code\n")));
    CHECK(facets.out.contains(s("  Ambiguous governance/Central-regional relations     2\n")));
    const QJsonObject f = searchJson(h, {s("group:medical NHS"), s("--limit"), s("1"), s("--facets")})[s("facets")].toObject();
    const QJsonArray byGroup = f[s("group")].toArray();
    REQUIRE(byGroup.size() == 1);
    CHECK(u8(byGroup[0][s("value")].toString()) == "medical");
    CHECK(byGroup[0][s("count")].toInt() == 29);
    int sum = 0;
    for (const QJsonValue& p : f[s("participant")].toArray()) sum += p[s("count")].toInt();
    CHECK(sum == 29);
    CHECK(u8(f[s("participant")][0][s("value")].toString()) == "M9");
    CHECK(f[s("participant")][0][s("count")].toInt() == 8);
    CHECK_FALSE(f[s("code")].toArray().isEmpty());
}

TEST_CASE("search reports bad queries on one line, no hits is exit 0 with a suggestion", "[cli][search][errors]") {
    CliHarness& h = sharedDemo();
    CliRun unclosed = h.run({s("search"), s("\"unclosed")});
    CHECK(unclosed.code == 2);
    CHECK(unclosed.oneLineError());
    CHECK(u8(unclosed.err) == "warrant-cli: column 1: the quote opened here is never closed\n");
    CHECK(unclosed.out.isEmpty());

    CliRun filter = h.run({s("search"), s("foo:bar")});
    CHECK(filter.code == 2);
    CHECK(filter.oneLineError());
    CHECK(filter.err.startsWith(s("warrant-cli: column 1: unknown filter 'foo:'")));

    CliRun nobody = h.run({s("search"), s("cluster participant:Z99")});
    CHECK(nobody.code == 2);
    CHECK(nobody.err.contains(s("column 9: no participant 'Z99'")));

    for (const char* bad : {"--limit=x", "--offset=-1", "--order=date"}) {
        CliRun r = h.run({s("search"), s("Rover"), s(bad)});
        INFO(bad);
        CHECK(r.code == 2);
        CHECK(r.oneLineError());
    }
    CHECK(h.run({s("search")}).code == 2);

    // "procurment" shares its stem with "procurement" and matches; a worse typo gets a suggestion.
    CliRun typo = h.ok({s("search"), s("procuremnt")});
    CHECK(u8(typo.out) == "0 passages match\nDid you mean: procurement\n");
    CHECK(typo.err.isEmpty());
    const QJsonObject json = searchJson(h, {s("procuremnt")});
    CHECK(json[s("total")].toInt() == 0);
    CHECK(u8(json[s("suggestion")].toString()) == "procurement");
    CHECK(json[s("hits")].toArray().isEmpty());
    CHECK(u8(h.ok({s("search"), s("procurment"), s("--limit"), s("0")}).out) == "8 passages match\n");
}

TEST_CASE("code --query codes every hit, the index follows coding and uncoding at once", "[cli][search][code]") {
    auto demo = demoHarness();
    const CliHarness& h = *demo;
    const QString query = s("Marconi code:\"Lobbying and special interests\"");
    const QString index = SearchIndex::locationFor(h.project);

    // Coding without an index creates none.
    h.ok({s("code"), s("--code"), s(kLobbying), s("--source"), s("R8"), s("--turn"), s("2")});
    CHECK_FALSE(QFileInfo::exists(index));

    CHECK(u8(h.ok({s("search"), query, s("--limit"), s("0")}).out) == "3 passages match\n");
    REQUIRE(QFileInfo(index).isDir());

    CliRun coded = h.ok({s("code"), s("--query"), s("Marconi"), s("--code"), s(kLobbying), s("--scope"), s("sentence")});
    CHECK(u8(coded.out) == "Coded 22 passages of \"Marconi\" with 'Political influence/Lobbying and special "
                           "interests' (22 new, 0 already coded)\n");
    CHECK(coded.err.isEmpty());
    CHECK(h.ok({s("log"), s("--limit"), s("1")}).out.contains(s("coded every hit of Marconi (22 passages) with")));
    // The index was updated by the coding itself: the search right after needs no rebuild (on a
    // terminal a rebuild would announce itself) and sees every Marconi passage coded.
    CliRun after = h.run({s("search"), query, s("--limit"), s("0")}, /*terminal=*/true);
    CHECK(after.code == 0);
    CHECK(after.err.isEmpty());
    CHECK(u8(after.out) == "14 passages match\n");
    CHECK(u8(h.ok({s("search"), s("Marconi -code:\"Lobbying and special interests\"")}).out) ==
          "0 passages match\n");

    // Again: nothing new.
    CHECK(h.ok({s("code"), s("--query"), s("Marconi"), s("--code"), s(kLobbying)})
              .out.endsWith(s("(0 new, 22 already coded)\n")));

    // Removing the tester's codings one by one (the turn coded above included) keeps the index current too.
    const std::vector<qint64> ids = codingsBy(h, kLobbying);
    CHECK(ids.size() == 23);
    for (qint64 id : ids) h.ok({s("uncode"), s("--coding"), QString::number(id)});
    CliRun gone = h.run({s("search"), query, s("--limit"), s("0")}, /*terminal=*/true);
    CHECK(gone.err.isEmpty());
    CHECK(u8(gone.out) == "3 passages match\n");

    // The other ways of coding keep the index current as well.
    const QString learning = s("code:\"Policy learning\" source:I1 Marconi");
    CHECK(u8(h.ok({s("search"), learning, s("--limit"), s("0")}).out) == "0 passages match\n");
    h.ok({s("code"), s("--code"), s("Evaluation/Policy learning"), s("--source"), s("I1"), s("--text"), s("Marconi")});
    CliRun learned = h.run({s("search"), learning, s("--limit"), s("0")}, /*terminal=*/true);
    CHECK(learned.err.isEmpty());
    CHECK(u8(learned.out) == "2 passages match\n");

    // Other scopes, and errors.
    CHECK(u8(h.ok({s("code"), s("--query"), s("Marconi participant:I6"), s("--code"), s("Funding"), s("--scope"),
                   s("turn")})
                 .out) == "Coded 5 passages of \"Marconi participant:I6\" with 'Funding' (5 new, 0 already coded)\n");
    CliRun funded = h.run({s("search"), s("code:Funding participant:I6 Marconi"), s("--limit"), s("0")}, true);
    CHECK(u8(funded.out) == "5 passages match\n");
    CHECK(funded.err.isEmpty());
    CliRun badQuery = h.run({s("code"), s("--query"), s("\"Marconi"), s("--code"), s("Funding")});
    CHECK(badQuery.code == 2);
    CHECK(u8(badQuery.err) == "warrant-cli: code: column 1: the quote opened here is never closed\n");
    CliRun badScope = h.run({s("code"), s("--query"), s("Marconi"), s("--code"), s("Funding"), s("--scope"), s("word")});
    CHECK(badScope.code == 2);
    CHECK(badScope.oneLineError());
    CliRun mixed = h.run({s("code"), s("--query"), s("Marconi"), s("--code"), s("Funding"), s("--source"), s("R8")});
    CHECK(mixed.code == 2);
    CHECK(mixed.oneLineError());
    CHECK(h.run({s("code"), s("--scope"), s("turn"), s("--code"), s("Funding"), s("--source"), s("R8"), s("--turn"),
                 s("2")})
              .code == 2);
    CliRun noCode = h.run({s("code"), s("--query"), s("Marconi"), s("--code"), s("No such code")});
    CHECK(noCode.code == 2);
    CHECK(noCode.err.contains(s("No such code")));
}

TEST_CASE("codes merge and delete keep an existing index current", "[cli][search][code]") {
    auto demo = demoHarness();
    const CliHarness& h = *demo;
    const qint64 lobbying =
        searchJson(h, {s("code:\"Lobbying and special interests\""), s("--limit"), s("0")})[s("total")].toInteger();
    const qint64 national =
        searchJson(h, {s("code:\"National agenda and fashion\""), s("--limit"), s("0")})[s("total")].toInteger();
    REQUIRE(lobbying > 0);
    REQUIRE(national > 0);
    h.ok({s("codes"), s("merge"), s(kLobbying), s("Political influence/National agenda and fashion")});
    CliRun merged = h.run({s("search"), s("code:\"National agenda and fashion\""), s("--json")}, true);
    CHECK(merged.err.isEmpty());
    const qint64 after = merged.json()[s("total")].toInteger();
    CHECK(after > national);
    CHECK(after <= national + lobbying);
    CliRun missing = h.run({s("search"), s("code:\"Lobbying and special interests\"")});
    CHECK(missing.code == 2);
    CHECK(missing.err.contains(s("no code 'Lobbying and special interests' in the codebook")));

    h.ok({s("codes"), s("delete"), s("Political influence/National agenda and fashion")});
    CliRun deleted = h.run({s("search"), s("code:\"Political influence\" Rover"), s("--limit"), s("0")}, true);
    CHECK(deleted.code == 0);
    CHECK(deleted.err.isEmpty());
}

TEST_CASE("the index is a cache: search rebuilds a deleted one, reindex rebuilds on demand", "[cli][search][reindex]") {
    auto demo = demoHarness();
    const CliHarness& h = *demo;
    const QString index = SearchIndex::locationFor(h.project);
    CHECK_FALSE(QFileInfo::exists(index));

    CliRun first = h.run({s("search"), s("Marconi"), s("--limit"), s("0")}, /*terminal=*/true);
    CHECK(first.code == 0);
    CHECK(u8(first.out) == "14 passages match\n");
    CHECK(first.err.startsWith(s("Building the search index…")));
    CHECK(first.err.contains(QRegularExpression(s("\\r"
                                                  "Building the search index… (\\d+)/\\1 passages\n$"))));
    REQUIRE(QFileInfo(index).isDir());

    CliRun reused = h.run({s("search"), s("Marconi"), s("--limit"), s("0")}, true);
    CHECK(reused.err.isEmpty());

    REQUIRE(QDir(index).removeRecursively());
    CliRun rebuilt = h.run({s("search"), s("Marconi"), s("--limit"), s("0")}); // not a terminal: silent
    CHECK(u8(rebuilt.out) == "14 passages match\n");
    CHECK(rebuilt.err.isEmpty());
    CHECK(QFileInfo(index).isDir());

    // A change made while the index folder is absent leaves it to be rebuilt by the next search.
    REQUIRE(QDir(index).removeRecursively());
    h.ok({s("codes"), s("add"), s("New theme")});
    CHECK_FALSE(QFileInfo::exists(index));

    CliRun reindex = h.ok({s("reindex")});
    const QRegularExpression line(s("^Indexed (\\d+) passages from (.+) into (.+)\n$"));
    const auto m = line.match(reindex.out);
    REQUIRE(m.hasMatch());
    CHECK(m.captured(1).toInt() == 1089);
    CHECK(u8(m.captured(2)) == u8(h.project));
    CHECK(u8(m.captured(3)) == u8(index));
    CHECK(reindex.err.isEmpty());
    CHECK(u8(h.ok({s("search"), s("Marconi"), s("--limit"), s("0")}).out) == "14 passages match\n");

    CliRun terminal = h.run({s("reindex")}, true);
    CHECK(terminal.code == 0);
    CHECK(terminal.err.startsWith(s("Building the search index…")));

    CliRun noProject = h.run({s("reindex"), s("--project"), h.path(s("none.warrant"))});
    CHECK(noProject.code == 2);
    CHECK(noProject.oneLineError());

    CliRun help = h.ok({s("help")});
    CHECK(help.out.contains(s("\n  search ")));
    CHECK(help.out.contains(s("\n  reindex ")));
    CHECK(h.ok({s("search"), s("--help")}).out.startsWith(s("Usage: warrant-cli search QUERY [options]")));
}
