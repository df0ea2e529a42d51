#include "CliHarness.h"

#include <QFileInfo>
#include <catch2/catch.hpp>

using warrant::cli::test::CliHarness;
using warrant::cli::test::CliRun;
namespace fixtures = warrant::cli::test::fixtures;

namespace {
QString s(const char* text) {
    return QString::fromUtf8(text);
}
} // namespace

TEST_CASE("demo builds a project from a corpus folder", "[cli][demo]") {
    CliHarness h;
    // A miniature corpus in the sample corpus layout.
    h.write(s("corpus/participants.csv"), s(fixtures::participantsCsv));
    h.write(s("corpus/transcripts/R8.txt"), s(fixtures::transcriptR8));
    h.write(s("corpus/transcripts/M2.txt"), s(fixtures::transcriptM2));
    h.write(s("corpus/codebook.csv"), s(fixtures::codebookCsv));
    h.write(s("corpus/codings/A.csv"), s(fixtures::codingsCsv));
    const QString demo = h.path(s("demo.warrant"));

    CliRun r = h.ok({s("demo"), demo, s("--corpus"), h.path(s("corpus"))});
    CHECK(r.out.contains(s("participants: 2\n")));
    CHECK(r.out.contains(s("transcripts: 2 imported\n")));
    CHECK(r.out.contains(s("codings from A.csv: 4\n")));
    CHECK(r.out.endsWith(
        QStringLiteral("Demo project written to %1\n").arg(QFileInfo(demo).absoluteFilePath())));

    const QJsonObject info = h.ok({s("info"), s("--json"), s("--project"), demo}).json().object();
    CHECK(info.value(s("sources")).toInt() == 2);
    CHECK(info.value(s("codes")).toInt() == 8);
    CHECK(info.value(s("codings")).toInt() == 4);
    CHECK(h.ok({s("segments"), s("-p"), demo, s("--code"), s("Funding")})
              .out.contains(s("(M2, turn 4) Funding/European funds")));

    CliRun again = h.run({s("demo"), demo, s("--corpus"), h.path(s("corpus"))});
    CHECK(again.code == 2);
    CHECK(again.oneLineError());
    CHECK(again.err.contains(s("demo.warrant already exists")));

    CliRun noCorpus = h.run({s("demo"), h.path(s("other.warrant")), s("--corpus"), h.path(s("nowhere"))});
    CHECK(noCorpus.code == 2);
    CHECK(noCorpus.oneLineError());
    CHECK(noCorpus.err.contains(s("nowhere: the sample corpus folder does not exist")));
    CHECK_FALSE(QFileInfo::exists(h.path(s("other.warrant"))));
}
