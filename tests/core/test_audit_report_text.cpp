#include "AuditReportFixture.h"
#include "trace/report/AuditTextWriter.h"

#include <QRegularExpression>
#include <catch2/catch.hpp>

using namespace warrant;

TEST_CASE("Audit text: one block per claim with problems, then the counts", "[report]") {
    const QString text = AuditTextWriter::write(test::sampleAuditReport(), false);
    INFO(text.toStdString());
    const QStringList lines = text.split(u'\n');
    CHECK(lines.filter(QRegularExpression(QStringLiteral("^Claim \\d+"))).size() == 3);
    CHECK(text.contains(QStringLiteral(
        "Claim 1 (5.2 How clusters reached\u2026): The money came late <script>alert('x')</script> "
        "(interview, R8; R9; Conlin, 2006).\n")));
    CHECK(text.contains(QStringLiteral("Claim 2 (5.3 Zürich — ‘naïve’ partners\u2026): Several participants "
                                       "felt “left out” 😀 of the Zürich talks "
                                       "(interview, J.M.; I1).\n")));
    CHECK_FALSE(text.contains(QStringLiteral("Claim 4")));
    CHECK_FALSE(text.contains(QStringLiteral("Claim 5")));

    CHECK(text.contains(QStringLiteral("  quote \"we were never asked 😀\" \u2192 misattributed: said by R11 "
                                       "(R11.txt, turn 14), cited J.M.\n")));
    CHECK(text.contains(
        QStringLiteral("  quote \"did you feel left out?\" \u2192 interviewer-words: said by the interviewer "
                       "(J.M. interview.txt, turn 5), cited J.M.\n")));
    CHECK(text.contains(QStringLiteral(
        "  quote \"the <grant> arrived | early\" \u2192 altered: R9 (R9.txt, turn 3), 78% similar\n"
        "      diff: the [-<grant>-] {+money+} arrived [-early-] {+late+}\n")));
    CHECK(text.contains(QStringLiteral("\u2192 spliced: joined from J.M. (J.M. interview.txt, turn 6) + J.M. "
                                       "(J.M. interview.txt, turn 9)")));
    CHECK(text.contains(QStringLiteral(
        "\u2192 ambiguous: 2 equally good places: R8 (R8.txt, turn 20), R8 (R8.txt, turn 31)")));
    CHECK(text.contains(QStringLiteral("\u2192 not-found: nowhere in what R8 or R9 said, cited R8, R9")));
    CHECK(text.contains(QStringLiteral("  ! orphan-citation: I1 is not a participant of this project\n")));
    CHECK(text.contains(
        QStringLiteral("  ! contrary-evidence: R10 (R10.txt, turn 4) contradicts this claim\n")));
    CHECK(text.contains(QStringLiteral(
        "  ~ supports (suggestion): R9 (R9.txt, turn 8) \"We got on better after 2010.\", relevance 46%\n")));
    // Verbatim quotations are only listed when verbose.
    CHECK_FALSE(text.contains(QStringLiteral("\u2192 verbatim")));

    CHECK(lines
              .filter(QStringLiteral(
                  "5 claims, 12 quotations (2 verbatim, 1 near-verbatim, 1 altered, 1 misattributed, "
                  "1 interviewer-words, 1 spliced, 1 ambiguous, 1 not-found, 1 literature, 1 document, "
                  "1 uncited); checks: 1 unsupported, 1 orphan-citation, 1 concentration, 1 quantifier, "
                  "1 contrary-evidence; 8 findings."))
              .size() == 1);
}

TEST_CASE("Audit text: verbose lists every claim, quotation and evidence item", "[report]") {
    const QString text = AuditTextWriter::write(test::sampleAuditReport(), true);
    INFO(text.toStdString());
    CHECK(text.split(u'\n').filter(QRegularExpression(QStringLiteral("^Claim \\d+"))).size() == 5);
    CHECK(text.contains(
        QStringLiteral("Claim 4 (6 Discussion): Officers valued the forum (interview, R10).\n"
                       "  quote \"the forum mattered\" \u2192 verbatim: R10 (R10.txt, turn 7)\n")));
    CHECK(text.contains(
        QStringLiteral("  + contradicts (user): R10 (R10.txt, turn 4) \"nobody trusts them, even now\"\n")));
    CHECK(text.contains(
        QStringLiteral("\u2192 literature: cited to literature, not checked against transcripts")));
    CHECK(text.contains(QStringLiteral("\u2192 document: found in Policy memo, 5\u201316")));
    CHECK(text.contains(QStringLiteral("\u2192 uncited: no citation to attribute it to")));
    CHECK(text.contains(
        QStringLiteral("Claim 5 (7 Conclusion): Clusters rarely outlive their funding (Conlin, 2006).\n")));
}

TEST_CASE("Audit text: a clean report says so", "[report]") {
    AuditReport report = test::sampleAuditReport();
    report.claims.erase(report.claims.begin(), report.claims.begin() + 3);
    report.findings = 0;
    const QString text = AuditTextWriter::write(report, false);
    CHECK(text ==
          QStringLiteral(
              "No problems or notes.\n2 claims, 1 quotation (1 verbatim); checks: none; 0 findings.\n"));
}
