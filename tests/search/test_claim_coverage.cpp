#include "IndexCandidateFinder.h"
#include "SearchIndex.h"
#include "ops/ImportService.h"
#include "store/Project.h"
#include "trace/Auditor.h"

#include <QFile>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace warrant;

namespace {

// Three interviews on different subjects and a manuscript whose claims cite them, written as
// files and imported the way a researcher would.
struct CoverageProject {
    QTemporaryDir dir;
    std::unique_ptr<Project> project;
    std::unique_ptr<SearchIndex> index;
    qint64 manuscript = 0;

    void write(const QString& name, const QString& text) {
        QFile f(dir.filePath(name));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(text.toUtf8());
    }

    void interview(const QString& code, const QString& answer) {
        write(code + QStringLiteral(".txt"),
              QStringLiteral("Participant: %1\n\nINT: What did the group do?\n\n%1: %2\n").arg(code, answer));
        codes << code;
    }
    QStringList codes;

    CoverageProject() {
        // Group, agenda, industrial and development are everyday words in this study; smoking,
        // cessation and obesity come up with one participant only.
        interview(
            QStringLiteral("H1"),
            QStringLiteral("Mostly the hospitals. The trusts wanted smoking cessation clinics and obesity "
                           "programmes on the group's agenda, "
                           "because public health was where their targets were. Procurement came second."));
        interview(QStringLiteral("F1"),
                  QStringLiteral("The group met every quarter and the agenda was supply chain development. "
                                 "We talked about the industrial "
                                 "base, suppliers, training for the shop floor, and whether the development "
                                 "money would reach the small "
                                 "firms at all. Most of the time it went to the big plants."));
        interview(QStringLiteral("U1"), QStringLiteral("The universities wanted licensing income from their "
                                                       "patents. Spin-outs were the measure of success in "
                                                       "the group, so they guarded intellectual property and "
                                                       "set the agenda for industrial research."));
        interview(QStringLiteral("G1"),
                  QStringLiteral("The agency ran the group like any industrial development programme: an "
                                 "agenda, minutes, a budget line."));
        interview(
            QStringLiteral("G2"),
            QStringLiteral(
                "Our group's agenda was written by the agency's development team before we ever sat down."));
        interview(QStringLiteral("G3"),
                  QStringLiteral("I went to the group twice. The agenda was full of industrial development "
                                 "strategy and regional targets."));
        write(QStringLiteral("chapter.md"),
              QStringLiteral("# Findings\n\n"
                             "Public health themes such as smoking cessation and obesity found their way "
                             "onto the agenda of an "
                             "industrial development group (interview, F1).\n\n"
                             "Supply chain development dominated the group's agenda, and the money rarely "
                             "reached small firms "
                             "(interview, F1).\n"));

        const QString path = dir.filePath(QStringLiteral("p.warrant"));
        auto created = Project::create(path);
        REQUIRE(created.ok());
        project = std::move(*created);
        ImportRequest transcripts;
        transcripts.kind = SourceKind::Transcript;
        for (const QString& code : codes)
            transcripts.paths << dir.filePath(code + QStringLiteral(".txt"));
        REQUIRE(ImportService(*project).run(transcripts).ok());
        ImportRequest chapter;
        chapter.kind = SourceKind::Manuscript;
        chapter.paths << dir.filePath(QStringLiteral("chapter.md"));
        auto imported = ImportService(*project).run(chapter);
        REQUIRE(imported.ok());
        manuscript = imported->imported.front().sourceId;
        index = std::make_unique<SearchIndex>(SearchIndex::locationFor(path));
        REQUIRE(index->open(*project).ok());
    }
};

const AuditCheck* checkOf(const AuditClaim& claim, ClaimCheck kind) {
    for (const AuditCheck& c : claim.checks)
        if (c.check == kind) return &c;
    return nullptr;
}

} // namespace

TEST_CASE("Vocabulary coverage weighs a claim's rare words by who uses them", "[audit][coverage]") {
    CoverageProject p;
    IndexCandidateFinder finder(*p.index);
    const QString offSubject =
        QStringLiteral("public health themes such as smoking cessation and obesity found their way onto "
                       "the agenda of an industrial development group");
    const auto f1r = finder.vocabularyCoverage(offSubject, {QStringLiteral("F1")});
    const auto h1r = finder.vocabularyCoverage(offSubject, {QStringLiteral("H1")});
    REQUIRE(f1r.ok());
    REQUIRE(h1r.ok());
    const CandidateFinder::Coverage& f1 = *f1r;
    const CandidateFinder::Coverage& h1 = *h1r;
    CHECK(f1.share < Auditor::kClaimVocabularyCoverage);
    CHECK(h1.share > f1.share);
    CHECK(f1.missing.contains(QStringLiteral("smoking")));
    CHECK(f1.missing.contains(QStringLiteral("obesity")));
    CHECK_FALSE(f1.missing.contains(QStringLiteral("agenda")));
    CHECK(f1.usedBy == QStringList{QStringLiteral("H1")});
    // Several participants together cover what one alone does not.
    const auto both = finder.vocabularyCoverage(offSubject, {QStringLiteral("F1"), QStringLiteral("H1")});
    REQUIRE(both.ok());
    CHECK(both->share >= h1.share);
    // Words no passage holds say nothing either way.
    const auto nothing = finder.vocabularyCoverage(QStringLiteral("zymurgy quokka"), {QStringLiteral("F1")});
    REQUIRE(nothing.ok());
    CHECK(nothing->share == 1.0);
}

TEST_CASE("A claim whose subject the cited participant never mentions is unsupported", "[audit][coverage]") {
    CoverageProject p;
    IndexCandidateFinder finder(*p.index);
    auto report = Auditor(*p.project, &finder).audit(p.manuscript, Auditor::defaultFailOn());
    REQUIRE(report.ok());
    REQUIRE(report->claims.size() == 2);

    const AuditClaim& offSubject = report->claims[0];
    const AuditCheck* unsupported = checkOf(offSubject, ClaimCheck::Unsupported);
    REQUIRE(unsupported != nullptr);
    CHECK(unsupported->participants == QStringList{QStringLiteral("F1")});
    INFO(unsupported->message.toStdString());
    CHECK(unsupported->message.contains(QStringLiteral("they never use its words")));
    CHECK(unsupported->message.contains(QStringLiteral("(H1 does)")));
    CHECK(offSubject.evidence.empty());

    // The paraphrase of what F1 did say keeps its suggestion and no check.
    const AuditClaim& paraphrase = report->claims[1];
    CHECK(paraphrase.checks.empty());
    REQUIRE(paraphrase.evidence.size() == 1);
    CHECK(paraphrase.evidence.front().origin == QStringLiteral("suggestion"));
    CHECK(paraphrase.evidence.front().location.participant == QStringLiteral("F1"));
}
