#include "AuditReportFixture.h"
#include "trace/Auditor.h"
#include "trace/report/AuditJunitWriter.h"

#include <QXmlStreamReader>
#include <catch2/catch.hpp>

using namespace warrant;

namespace {

struct Junit {
    int suites = 0;
    QString suiteName;
    QString suiteFailures;
    QStringList testcases; // name attributes
    QStringList classnames;
    QStringList failureTypes;
    QStringList failureMessages;
    std::map<QString, int> failuresPerCase;
};

Junit parse(const QByteArray& xmlBytes) {
    Junit j;
    QXmlStreamReader xml(xmlBytes);
    QString current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        const auto a = xml.attributes();
        if (xml.name() == QStringLiteral("testsuite")) {
            ++j.suites;
            j.suiteName = a.value(QStringLiteral("name")).toString();
            j.suiteFailures = a.value(QStringLiteral("failures")).toString();
        } else if (xml.name() == QStringLiteral("testcase")) {
            current = a.value(QStringLiteral("name")).toString();
            j.testcases << current;
            j.classnames << a.value(QStringLiteral("classname")).toString();
        } else if (xml.name() == QStringLiteral("failure")) {
            j.failureTypes << a.value(QStringLiteral("type")).toString();
            j.failureMessages << a.value(QStringLiteral("message")).toString();
            j.failuresPerCase[current] += 1;
        }
    }
    INFO(xml.errorString().toStdString());
    REQUIRE_FALSE(xml.hasError());
    return j;
}

} // namespace

TEST_CASE("Audit JUnit: one suite, one testcase per claim, well-formed", "[report]") {
    const AuditReport report = test::sampleAuditReport();
    const Junit j = parse(AuditJunitWriter::write(report, Auditor::defaultFailOn()));
    CHECK(j.suites == 1);
    CHECK(j.suiteName == QStringLiteral("warrant audit: Clusters & <Councils>: a “naïve” study"));
    REQUIRE(j.testcases.size() == 5);
    CHECK(j.classnames == QStringList(5, QStringLiteral("claims")));
    CHECK(j.testcases[0].startsWith(QStringLiteral("claim 1: The money came late <script>")));
    CHECK(j.testcases[1].startsWith(QStringLiteral("claim 2: Several participants felt “left out” 😀")));
    for (const QString& name : j.testcases)
        CHECK(name.size() <= QStringLiteral("claim 9: ").size() + 60);
}

TEST_CASE("Audit JUnit: one failure per problem at or above --fail-on", "[report]") {
    const AuditReport report = test::sampleAuditReport();

    const Junit defaults = parse(AuditJunitWriter::write(report, Auditor::defaultFailOn()));
    CHECK(defaults.failureTypes.size() == 8);
    CHECK(defaults.suiteFailures == QStringLiteral("8"));
    QStringList types = defaults.failureTypes;
    types.sort();
    CHECK(types == QStringList({QStringLiteral("altered"), QStringLiteral("interviewer-words"),
                                QStringLiteral("misattributed"), QStringLiteral("not-found"),
                                QStringLiteral("orphan-citation"), QStringLiteral("quantifier"),
                                QStringLiteral("spliced"), QStringLiteral("unsupported")}));
    CHECK(defaults.failuresPerCase.at(defaults.testcases[0]) == 1);
    CHECK(defaults.failuresPerCase.at(defaults.testcases[1]) == 5);
    CHECK(defaults.failuresPerCase.at(defaults.testcases[2]) == 2);
    CHECK(defaults.failuresPerCase.count(defaults.testcases[3]) == 0);
    CHECK(defaults.failureMessages.contains(QStringLiteral(
        "quote \"we were never asked 😀\" \u2192 misattributed: said by R11 (R11.txt, turn 14), cited J.M.")));
    CHECK(defaults.failureMessages.contains(
        QStringLiteral("orphan-citation: I1 is not a participant of this project")));

    CHECK(parse(AuditJunitWriter::write(report, {QStringLiteral("verbatim")})).failureTypes.size() == 2);
    CHECK(parse(AuditJunitWriter::write(
                    report, {QStringLiteral("Concentration"), QStringLiteral("contrary-evidence")}))
              .failureTypes.size() == 2);
    const Junit none = parse(AuditJunitWriter::write(report, {}));
    CHECK(none.failureTypes.isEmpty());
    CHECK(none.testcases.size() == 5);
}

TEST_CASE("Audit JUnit: control characters never make the XML unreadable", "[report]") {
    AuditReport report = test::sampleAuditReport();
    report.claims[0].text = QStringLiteral("bad \x01 byte");
    report.claims[0].quotes[2].text = QStringLiteral("a \x02 b");
    const Junit j = parse(AuditJunitWriter::write(report, Auditor::defaultFailOn()));
    CHECK(j.testcases[0] == QStringLiteral("claim 1: bad \uFFFD byte"));
}
