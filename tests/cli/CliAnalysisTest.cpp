#include "CliHarness.h"

#include <QFile>
#include <QFileInfo>
#include <catch2/catch.hpp>

using warrant::cli::test::CliHarness;
using warrant::cli::test::CliRun;
namespace fixtures = warrant::cli::test::fixtures;

namespace {
QString s(const char* text) { return QString::fromUtf8(text); }

// The study, with alewis and bosei coding the same two R8 turns differently.
void setUpTwoCoders(const CliHarness& h) {
    h.setUpStudy();
    h.ok({s("code"), s("--codings"), h.write(s("codings.csv"), s(fixtures::codingsCsv))});
    for (const char* coder : {"alewis", "bosei"})
        h.ok({s("code"), s("--coder"), s(coder), s("--code"), s("Funding"), s("--source"), s("R8"), s("--turn"), s("2")});
    h.ok({s("code"), s("--coder"), s("bosei"), s("--code"), s("Funding"), s("--source"), s("R8"), s("--turn"), s("4")});
}

QJsonObject codeNamed(const QJsonArray& codes, const QString& path) {
    for (const QJsonValue v : codes)
        if (v.toObject().value(s("code")).toString() == path) return v.toObject();
    FAIL("no code " << path.toStdString());
    return {};
}
} // namespace

TEST_CASE("agreement --json reports each code's counts and coefficients", "[cli][analysis]") {
    CliHarness h;
    setUpTwoCoders(h);
    const QJsonObject report = h.ok({s("agreement"), s("--coders"), s("alewis,bosei"), s("--json")}).json().object();
    CHECK(report.value(s("unit")).toString() == s("turn"));
    CHECK(report.value(s("kappa")).toString() == s("Cohen's kappa"));
    const QJsonObject funding = codeNamed(report.value(s("codes")).toArray(), s("Funding"));
    for (const char* key : {"code", "unit", "units", "both", "firstOnly", "secondOnly", "neither", "percentAgreement", "kappa", "alpha"})
        CHECK(funding.contains(s(key)));
    CHECK(funding.value(s("both")).toInt() == 1);
    CHECK(funding.value(s("firstOnly")).toInt() == 0);
    CHECK(funding.value(s("secondOnly")).toInt() == 1);
    CHECK(funding.value(s("units")).toInt() == funding.value(s("both")).toInt() + funding.value(s("secondOnly")).toInt() +
                                                    funding.value(s("neither")).toInt());
    CHECK(report.value(s("total")).toObject().contains(s("cuAlpha")));

    SECTION("a code and a unit narrow it; the text form names the coders") {
        const QJsonArray one = h.ok({s("agreement"), s("--coders"), s("alewis,bosei"), s("--code"), s("Funding"), s("--unit"),
                                     s("character"), s("--json")}).json().object().value(s("codes")).toArray();
        REQUIRE(one.size() == 1);
        CHECK(one.at(0).toObject().value(s("unit")).toString() == s("character"));
        CHECK(h.ok({s("agreement"), s("--coders"), s("alewis,bosei")}).out.contains(s("alewis")));
    }
    SECTION("bad requests are one line each") {
        for (const QStringList& args : {QStringList{s("agreement"), s("--coders"), s("alewis")},
                                        QStringList{s("agreement"), s("--coders"), s("alewis,nobody")},
                                        QStringList{s("agreement"), s("--coders"), s("alewis,bosei"), s("--unit"), s("page")}}) {
            CliRun bad = h.run(args);
            CHECK(bad.code == 2);
            CHECK(bad.oneLineError());
        }
    }
}

TEST_CASE("matrix, cooccurrence, query, saturation and coverage through the CLI", "[cli][analysis]") {
    CliHarness h;
    setUpTwoCoders(h);
    const QJsonObject m = h.ok({s("matrix"), s("--rows"), s("codes"), s("--code"), s("Funding"), s("--columns"), s("group"), s("--json")})
                              .json().object();
    CHECK(m.value(s("rows")).toArray().at(0).toString() == s("Funding"));
    CHECK(m.value(s("columns")).toArray() == QJsonArray({s("medical"), s("regional policy")}));
    // Funding with its subcodes: M2's European funds; R8's turns 2 and 4 (turn 2 is one segment for both coders).
    CHECK(m.value(s("cells")).toArray().at(0).toArray() == QJsonArray({1, 2}));

    const QJsonObject mq = h.ok({s("matrix"), s("--query"), s("Funding coder:bosei"), s("--columns"), s("participant"), s("--json")})
                               .json().object();
    CHECK(mq.value(s("rows")).toArray() == QJsonArray({s("Funding coder:bosei")}));
    CHECK(mq.value(s("columns")).toArray() == QJsonArray({s("R8")}));
    CHECK(mq.value(s("cells")).toArray().at(0).toArray() == QJsonArray({2}));
    const QJsonObject q = h.ok({s("query"), s("Funding"), s("coder:bosei"), s("--json")}).json().object();
    CHECK(q.value(s("passages")).toArray().size() == 2);
    const QJsonArray overlap = h.ok({s("query"), s("Funding AND \"Political influence\""), s("--json")}).json().object()
                                   .value(s("passages")).toArray();
    for (const QJsonValue v : overlap) CHECK(v.toObject().value(s("citation")).toString().startsWith(s("(R8")));
    CHECK(h.ok({s("query"), s("Funding NOT Funding")}).out.startsWith(s("0 passages")));
    CliRun into = h.ok({s("query"), s("Funding"), s("coder:bosei"), s("--code-into"), s("Bosei funding")});
    CHECK(into.out.contains(s("Coded 2 passages")));
    CHECK(h.ok({s("segments"), s("--code"), s("Bosei funding"), s("--json")}).json().array().size() == 2);

    CHECK(h.ok({s("cooccurrence"), s("--within"), s("source"), s("--json")}).json().object().value(s("pairs")).toArray().size() > 0);
    const QJsonArray curve = h.ok({s("saturation"), s("--json")}).json().object().value(s("transcripts")).toArray();
    REQUIRE(curve.size() == 2);
    CHECK(curve.at(1).toObject().value(s("cumulativeCodes")).toInt() >= curve.at(0).toObject().value(s("cumulativeCodes")).toInt());
    CHECK(h.ok({s("coverage"), s("--json")}).json().object().value(s("participants")).toArray().size() == 2);

    SECTION("--output writes the same figures as CSV") {
        const QString csv = h.path(s("matrix.csv"));
        h.ok({s("matrix"), s("--code"), s("Funding"), s("--columns"), s("group"), s("--output"), csv});
        QFile f(csv);
        REQUIRE(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        CHECK(text.contains(s("medical")));
        CHECK(text.contains(s("Funding,1,2")));
    }
    SECTION("--output .xlsx writes a workbook") {
        const QString xlsx = h.path(s("agreement.xlsx"));
        h.ok({s("agreement"), s("--coders"), s("alewis,bosei"), s("--output"), xlsx});
        CHECK(QFileInfo(xlsx).size() > 0);
    }
    SECTION("an unknown column is one line") {
        CliRun bad = h.run({s("matrix"), s("--columns"), s("shoe size")});
        CHECK(bad.code == 2);
        CHECK(bad.oneLineError());
        CHECK(bad.err.contains(s("shoe size")));
    }
}
