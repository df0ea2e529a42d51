#include <catch2/catch.hpp>

#include "ApplyCodeCommand.h"
#include "CreateCodeCommand.h"
#include "RemoveCodingCommand.h"
#include "SearchIndex.h"
#include "SnapshotCommand.h"
#include "TestPaths.h"
#include "Workbench.h"
#include "ops/DemoProjectBuilder.h"
#include "store/CodebookRepository.h"
#include "store/CodingRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"

#include <QTemporaryDir>
#include <QUndoStack>

using namespace warrant;

namespace {

struct OpenSample {
    QTemporaryDir dir;
    Workbench workbench;
    OpenSample() {
        const QString path = dir.filePath(QStringLiteral("demo.warrant"));
        REQUIRE(DemoProjectBuilder::build(test::sourcePath(QStringLiteral("sample_corpus")), path).ok());
        REQUIRE(workbench.open(path).ok());
        workbench.waitForIndex();
        REQUIRE(workbench.searchIndex() != nullptr);
    }
    Project& project() { return *workbench.project(); }
    Turn firstParticipantTurn() {
        auto sources = SourceRepository(project()).list();
        for (const Source& s : *sources) {
            auto turns = SourceRepository(project()).turns(s.id);
            for (const Turn& t : *turns)
                if (!t.isInterviewer && t.end - t.start > 40) return t;
        }
        FAIL("no participant turn in the sample project");
        return {};
    }
    qint64 searchCount(const QString& query) {
        auto found = workbench.searchIndex()->search(query);
        REQUIRE(found.ok());
        return found->total;
    }
};

int codingsOf(Project& project, qint64 codeId) {
    SegmentFilter filter;
    filter.codeIds = {codeId};
    return int(CodingRepository(project).segments(filter)->size());
}

} // namespace

TEST_CASE("Applying a code is one undoable step that search sees at once", "[workbench]") {
    OpenSample sample;
    Project& project = sample.project();
    Code code;
    code.name = QStringLiteral("Freshly made code");
    const qint64 codeId = *CodebookRepository(project).create(code);
    const Turn turn = sample.firstParticipantTurn();
    const QString query = QStringLiteral("code:\"Freshly made code\"");
    REQUIRE(sample.searchCount(query) == 0);

    QUndoStack* undo = sample.workbench.undoStack();
    REQUIRE(sample.workbench.push(new ApplyCodeCommand(sample.workbench, {{turn.sourceId, turn.start + 5, turn.start + 30}},
                                                       codeId, QStringLiteral("Apply Code 'Freshly made code'"))));
    CHECK(codingsOf(project, codeId) == 1);
    CHECK(sample.searchCount(query) == 1);
    CHECK(undo->undoText() == QStringLiteral("Apply Code 'Freshly made code'"));

    undo->undo();
    CHECK(codingsOf(project, codeId) == 0);
    CHECK(sample.searchCount(query) == 0);
    undo->redo();
    CHECK(codingsOf(project, codeId) == 1);

    // Coding the same range again changes nothing, so it is not an undo step.
    CHECK_FALSE(sample.workbench.push(new ApplyCodeCommand(sample.workbench, {{turn.sourceId, turn.start + 5, turn.start + 30}},
                                                           codeId, QStringLiteral("Apply Code again"))));
    CHECK(undo->count() == 1);

    // Removing it is undoable too, under the coder who made it.
    SegmentFilter filter;
    filter.codeIds = {codeId};
    const CodedSegment made = CodingRepository(project).segments(filter)->front();
    REQUIRE(sample.workbench.push(new RemoveCodingCommand(sample.workbench, made)));
    CHECK(codingsOf(project, codeId) == 0);
    undo->undo();
    REQUIRE(codingsOf(project, codeId) == 1);
    CHECK(CodingRepository(project).segments(filter)->front().coder == made.coder);
}

TEST_CASE("In-vivo coding creates and applies a code as one step and survives undo and redo", "[workbench]") {
    OpenSample sample;
    Project& project = sample.project();
    const Turn turn = sample.firstParticipantTurn();
    auto* step = new QUndoCommand(QStringLiteral("In-Vivo Code 'a fashion'"));
    auto* create = new CreateCodeCommand(sample.workbench, 0, QStringLiteral("a fashion"), step);
    new ApplyCodeCommand(sample.workbench, {{turn.sourceId, turn.start, turn.start + 12}},
                         [create] { return create->codeId(); }, QStringLiteral("Apply Code 'a fashion'"), step);
    REQUIRE(sample.workbench.push(step));
    const qint64 first = create->codeId();
    CHECK(codingsOf(project, first) == 1);

    QUndoStack* undo = sample.workbench.undoStack();
    undo->undo();
    CHECK_FALSE(CodebookRepository(project).get(first)->has_value());
    undo->redo();
    const qint64 again = create->codeId();
    REQUIRE(CodebookRepository(project).get(again)->has_value());
    CHECK(codingsOf(project, again) == 1);
    CHECK(sample.workbench.ids().resolve(UndoIdMap::Kind::Code, first) == again);
}

TEST_CASE("A merge runs once and undo and redo restore the copies around it", "[workbench]") {
    OpenSample sample;
    Project& project = sample.project();
    CodebookRepository codebook(project);
    auto codes = *codebook.list();
    const Code from = codes.back();
    const Code into = codes.front();
    const int fromCodings = codingsOf(project, from.id);

    ChangeNotice notice;
    notice.codebookChanged = true;
    auto* merge = new SnapshotCommand(sample.workbench, QStringLiteral("Merge '%1' into '%2'").arg(from.name, into.name),
                                      QStringLiteral("code.merge"), notice);
    REQUIRE(merge->run([&] { return codebook.merge(from.id, into.id); }).ok());
    REQUIRE(sample.workbench.push(merge));
    CHECK_FALSE(codebook.get(from.id)->has_value());

    QString indexState;
    QObject::connect(&sample.workbench, &Workbench::indexStateChanged,
                     [&](bool, const QString& message) { indexState = message; });
    sample.workbench.undoStack()->undo();
    REQUIRE(codebook.get(from.id)->has_value());
    CHECK(codingsOf(project, from.id) == fromCodings);
    sample.workbench.undoStack()->redo();
    CHECK_FALSE(codebook.get(from.id)->has_value());
    sample.workbench.waitForIndex();
    INFO(indexState.toStdString());
    CHECK(sample.workbench.searchIndex() != nullptr);
}
