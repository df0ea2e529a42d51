// A coded range holds what was said, never the speaker's label, whichever way it was selected.

#include <catch2/catch.hpp>

#include "TestPaths.h"
#include "ops/DemoProjectBuilder.h"
#include "store/CodebookRepository.h"
#include "store/CodingRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"

#include <QTemporaryDir>

using namespace warrant;

namespace {

struct Demo {
    QTemporaryDir dir;
    std::unique_ptr<Project> project;
    qint64 r8 = 0;
    std::vector<Turn> turns;
    qint64 code = 0;
    Demo() {
        const QString path = dir.filePath(QStringLiteral("demo.warrant"));
        REQUIRE(DemoProjectBuilder::build(test::sourcePath(QStringLiteral("sample_corpus")), path).ok());
        auto opened = Project::open(path);
        REQUIRE(opened.ok());
        project = std::move(*opened);
        const auto sources = SourceRepository(*project).list();
        REQUIRE(sources.ok());
        for (const Source& s : *sources)
            if (s.title.startsWith(QStringLiteral("R8"))) r8 = s.id;
        REQUIRE(r8 > 0);
        turns = *SourceRepository(*project).turns(r8);
        code = CodebookRepository(*project).list()->front().id;
    }
    const Turn& turn(int number) const {
        for (const Turn& t : turns)
            if (t.number == number) return t;
        FAIL("no turn " << number);
        return turns.front();
    }
    CodedSegment codeAndRead(qsizetype start, qsizetype end) {
        REQUIRE(CodingRepository(*project).applyRange(r8, start, end, code).ok());
        SegmentFilter filter;
        filter.sourceId = r8;
        filter.codeIds = {code};
        auto segments = CodingRepository(*project).segments(filter);
        REQUIRE(segments.ok());
        REQUIRE_FALSE(segments->empty());
        CodedSegment last = segments->front();
        for (const CodedSegment& s : *segments)
            if (s.codingId > last.codingId) last = s;
        return last;
    }
};

} // namespace

TEST_CASE("A range that starts on a speaker label codes the turn's text and keeps its number", "[coding]") {
    Demo d;
    const Turn& t4 = d.turn(4);
    const Turn& t2 = d.turn(2);
    struct Variant {
        const char* what;
        qsizetype start, end;
        qsizetype wantStart, wantEnd;
    };
    const std::vector<Variant> variants = {
        {"the whole line with its label, as a triple click selects it", t4.start - 4, t4.end + 1, t4.start, t4.end},
        {"from the label into the turn", t4.start - 4, t4.start + 20, t4.start, t4.start + 20},
        {"from inside the turn past its end", t4.start + 5, t4.end + 3, t4.start + 5, t4.end},
        {"from the blank line before the label", t4.start - 6, t4.end - 10, t4.start, t4.end - 10},
        {"from a label across the next turns", t2.start - 4, t4.end + 1, t2.start, t4.end},
    };
    for (const Variant& v : variants) {
        INFO(v.what);
        const CodedSegment s = d.codeAndRead(v.start, v.end);
        CHECK(s.start == v.wantStart);
        CHECK(s.end == v.wantEnd);
        CHECK_FALSE(s.text.startsWith(QStringLiteral("R8:")));
        CHECK(s.turnNumber > 0);
        CHECK(s.citation().contains(QStringLiteral(", turn ")));
    }
}

TEST_CASE("A range inside a turn is coded exactly as selected", "[coding]") {
    Demo d;
    const Turn& t4 = d.turn(4);
    const CodedSegment s = d.codeAndRead(t4.start + 10, t4.start + 40);
    CHECK(s.start == t4.start + 10);
    CHECK(s.end == t4.start + 40);
    CHECK(s.citation() == QStringLiteral("(R8, turn 4)"));
}

TEST_CASE("A range of nothing but a label is refused and undoing a narrowed coding removes it", "[coding]") {
    Demo d;
    const Turn& t4 = d.turn(4);
    auto labelOnly = CodingRepository(*d.project).applyRange(d.r8, t4.start - 4, t4.start, d.code);
    REQUIRE_FALSE(labelOnly.ok());
    CHECK(labelOnly.error().message.contains(QStringLiteral("speaker labels")));
    // Applying and removing narrow the same way, so the undo of a label-wide selection finds it.
    REQUIRE(CodingRepository(*d.project).applyRange(d.r8, t4.start - 4, t4.end + 1, d.code).ok());
    REQUIRE(CodingRepository(*d.project).removeRange(d.r8, t4.start - 4, t4.end + 1, d.code).ok());
    SegmentFilter filter;
    filter.sourceId = d.r8;
    filter.codeIds = {d.code};
    CHECK(CodingRepository(*d.project).segments(filter)->empty());
}
