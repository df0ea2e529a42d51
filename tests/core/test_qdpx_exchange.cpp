#include <catch2/catch.hpp>

#include "QdpxFixture.h"
#include "SampleProjects.h"
#include "TestPaths.h"
#include "XsdValidator.h"
#include "exchange/QdpxExporter.h"
#include "exchange/QdpxImporter.h"
#include "ops/CodebookIo.h"
#include "ops/ProjectSummary.h"
#include "store/CodebookRepository.h"
#include "store/CodingRepository.h"
#include "store/MemoRepository.h"
#include "store/ParticipantRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <set>
#include <tuple>

using namespace warrant;

namespace {

QString schemaPath(const QString& name) {
    const QString path = test::sourcePath(QStringLiteral("../shared/refi-qda/schema/") + name);
    return QFile::exists(path) ? path : QString();
}

// What a round trip must keep: every coding as (code path, coder, text).
std::multiset<std::tuple<QString, QString, QString>> codingsOf(Project& project) {
    std::multiset<std::tuple<QString, QString, QString>> out;
    const auto segments = CodingRepository(project).segments({});
    for (const CodedSegment& s : *segments) out.insert({s.codePath, s.coder, s.text});
    return out;
}

std::set<std::tuple<QString, QString, QString, QString, QString>> codesOf(Project& project) {
    CodebookRepository repo(project);
    const auto all = *repo.list();
    std::set<std::tuple<QString, QString, QString, QString, QString>> out;
    for (const Code& c : all) out.insert({repo.path(all, c.id), c.colour, c.description, c.inclusion, c.exclusion + c.example});
    return out;
}

std::set<std::tuple<QString, QString, QString>> attributesOf(Project& project) {
    std::set<std::tuple<QString, QString, QString>> out;
    const auto participants = ParticipantRepository(project).list();
    for (const Participant& p : *participants) {
        out.insert({p.code, QString(), p.displayName});
        for (const ParticipantAttribute& a : p.attributes) out.insert({p.code, a.name, a.value});
    }
    return out;
}

// A memo as what it is about (kind and the thing's own name), its title, text and author.
std::multiset<std::tuple<QString, QString, QString, QString>> memosOf(Project& project) {
    std::multiset<std::tuple<QString, QString, QString, QString>> out;
    CodebookRepository codes(project);
    const auto all = *codes.list();
    const auto memos = MemoRepository(project).list();
    for (const Memo& m : *memos) {
        QString about = memoTargetName(m.target);
        if (m.target == MemoTarget::Code) about += u':' + codes.path(all, m.targetId);
        if (m.target == MemoTarget::Participant) about += u':' + (*ParticipantRepository(project).findById(m.targetId))->code;
        if (m.target == MemoTarget::Source) about += u':' + (*SourceRepository(project).get(m.targetId))->title;
        out.insert({about, m.title, m.body, m.coder});
    }
    return out;
}

void addMemos(Project& project) {
    const auto codes = *CodebookRepository(project).list();
    const auto participants = *ParticipantRepository(project).list();
    const auto sources = *SourceRepository(project).list();
    const auto segments = *CodingRepository(project).segments({});
    MemoRepository memos(project);
    REQUIRE(memos.add(MemoTarget::Project, 0, QStringLiteral("Plan"), QStringLiteral("Second round in May.")).ok());
    REQUIRE(memos.add(MemoTarget::Code, codes.back().id, QStringLiteral("Scope"), QStringLiteral("Narrower than it looks & <fine>.")).ok());
    REQUIRE(memos.add(MemoTarget::Participant, participants.front().id, {}, QStringLiteral("Talkative; ő ű 😀")).ok());
    REQUIRE(memos.add(MemoTarget::Source, sources.front().id, QStringLiteral("Audio"), QStringLiteral("Poor recording.")).ok());
    REQUIRE(memos.add(MemoTarget::Segment, segments.front().segmentId, {}, QStringLiteral("Key passage.")).ok());
}

} // namespace

TEST_CASE("A project exported as .qdpx and imported again keeps codes, codings, participants and memos", "[qdpx][exchange]") {
    QTemporaryDir dir;
    auto original = test::freshSampleProject(dir.filePath(QStringLiteral("demo.warrant")));
    REQUIRE(ParticipantRepository(*original).setAttribute(QStringLiteral("R8"), QStringLiteral("interviews"), QStringLiteral("2")).ok());
    addMemos(*original);
    const QString qdpx = dir.filePath(QStringLiteral("demo.qdpx"));
    auto exported = QdpxExporter::exportFile(*original, qdpx);
    REQUIRE(exported.ok());
    CHECK(exported->codings == CodingRepository(*original).countCodings().value());

    const QString copy = dir.filePath(QStringLiteral("copy.warrant"));
    auto report = QdpxImporter::importFile(qdpx, copy);
    REQUIRE(report.ok());
    CAPTURE(report->toText().toStdString());
    CHECK(report->problems.isEmpty());
    auto back = Project::open(copy);
    REQUIRE(back.ok());
    CHECK(codesOf(**back) == codesOf(*original));
    CHECK(codingsOf(**back) == codingsOf(*original));
    CHECK(attributesOf(**back) == attributesOf(*original));
    CHECK(memosOf(**back) == memosOf(*original));
    const auto before = *ProjectSummary::of(*original);
    const auto after = *ProjectSummary::of(**back);
    CHECK(after.sources == before.sources);
    CHECK(after.turns == before.turns);
    CHECK(after.transcripts == before.transcripts);
    CHECK(after.documents == before.documents);
    CHECK(after.manuscripts == before.manuscripts); // carried as the "Manuscripts" set
    CHECK(after.sets == before.sets);
    CHECK(after.segments == before.segments);

    SECTION("exporting twice gives the same bytes") {
        const auto first = QdpxExporter::archive(*original);
        const auto second = QdpxExporter::archive(*original);
        REQUIRE(first.ok());
        CHECK(*first == *second);
    }
    SECTION("the exported project.qde validates against the REFI-QDA schema") {
        const QString xsd = schemaPath(QStringLiteral("Project-mrt2019.xsd"));
        if (xsd.isEmpty()) {
            SUCCEED("REFI-QDA schema not present; validation skipped");
            return;
        }
        for (const QString& path : {qdpx, [&] {
                                        const QString again = dir.filePath(QStringLiteral("again.qdpx"));
                                        REQUIRE(QdpxExporter::exportFile(**back, again).ok());
                                        return again;
                                    }()}) {
            const auto result = test::validateAgainstXsd(test::zipEntry(path, QStringLiteral("project.qde")), xsd);
            INFO(result.errors.toStdString());
            CHECK(result.ok);
        }
    }
}

TEST_CASE("NVivo-style UTF-16 offsets with emoji, CRLF and a BOM import as exactly the coded text", "[qdpx][exchange]") {
    QTemporaryDir dir;
    for (const auto& variant : test::offsetVariants()) {
        CAPTURE(variant.label.toStdString());
        const QString qdpx = dir.filePath(variant.label + QStringLiteral(".qdpx"));
        REQUIRE(test::writeOffsetFixture(qdpx, variant));
        const QString project = dir.filePath(variant.label + QStringLiteral(".warrant"));
        auto report = QdpxImporter::importFile(qdpx, project);
        REQUIRE(report.ok());
        CAPTURE(report->toText().toStdString());
        CHECK(report->problems.isEmpty());
        auto opened = Project::open(project);
        REQUIRE(opened.ok());
        std::multiset<QString> texts;
        const auto segments = CodingRepository(**opened).segments({});
        for (const CodedSegment& s : *segments) texts.insert(s.codePath + u'|' + s.text);
        CHECK(texts == variant.expected);
        CHECK(ProjectSummary::of(**opened)->codes == variant.codeCount);
    }
}

TEST_CASE("A .qdpx import is all or nothing unless bad selections may be skipped", "[qdpx][exchange]") {
    QTemporaryDir dir;
    const QString qdpx = dir.filePath(QStringLiteral("bad.qdpx"));
    REQUIRE(test::writeFixtureWithBadSelection(qdpx));
    const QString project = dir.filePath(QStringLiteral("bad.warrant"));
    auto refused = QdpxImporter::importFile(qdpx, project);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.errorMessage().contains(QStringLiteral("past the end")));
    CHECK_FALSE(QFile::exists(project));
    CHECK(QDir(dir.path()).entryList({QStringLiteral("bad.warrant*")}).isEmpty());

    QdpxImportOptions skip;
    skip.skipBad = true;
    auto report = QdpxImporter::importFile(qdpx, project, skip);
    REQUIRE(report.ok());
    CHECK(report->problems.size() == 1);
    CHECK(report->codings >= 1);
    CHECK(QFile::exists(project));

    auto again = QdpxImporter::importFile(qdpx, project, skip);
    REQUIRE_FALSE(again.ok());
    CHECK(again.errorMessage().contains(QStringLiteral("already exists")));
}

TEST_CASE("A source whose text is missing fails the import, or with --skip-bad is listed and left out", "[qdpx][exchange]") {
    QTemporaryDir dir;
    const QString qdpx = dir.filePath(QStringLiteral("missing.qdpx"));
    REQUIRE(test::writeFixtureWithMissingSourceFile(qdpx));
    const QString project = dir.filePath(QStringLiteral("missing.warrant"));
    auto refused = QdpxImporter::importFile(qdpx, project);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.errorMessage().contains(QStringLiteral("Lost interview")));
    CHECK_FALSE(QFile::exists(project));

    QdpxImportOptions skip;
    skip.skipBad = true;
    auto report = QdpxImporter::importFile(qdpx, project, skip);
    REQUIRE(report.ok());
    CHECK(report->textSources == 1);
    CHECK(report->codings > 0);
    const QString skipped = report->skipped.join(u'\n');
    CHECK(skipped.contains(QStringLiteral("Lost interview")));
    CHECK(skipped.contains(QStringLiteral("its 1 selection and 1 coding are not carried")));
    auto opened = Project::open(project);
    REQUIRE(opened.ok());
    CHECK(SourceRepository(**opened).list()->size() == 1);
}

TEST_CASE("A hostile .qdpx is refused with one line and no project is created", "[qdpx][exchange]") {
    QTemporaryDir dir;
    for (const auto& hostile : test::hostileArchives()) {
        CAPTURE(hostile.label.toStdString());
        const QString qdpx = dir.filePath(hostile.label + QStringLiteral(".qdpx"));
        REQUIRE(test::writeZip(qdpx, hostile.entries));
        const QString project = dir.filePath(hostile.label + QStringLiteral(".warrant"));
        auto refused = QdpxImporter::importFile(qdpx, project);
        REQUIRE_FALSE(refused.ok());
        CHECK_FALSE(refused.errorMessage().contains(u'\n'));
        CHECK(refused.errorMessage().contains(hostile.label + QStringLiteral(".qdpx")));
        CHECK_FALSE(QFile::exists(project));
    }
}

TEST_CASE("Every REFI-QDA sample from other tools imports or is refused with a clear message", "[qdpx][exchange][samples]") {
    const QString samples = test::sourcePath(QStringLiteral("../shared/refi-qda/samples"));
    if (!QDir(samples).exists()) {
        SUCCEED("../shared/refi-qda not present; samples skipped");
        return;
    }
    QTemporaryDir dir;
    int imported = 0;
    for (const QString& sub : QDir(samples).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        for (const QFileInfo& file : QDir(samples + u'/' + sub).entryInfoList({QStringLiteral("*.qdpx"), QStringLiteral("*.qde")})) {
            CAPTURE(file.fileName().toStdString());
            const QString project = dir.filePath(file.completeBaseName() + QStringLiteral(".warrant"));
            QdpxImportOptions options;
            options.skipBad = true;
            auto report = QdpxImporter::importFile(file.filePath(), project, options);
            if (!report) {
                CHECK(report.errorMessage().contains(file.fileName()));
                CHECK_FALSE(QFile::exists(project));
                continue;
            }
            ++imported;
            auto opened = Project::open(project);
            REQUIRE(opened.ok());
            const auto summary = *ProjectSummary::of(**opened);
            CHECK(summary.codes == report->codes);
            CHECK(summary.codings == report->codings);
            CHECK(summary.sources == report->textSources);
            CHECK(summary.externalSources == report->externalSources);
            if (file.fileName().startsWith(QStringLiteral("maxqda"))) {
                CHECK(summary.sources == 10);
                CHECK(summary.codes == 307);
                CHECK(summary.sets > 0);
            }
            if (file.fileName().startsWith(QStringLiteral("qc-1.3.2"))) CHECK(summary.codings > 0);
        }
    CHECK(imported >= 4);
}

TEST_CASE("Codebooks travel as REFI-QDA .qdc both ways", "[qdpx][exchange]") {
    QTemporaryDir dir;
    auto project = test::freshSampleProject(dir.filePath(QStringLiteral("demo.warrant")));
    auto qdc = CodebookIo(*project).exportText(QStringLiteral("qdc"));
    REQUIRE(qdc.ok());
    const QString xsd = schemaPath(QStringLiteral("Codebook.xsd"));
    if (!xsd.isEmpty()) {
        const auto result = test::validateAgainstXsd(qdc->toUtf8(), xsd);
        INFO(result.errors.toStdString());
        CHECK(result.ok);
    }
    const QString file = dir.filePath(QStringLiteral("codebook.qdc"));
    QFile out(file);
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(qdc->toUtf8());
    out.close();
    auto empty = Project::create(dir.filePath(QStringLiteral("empty.warrant")));
    REQUIRE(empty.ok());
    auto n = CodebookIo(**empty).importFile(file);
    REQUIRE(n.ok());
    CHECK(codesOf(**empty) == codesOf(*project));
}
