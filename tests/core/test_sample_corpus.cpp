#include <catch2/catch.hpp>

#include "CorpusTranscripts.h"
#include "TestPaths.h"
#include "ops/DemoProjectBuilder.h"
#include "ops/ProjectSummary.h"
#include "store/CodingRepository.h"
#include "store/Project.h"
#include "text/CsvReader.h"

#include <QDir>

#include <algorithm>

#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

using namespace warrant;

TEST_CASE("The sample corpus has a transcript for every participant the study cites, and more",
          "[corpus]") {
    const CorpusTranscripts& corpus = CorpusTranscripts::load();
    REQUIRE(corpus.loadError.isEmpty());
    const QStringList participants = corpus.participants();
    for (const char* code : {"R2", "R3", "R5", "R7", "R8", "R9", "R10", "R11", "R13", "M1", "M2", "M4", "M6", "M7", "M9",
                             "M10", "A1", "A2", "A3", "A5", "A6", "A8", "A9", "I3", "I4", "I6", "P.C.", "M.K.", "J.M."})
        CHECK(participants.contains(QString::fromLatin1(code)));
    CHECK(participants.size() >= 35);

    // Words per transcript, as spoken in its turns.
    QMap<QString, int> words;
    for (const CorpusTurn& t : corpus.turns())
        words[t.participant] += int(t.text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).size());
    for (auto it = words.begin(); it != words.end(); ++it) {
        INFO(it.key().toStdString() << ": " << it.value() << " words");
        CHECK(it.value() >= 1500);
        CHECK(it.value() <= 3000);
    }

    const QStringList files = QDir(test::sourcePath(QStringLiteral("sample_corpus/transcripts"))).entryList(QDir::Files);
    CHECK(files.filter(QStringLiteral(".vtt")).size() >= 2);
    CHECK(files.filter(QStringLiteral(".docx")).size() >= 1);
    CHECK(files.filter(QStringLiteral(".odt")).size() >= 1);
}

TEST_CASE("Participants, codebook and codings files have what the study needs", "[corpus]") {
    auto participants = CsvReader::readFile(test::sourcePath(QStringLiteral("sample_corpus/participants.csv")));
    REQUIRE(participants.ok());
    REQUIRE(participants->size() == 36);
    QSet<QString> groups;
    for (size_t i = 1; i < participants->size(); ++i) groups << (*participants)[i].fields.value(1);
    CHECK(groups == QSet<QString>({QStringLiteral("regional policy"), QStringLiteral("medical"), QStringLiteral("automotive"),
                                   QStringLiteral("ICT"), QStringLiteral("national/academic observer")}));

    auto codebook = CsvReader::readFile(test::sourcePath(QStringLiteral("sample_corpus/codebook.csv")));
    REQUIRE(codebook.ok());
    const int codes = int(codebook->size()) - 1;
    CHECK(codes >= 20);
    CHECK(codes <= 35);
    for (size_t i = 1; i < codebook->size(); ++i) {
        const QStringList& row = (*codebook)[i].fields;
        INFO(row.value(0).toStdString());
        for (int column = 2; column <= 5; ++column) CHECK_FALSE(row.value(column).trimmed().isEmpty());
    }
}

TEST_CASE("The demo project is fully built and coded by two coders", "[corpus][demo]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.warrant"));
    REQUIRE(DemoProjectBuilder::build(test::sourcePath(QStringLiteral("sample_corpus")), path).ok());
    auto project = Project::open(path, Project::Mode::ReadOnly);
    REQUIRE(project.ok());
    auto summary = ProjectSummary::of(**project);
    REQUIRE(summary.ok());
    CHECK(summary->transcripts == int(CorpusTranscripts::load().participants().size()));
    CHECK(summary->participants == 35);
    CHECK(summary->manuscripts == 1);

    SegmentFilter reference;
    reference.coder = QStringLiteral("alewis");
    auto referenceSegments = CodingRepository(**project).segments(reference);
    REQUIRE(referenceSegments.ok());
    CHECK(referenceSegments->size() >= 300);
    QSet<QString> everyTranscript;
    for (const CodedSegment& s : *referenceSegments) everyTranscript << s.sourceTitle;
    CHECK(everyTranscript.size() == summary->transcripts);

    SegmentFilter second;
    second.coder = QStringLiteral("bosei");
    auto secondSegments = CodingRepository(**project).segments(second);
    REQUIRE(secondSegments.ok());
    QSet<QString> doubleCoded;
    for (const CodedSegment& s : *secondSegments) doubleCoded << s.sourceTitle;
    CHECK(doubleCoded.size() >= 6);
    // Real coders disagree in part: some of the second coder's passages overlap a reference
    // passage with the same code, others do not.
    int agreeing = 0, differing = 0;
    for (const CodedSegment& b : *secondSegments) {
        const bool overlaps = std::any_of(referenceSegments->begin(), referenceSegments->end(), [&](const CodedSegment& a) {
            return a.sourceId == b.sourceId && a.codeId == b.codeId && a.start < b.end && b.start < a.end;
        });
        (overlaps ? agreeing : differing) += 1;
    }
    CHECK(agreeing > differing);
    CHECK(differing > 0);
}
