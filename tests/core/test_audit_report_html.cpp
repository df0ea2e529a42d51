#include "AuditReportFixture.h"
#include "trace/report/AuditHtmlWriter.h"

#include <QRegularExpression>
#include <QSet>
#include <catch2/catch.hpp>

using namespace warrant;

namespace {

// Tags balance (void elements aside): a cheap well-formedness check, since QXmlStreamReader cannot read
// HTML5.
QString unbalancedTag(const QString& html) {
    static const QSet<QString> voids = {QStringLiteral("meta"), QStringLiteral("br"),
                                        QStringLiteral("hr"),   QStringLiteral("img"),
                                        QStringLiteral("link"), QStringLiteral("input")};
    static const QRegularExpression tag(QStringLiteral("<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^<>]*>"));
    QStringList stack;
    for (auto it = tag.globalMatch(html); it.hasNext();) {
        const auto m = it.next();
        const QString name = m.captured(2).toLower();
        if (voids.contains(name)) continue;
        if (m.captured(1).isEmpty()) {
            stack << name;
        } else {
            if (stack.isEmpty() || stack.last() != name)
                return QStringLiteral("</%1> at %2").arg(name).arg(m.capturedStart());
            stack.removeLast();
        }
    }
    return stack.isEmpty() ? QString()
                           : QStringLiteral("unclosed <%1>").arg(stack.join(QStringLiteral("> <")));
}

} // namespace

TEST_CASE("Audit HTML: one self-contained, balanced page", "[report]") {
    const QString html = AuditHtmlWriter::write(test::sampleAuditReport());
    CHECK(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    CHECK(html.contains(QStringLiteral("<meta charset=\"utf-8\">")));
    CHECK(html.contains(QStringLiteral("<style>")));
    CHECK(unbalancedTag(html).isEmpty());
    INFO(unbalancedTag(html).toStdString());
    // No external resources, no scripts.
    CHECK_FALSE(html.contains(QStringLiteral("http"), Qt::CaseInsensitive));
    CHECK_FALSE(html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
    CHECK_FALSE(html.contains(QStringLiteral("src="), Qt::CaseInsensitive));
    CHECK_FALSE(html.contains(QStringLiteral("url("), Qt::CaseInsensitive));
    CHECK_FALSE(html.contains(QStringLiteral("@import"), Qt::CaseInsensitive));
    CHECK(html.count(QStringLiteral("<title>")) == 1);
    CHECK(html.contains(
        QStringLiteral("<title>Warrant audit: Clusters &amp; &lt;Councils&gt;: a “naïve” study</title>")));
}

TEST_CASE("Audit HTML: everything from the report is escaped", "[report]") {
    const QString html = AuditHtmlWriter::write(test::sampleAuditReport());
    CHECK(html.contains(QStringLiteral("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")));
    CHECK(html.contains(
        QStringLiteral("5.2 How clusters reached &lt;b&gt;&quot;consensus&quot;&lt;/b&gt; &amp; more")));
    CHECK_FALSE(html.contains(QStringLiteral("<b>")));
    CHECK(html.contains(QStringLiteral("the &lt;grant&gt; arrived | early")));
    CHECK(html.contains(QStringLiteral("Zürich — ‘naïve’ partners 😀")));
    // The diff: [-x-] as <del>, {+y+} as <ins>, their words escaped.
    CHECK(html.contains(QStringLiteral(
        "the <del>&lt;grant&gt;</del> <ins>money</ins> arrived <del>early</del> <ins>late</ins>")));
    CHECK(html.contains(QStringLiteral("we waited <del>and</del> <ins>&amp;</ins> waited for the council")));
}

TEST_CASE("Audit HTML: anchors, marks, locations and badges", "[report]") {
    const QString html = AuditHtmlWriter::write(test::sampleAuditReport());
    for (int id = 1; id <= 5; ++id)
        CHECK(html.contains(QStringLiteral("id=\"claim-%1\"").arg(id)));
    CHECK(html.contains(QStringLiteral("id=\"claim-3-quote-5\"")));

    // One <mark> per found quotation, around the found words inside the passage.
    CHECK(html.count(QStringLiteral("<mark>")) == 9);
    CHECK(html.count(QStringLiteral("</mark>")) == 9);
    CHECK(html.contains(QStringLiteral("Well, <mark>the money came late</mark>, as always.")));
    CHECK(html.contains(QStringLiteral("Ça va? <mark>we were never asked 😀</mark> by anyone.")));

    // Locations: labelled, anchored once, linked afterwards.
    CHECK(html.contains(
        QStringLiteral("<span class=\"loc\" id=\"loc-8-1234\">R8, turn 12 (R8.txt, 1234\u20131300)</span>")));
    CHECK(html.contains(QStringLiteral("<a class=\"loc\" href=\"#loc-8-1234\">")));
    CHECK(html.contains(QStringLiteral("id=\"loc-11-500\"")));
    CHECK(html.contains(QStringLiteral("interviewer, turn 5 (J.M. interview.txt, 80\u2013102)")));
    CHECK(html.contains(QStringLiteral("id=\"loc-20-5\">Policy memo (5\u201316)")));

    // Ids are unique and every in-page link lands somewhere.
    static const QRegularExpression idAttr(QStringLiteral("\\bid=\"([^\"]+)\""));
    static const QRegularExpression hrefAttr(QStringLiteral("\\bhref=\"#([^\"]+)\""));
    QStringList ids;
    for (auto it = idAttr.globalMatch(html); it.hasNext();)
        ids << it.next().captured(1);
    const QSet<QString> unique(ids.begin(), ids.end());
    CHECK(unique.size() == ids.size());
    for (auto it = hrefAttr.globalMatch(html); it.hasNext();) {
        const QString target = it.next().captured(1);
        INFO(target.toStdString());
        CHECK(unique.contains(target));
    }

    // Summary rows link to the first claim with that verdict or check.
    CHECK(html.contains(
        QStringLiteral("<a href=\"#claim-1\"><span class=\"verdict sev-ok\">verbatim</span></a>")));
    CHECK(html.contains(
        QStringLiteral("<a href=\"#claim-2\"><span class=\"verdict sev-problem\">misattributed</span></a>")));
    CHECK(html.contains(
        QStringLiteral("<a href=\"#claim-3\"><span class=\"verdict sev-note\">concentration</span></a>")));

    // Status badges: claims 1–3 problems, 4 supported, 5 unchecked.
    CHECK(html.contains(QStringLiteral("<article class=\"claim c-problem\" id=\"claim-1\">")));
    CHECK(html.contains(QStringLiteral("<article class=\"claim c-problem\" id=\"claim-2\">")));
    CHECK(html.contains(QStringLiteral("<article class=\"claim c-problem\" id=\"claim-3\">")));
    CHECK(html.contains(QStringLiteral("<article class=\"claim c-supported\" id=\"claim-4\">")));
    CHECK(html.contains(QStringLiteral("<article class=\"claim c-unchecked\" id=\"claim-5\">")));

    // Citations marked in the claim text (offsets in code points, after a non-BMP character).
    CHECK(html.contains(QStringLiteral("<span class=\"cite\">(interview, J.M.; I1)</span>")));
    CHECK(html.contains(QStringLiteral("92.3% similar")));
}

TEST_CASE("Audit HTML: a claim with only a near-verbatim quotation is a note", "[report]") {
    AuditReport report = test::sampleAuditReport();
    report.claims[0].quotes.erase(report.claims[0].quotes.begin() + 2); // drop the altered quotation
    const QString html = AuditHtmlWriter::write(report);
    CHECK(html.contains(QStringLiteral("<article class=\"claim c-note\" id=\"claim-1\">")));

    AuditReport suggested;
    AuditClaim c = report.claims[2];
    c.quotes.clear();
    c.checks.clear();
    c.evidence.erase(c.evidence.begin()); // only the suggestion remains
    suggested.claims.push_back(c);
    CHECK(AuditHtmlWriter::write(suggested).contains(
        QStringLiteral("<article class=\"claim c-note\" id=\"claim-3\">")));
    CHECK(AuditHtmlWriter::write(AuditReport{}).contains(QStringLiteral("<title>Warrant audit</title>")));
}
