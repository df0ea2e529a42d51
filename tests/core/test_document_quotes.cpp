#include <catch2/catch.hpp>

#include "SampleProjects.h"
#include "store/Project.h"
#include "trace/Auditor.h"

#include <QTemporaryDir>

using namespace warrant;
using test::addSource;

namespace {

const AuditQuote& quoteStarting(const AuditReport& report, const QString& prefix) {
    for (const AuditClaim& c : report.claims)
        for (const AuditQuote& q : c.quotes)
            if (q.text.startsWith(prefix)) return q;
    FAIL("no quotation starting " << prefix.toStdString());
    static AuditQuote none;
    return none;
}

} // namespace

TEST_CASE("Quotations cited to an imported document are verified against it", "[audit][documents]") {
    QTemporaryDir dir;
    auto created = Project::create(dir.filePath(QStringLiteral("d.warrant")));
    REQUIRE(created.ok());
    Project& project = **created;
    const qint64 review = addSource(project, QStringLiteral("Conlin 2006 cluster policy review"),
                                    QStringLiteral("Cluster policy in the regions.\n\n"
                                                   "Regional agencies adopted the cluster label before they had the data "
                                                   "to support it, and the evaluation came later.\n\n"
                                                   "A closing paragraph."),
                                    SourceKind::Document);
    const qint64 manuscript = addSource(
        project, QStringLiteral("chapter"),
        QStringLiteral("Agencies moved early: they 'adopted the cluster label before they had the data to support it' "
                       "(Conlin, 2006).\n\n"
                       "Another reading holds that agencies 'adopted the cluster brand before they had the evidence to "
                       "support it' (Conlin, 2006).\n\n"
                       "Conlin also wrote that 'ministers never read the mapping studies at all' (Conlin, 2006).\n\n"
                       "Porter put it plainly: 'clusters are critical masses in one place' (Porter, 1998)."),
        SourceKind::Manuscript);

    auto report = Auditor(project, nullptr).audit(manuscript, Auditor::defaultFailOn());
    REQUIRE(report.ok());

    const AuditQuote& found = quoteStarting(*report, QStringLiteral("adopted the cluster label"));
    CHECK(found.verdict == QuoteVerdict::Document);
    REQUIRE(found.found.has_value());
    CHECK(found.found->sourceId == review);
    CHECK(found.found->text.startsWith(QStringLiteral("adopted the cluster label")));

    const AuditQuote& altered = quoteStarting(*report, QStringLiteral("adopted the cluster brand"));
    CHECK(altered.verdict == QuoteVerdict::Altered);
    CHECK(altered.diff.contains(QStringLiteral("[-brand-]")));
    CHECK(altered.explanation.contains(QStringLiteral("Conlin 2006")));

    CHECK(quoteStarting(*report, QStringLiteral("ministers never")).verdict == QuoteVerdict::NotFound);
    // Literature that is not in the project stays labelled, unchecked.
    CHECK(quoteStarting(*report, QStringLiteral("clusters are critical")).verdict == QuoteVerdict::Literature);
}

TEST_CASE("An audit asked to stop says so instead of reporting", "[audit]") {
    QTemporaryDir dir;
    auto created = Project::create(dir.filePath(QStringLiteral("c.warrant")));
    REQUIRE(created.ok());
    Project& project = **created;
    const qint64 manuscript = addSource(project, QStringLiteral("chapter"),
                                        QStringLiteral("One claim (Conlin, 2006). Another claim (Porter, 1998)."),
                                        SourceKind::Manuscript);
    Auditor auditor(project, nullptr);
    int asked = 0;
    auditor.setCancelCheck([&asked] { return ++asked > 1; }); // the first claim runs, then stop
    auto report = auditor.audit(manuscript, Auditor::defaultFailOn());
    REQUIRE_FALSE(report.ok());
    CHECK(report.errorMessage().contains(QStringLiteral("cancelled")));
    CHECK(asked == 2);
}
