#include <catch2/catch.hpp>

#include "CorpusTranscripts.h"
#include "TestPaths.h"
#include "trace/CitationParser.h"
#include "trace/FragmentMatcher.h"
#include "trace/QuoteExtractor.h"

#include <QDir>
#include <QFile>

using namespace warrant;

namespace {

QString readSeedPaper() {
    const QString dir = test::sharedSeedDir();
    if (dir.isEmpty()) return {};
    const QStringList files = QDir(dir).entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
    if (files.isEmpty()) return {};
    QFile f(QDir(dir).filePath(files.front()));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll());
}

} // namespace

TEST_CASE("Every interview quote in the seed paper is reconstructable from the cited participant's transcript",
          "[corpus][seed]") {
    const QString paper = readSeedPaper();
    if (paper.isEmpty()) {
        WARN("../shared/seed is absent: skipped");
        return;
    }
    const CorpusTranscripts& corpus = CorpusTranscripts::load();
    REQUIRE(corpus.loadError.isEmpty());
    const CitationParser parser(corpus.participants());
    const std::vector<ExtractedQuote> quotes = QuoteExtractor(parser).extract(paper);

    int checked = 0;
    for (const ExtractedQuote& q : quotes) {
        if (!q.citation || q.citation->participants.isEmpty()) continue; // literature or uncited
        ++checked;
        const auto fragments = QuoteFragments::split(q.text);
        bool found = false;
        for (const QString& code : q.citation->participants)
            for (const CorpusTurn* turn : corpus.spokenBy(code))
                found = found || FragmentMatcher::find(fragments, turn->normalized).has_value();
        INFO("quote: " << q.text.toStdString() << "\ncited: " << q.citation->text.toStdString());
        CHECK(found);
    }
    // The paper prints 28 direct interview quotations (inline and block), all of them cited.
    CHECK(checked >= 25);
}
