#include "AuditReportFixture.h"
#include "trace/report/AuditFacts.h"
#include "trace/report/AuditJsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <catch2/catch.hpp>

using namespace warrant;

namespace {

QSet<QString> keysOf(const QJsonObject& o) {
    const QStringList keys = o.keys();
    return QSet<QString>(keys.begin(), keys.end());
}

QSet<QString> set(std::initializer_list<const char*> names) {
    QSet<QString> s;
    for (const char* n : names)
        s.insert(QString::fromLatin1(n));
    return s;
}

QJsonObject parse(const QByteArray& json) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    INFO(error.errorString().toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    REQUIRE(doc.isObject());
    return doc.object();
}

const auto kLocationKeys =
    set({"participant", "interviewer", "source_id", "source", "turn", "start", "end", "text"});

} // namespace

TEST_CASE("Audit JSON: exact field names at every level", "[report]") {
    const QByteArray json = AuditJsonWriter::write(test::sampleAuditReport());
    CHECK(json.contains("\n    \"")); // indented
    const QJsonObject root = parse(json);
    CHECK(keysOf(root) == set({"manuscript", "project", "claims", "summary"}));
    CHECK(root[QStringLiteral("manuscript")].toString() ==
          QStringLiteral("Clusters & <Councils>: a “naïve” study"));
    CHECK(root[QStringLiteral("project")].toString() == QStringLiteral("/data/west-midlands.warrant"));

    const QJsonArray claims = root[QStringLiteral("claims")].toArray();
    REQUIRE(claims.size() == 5);
    for (const QJsonValue& v : claims) {
        const QJsonObject c = v.toObject();
        CHECK(keysOf(c) ==
              set({"id", "section", "text", "start", "end", "citations", "quotes", "evidence", "checks"}));
        for (const QJsonValue& x : c[QStringLiteral("citations")].toArray())
            CHECK(keysOf(x.toObject()) ==
                  set({"text", "start", "end", "participants", "unknown", "literature"}));
        for (const QJsonValue& x : c[QStringLiteral("quotes")].toArray()) {
            const QJsonObject q = x.toObject();
            CHECK(keysOf(q) == set({"text", "start", "end", "block", "verdict", "cited_participants", "found",
                                    "also_found", "similarity", "diff", "explanation"}));
            if (!q[QStringLiteral("found")].isNull())
                CHECK(keysOf(q[QStringLiteral("found")].toObject()) == kLocationKeys);
            for (const QJsonValue& a : q[QStringLiteral("also_found")].toArray())
                CHECK(keysOf(a.toObject()) == kLocationKeys);
        }
        for (const QJsonValue& x : c[QStringLiteral("evidence")].toArray()) {
            const QJsonObject e = x.toObject();
            CHECK(keysOf(e) == set({"link_id", "segment_id", "stance", "origin", "relevance", "location"}));
            CHECK(keysOf(e[QStringLiteral("location")].toObject()) == kLocationKeys);
        }
        for (const QJsonValue& x : c[QStringLiteral("checks")].toArray())
            CHECK(keysOf(x.toObject()) == set({"check", "message", "participants"}));
    }
}

TEST_CASE("Audit JSON: values round-trip, unicode and special characters intact", "[report]") {
    const AuditReport report = test::sampleAuditReport();
    const QJsonObject root = parse(AuditJsonWriter::write(report));
    const QJsonArray claims = root[QStringLiteral("claims")].toArray();

    const QJsonObject c1 = claims[0].toObject();
    CHECK(c1[QStringLiteral("id")].toInteger() == 1);
    CHECK(c1[QStringLiteral("section")].toString() == report.claims[0].section);
    CHECK(c1[QStringLiteral("text")].toString() == report.claims[0].text);
    CHECK(c1[QStringLiteral("start")].toInteger() == 100);
    const QJsonObject cite = c1[QStringLiteral("citations")].toArray()[0].toObject();
    CHECK(cite[QStringLiteral("participants")].toArray() ==
          QJsonArray({QStringLiteral("R8"), QStringLiteral("R9")}));
    CHECK(cite[QStringLiteral("literature")].toArray() == QJsonArray({QStringLiteral("Conlin, 2006")}));
    CHECK(cite[QStringLiteral("unknown")].toArray().isEmpty());

    const QJsonArray q1 = c1[QStringLiteral("quotes")].toArray();
    CHECK(q1[0].toObject()[QStringLiteral("verdict")].toString() == QStringLiteral("verbatim"));
    const QJsonObject near = q1[1].toObject();
    CHECK(near[QStringLiteral("verdict")].toString() == QStringLiteral("near-verbatim"));
    CHECK(near[QStringLiteral("similarity")].toDouble() == 0.923); // rounded to 3 decimals
    CHECK(near[QStringLiteral("diff")].toString() ==
          QStringLiteral("we waited [-and-] {+&+} waited for the council"));
    CHECK(near[QStringLiteral("block")].toBool() == false);
    const QJsonObject found = near[QStringLiteral("found")].toObject();
    CHECK(found[QStringLiteral("participant")].toString() == QStringLiteral("R8"));
    CHECK(found[QStringLiteral("source_id")].toInteger() == 8);
    CHECK(found[QStringLiteral("source")].toString() == QStringLiteral("R8.txt"));
    CHECK(found[QStringLiteral("turn")].toInt() == 12);
    CHECK(found[QStringLiteral("start")].toInteger() == 1270);
    CHECK(found[QStringLiteral("end")].toInteger() == 1305);
    CHECK(found[QStringLiteral("interviewer")].toBool() == false);

    const QJsonObject e1 = c1[QStringLiteral("evidence")].toArray()[0].toObject();
    CHECK(e1[QStringLiteral("link_id")].toInteger() == 41);
    CHECK(e1[QStringLiteral("segment_id")].toInteger() == 7);
    CHECK(e1[QStringLiteral("stance")].toString() == QStringLiteral("supports"));
    CHECK(e1[QStringLiteral("origin")].toString() == QStringLiteral("verified quote"));

    const QJsonObject c2 = claims[1].toObject();
    const QJsonArray q2 = c2[QStringLiteral("quotes")].toArray();
    CHECK(q2[0].toObject()[QStringLiteral("text")].toString() == QStringLiteral("we were never asked 😀"));
    CHECK(q2[1].toObject()[QStringLiteral("found")].toObject()[QStringLiteral("interviewer")].toBool());
    CHECK(q2[2].toObject()[QStringLiteral("also_found")].toArray().size() == 1);
    CHECK(c2[QStringLiteral("citations")].toArray()[0].toObject()[QStringLiteral("unknown")].toArray() ==
          QJsonArray({QStringLiteral("I1")}));
    const QJsonObject orphan = c2[QStringLiteral("checks")].toArray()[0].toObject();
    CHECK(orphan[QStringLiteral("check")].toString() == QStringLiteral("orphan-citation"));
    CHECK(orphan[QStringLiteral("participants")].toArray() == QJsonArray({QStringLiteral("I1")}));

    const QJsonArray q3 = claims[2].toObject()[QStringLiteral("quotes")].toArray();
    CHECK(q3[1].toObject()[QStringLiteral("verdict")].toString() == QStringLiteral("not-found"));
    CHECK(q3[1].toObject()[QStringLiteral("found")].isNull());
    CHECK(q3[1].toObject()[QStringLiteral("cited_participants")].toArray() ==
          QJsonArray({QStringLiteral("R8"), QStringLiteral("R9")}));
    const QJsonObject suggestion = claims[2].toObject()[QStringLiteral("evidence")].toArray()[1].toObject();
    CHECK(suggestion[QStringLiteral("relevance")].toDouble() == 0.456);
    CHECK(suggestion[QStringLiteral("origin")].toString() == QStringLiteral("suggestion"));
}

TEST_CASE("Audit JSON: the summary names every verdict and check, zeros included", "[report]") {
    const QJsonObject summary =
        parse(AuditJsonWriter::write(test::sampleAuditReport()))[QStringLiteral("summary")].toObject();
    CHECK(keysOf(summary) == set({"verdicts", "checks", "claims", "quotes", "findings"}));
    CHECK(summary[QStringLiteral("claims")].toInt() == 5);
    CHECK(summary[QStringLiteral("quotes")].toInt() == 12);
    CHECK(summary[QStringLiteral("findings")].toInt() == 8);

    const QJsonObject verdicts = summary[QStringLiteral("verdicts")].toObject();
    const QStringList verdictNames = AuditFacts::verdictNames();
    CHECK(verdictNames.size() == 12);
    CHECK(keysOf(verdicts) == QSet<QString>(verdictNames.begin(), verdictNames.end()));
    CHECK(keysOf(verdicts) ==
          set({"verbatim", "near-verbatim", "altered", "misattributed", "interviewer-words", "spliced",
               "ambiguous", "not-found", "literature", "document", "uncited", "scare-quote"}));
    CHECK(verdicts[QStringLiteral("verbatim")].toInt() == 2);
    // The sample report has no scare quote: its count is listed as zero.
    CHECK(verdicts[QStringLiteral("scare-quote")].toInt() == 0);
    for (const QString& name : verdictNames)
        if (name != QStringLiteral("verbatim") && name != QStringLiteral("scare-quote")) CHECK(verdicts[name].toInt() == 1);

    const QJsonObject checks = summary[QStringLiteral("checks")].toObject();
    CHECK(keysOf(checks) ==
          set({"unsupported", "orphan-citation", "concentration", "quantifier", "contrary-evidence"}));
    for (const QString& name : AuditFacts::checkNames())
        CHECK(checks[name].toInt() == 1);

    // An empty report still lists every name, with zero.
    const QJsonObject empty =
        parse(AuditJsonWriter::write(AuditReport{}))[QStringLiteral("summary")].toObject();
    CHECK(empty[QStringLiteral("verdicts")].toObject().size() == 12);
    CHECK(empty[QStringLiteral("verdicts")].toObject()[QStringLiteral("not-found")].toInt() == 0);
    CHECK(empty[QStringLiteral("checks")].toObject().size() == 5);
    CHECK(empty[QStringLiteral("claims")].toInt() == 0);
}
