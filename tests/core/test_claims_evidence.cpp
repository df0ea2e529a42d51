#include <catch2/catch.hpp>

#include "SampleProjects.h"
#include "import/ImportedDocument.h"
#include "store/ChangeLogReader.h"
#include "store/ClaimRepository.h"
#include "store/Project.h"
#include "store/Schema.h"
#include "store/SourceRepository.h"

#include <QTemporaryDir>

using namespace warrant;
using test::addSource;

TEST_CASE("Claims can be marked, merged and split, evidence linked, re-stanced and unlinked", "[claims]") {
    QTemporaryDir dir;
    auto project = Project::create(dir.filePath(QStringLiteral("c.warrant")));
    REQUIRE(project.ok());
    Project& p = **project;
    const qint64 manuscript = addSource(p, QStringLiteral("chapter"),
                                        QStringLiteral("First claim here. Second claim there. Third one."), SourceKind::Manuscript);
    const qint64 transcript = addSource(p, QStringLiteral("R8"), QStringLiteral("R8: clusters were a fashion"), SourceKind::Transcript);
    ClaimRepository claims(p);

    auto a = claims.addClaim(manuscript, 0, 17);
    auto b = claims.addClaim(manuscript, 18, 37);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    REQUIRE(claims.mergeClaims(*a, *b).ok());
    auto merged = claims.claims(manuscript);
    REQUIRE(merged->size() == 1);
    CHECK(merged->front().start == 0);
    CHECK(merged->front().end == 37);
    auto second = claims.splitClaim(*a, 18);
    REQUIRE(second.ok());
    CHECK(claims.claims(manuscript)->size() == 2);
    CHECK_FALSE(claims.splitClaim(*a, 40).ok());

    auto link = claims.link(*a, transcript, 4, 27, EvidenceStance::Supports, QStringLiteral("user"));
    REQUIRE(link.ok());
    auto links = claims.links(*a);
    REQUIRE(links->size() == 1);
    CHECK(links->front().start == 4);
    CHECK(links->front().stance == EvidenceStance::Supports);
    // The evidence span is a segment with its text snapshot.
    CHECK(*p.db().queryInt(QStringLiteral("SELECT count(*) FROM segments WHERE text = 'clusters were a fashion'")) == 1);
    REQUIRE(claims.setStance(*link, EvidenceStance::Contradicts).ok());
    CHECK(claims.links(*a)->front().stance == EvidenceStance::Contradicts);
    CHECK_FALSE(claims.link(*a, transcript, 20, 99, EvidenceStance::Supports, QStringLiteral("user")).ok());
    REQUIRE(claims.unlink(*link).ok());
    CHECK(claims.links(*a)->empty());
    CHECK_FALSE(claims.unlink(*link).ok());

    // Every step is in the change log.
    QStringList actions;
    const auto entries = ChangeLogReader(p).entries();
    REQUIRE(entries.ok());
    for (const ChangeLogEntry& e : *entries) actions << e.action;
    for (const char* action : {"claim.add", "claim.merge", "claim.split", "evidence.link", "evidence.stance", "evidence.unlink"})
        CHECK(actions.contains(QString::fromLatin1(action)));
}

TEST_CASE("An old project gains the claims tables when opened, after a backup", "[claims][migration]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.warrant"));
    REQUIRE(Project::create(path).ok());
    {
        // Make it look like a project written before claims existed (format 1).
        SqliteDatabase db;
        REQUIRE(db.open(path, false).ok());
        REQUIRE(db.exec(QStringLiteral("DROP TABLE evidence_links; DROP TABLE claims; PRAGMA user_version = 1;")).ok());
    }
    auto project = Project::open(path);
    REQUIRE(project.ok());
    CHECK((*project)->backupPath() == path + QStringLiteral(".v1.bak"));
    CHECK(*(*project)->db().queryInt(QStringLiteral("PRAGMA user_version")) == schema::currentVersion());
    CHECK((*project)->db().queryInt(QStringLiteral("SELECT count(*) FROM claims")).ok());
}
