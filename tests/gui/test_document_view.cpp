#include "CodingLanes.h"
#include "CodingStripeArea.h"
#include "DocumentFindBar.h"
#include "DocumentPane.h"
#include "DocumentView.h"
#include "TestPaths.h"
#include "TextRangeMime.h"
#include "TurnNumberArea.h"
#include "ops/DemoProjectBuilder.h"
#include "store/CodingRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"
#include "text/TextOffsets.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <catch2/catch.hpp>
#include <memory>

using namespace warrant;

namespace {

struct SampleProject {
    QTemporaryDir dir;
    std::unique_ptr<Project> project;

    SampleProject() {
        const QString path = dir.filePath(QStringLiteral("demo.warrant"));
        REQUIRE(DemoProjectBuilder::build(test::sourcePath(QStringLiteral("sample_corpus")), path).ok());
        auto opened = Project::open(path);
        REQUIRE(opened.ok());
        project = std::move(*opened);
    }

    qint64 sourceId(const QString& titlePrefix) {
        auto sources = SourceRepository(*project).list();
        REQUIRE(sources.ok());
        for (const Source& s : *sources)
            if (s.title.startsWith(titlePrefix)) return s.id;
        FAIL("no source titled " << titlePrefix.toStdString());
        return 0;
    }
};

// The format ranges the view put on the block containing document position `position`.
QList<QTextLayout::FormatRange> formatsAt(const DocumentView& view, int position) {
    const QTextBlock block = view.document()->findBlock(position);
    return block.layout()->formats();
}

// Whether some format range on the block covers `position` and satisfies `test`.
template <typename Test> bool hasFormatAt(const DocumentView& view, int position, Test test) {
    const int inBlock = position - view.document()->findBlock(position).position();
    for (const QTextLayout::FormatRange& range : formatsAt(view, position))
        if (range.start <= inBlock && inBlock < range.start + range.length && test(range.format)) return true;
    return false;
}

void sendMouse(QWidget* target, QEvent::Type type, const QPoint& pos, Qt::MouseButtons buttons,
               Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, QPointF(pos), target->mapToGlobal(QPointF(pos)), button, buttons, modifiers);
    QApplication::sendEvent(target, &event);
}

// A mouse drag in the view's viewport from document position `from` to `to`.
void dragSelect(DocumentView& view, int from, int to, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    const auto pointOf = [&](int position) {
        QTextCursor cursor(view.document());
        cursor.setPosition(position);
        return view.cursorRect(cursor).center() + QPoint(1, 0);
    };
    const QPoint start = pointOf(from);
    const QPoint end = pointOf(to);
    sendMouse(view.viewport(), QEvent::MouseButtonPress, start, Qt::LeftButton, modifiers);
    sendMouse(view.viewport(), QEvent::MouseMove, (start + end) / 2, Qt::LeftButton, modifiers);
    sendMouse(view.viewport(), QEvent::MouseMove, end, Qt::LeftButton, modifiers);
    sendMouse(view.viewport(), QEvent::MouseButtonRelease, end, Qt::NoButton, modifiers);
}

} // namespace

TEST_CASE("Coding lanes put overlapping codings side by side", "[document-view]") {
    const auto span = [](qint64 id, int start, int end) {
        CodingSpan s;
        s.codingId = id;
        s.start = start;
        s.end = end;
        return s;
    };
    CodingLanes lanes(
        {span(1, 0, 10), span(2, 5, 15), span(3, 12, 20), span(4, 16, 18), span(5, 30, 40), span(6, 50, 50)});
    CHECK(lanes.laneCount() == 2);
    REQUIRE(lanes.spans().size() == 5); // the empty span is dropped
    CHECK(lanes.find(1)->lane == 0);
    CHECK(lanes.find(2)->lane == 1);
    CHECK(lanes.find(3)->lane == 0); // coding 1 has ended by 12
    CHECK(lanes.find(4)->lane == 1);
    CHECK(lanes.find(5)->lane == 0);
    CHECK(lanes.find(6) == nullptr);

    std::vector<qint64> ids;
    for (int index : lanes.overlapping(11, 13))
        ids.push_back(lanes.spans()[std::size_t(index)].codingId);
    CHECK(ids == std::vector<qint64>{2, 3});
    CHECK(lanes.overlapping(20, 30).empty());
    CHECK(lanes.overlapping(39, 100).size() == 1);

    // Three codings over one point need three lanes; a long one is found from far inside it.
    CodingLanes nested({span(1, 0, 1000), span(2, 100, 200), span(3, 150, 160)});
    CHECK(nested.laneCount() == 3);
    CHECK(nested.overlapping(900, 901).size() == 1);
}

TEST_CASE("The document view shows a transcript with styled turns", "[document-view]") {
    SampleProject sample;
    DocumentView view;
    view.resize(900, 600);
    view.setProject(sample.project.get());
    view.show();
    const qint64 r8 = sample.sourceId(QStringLiteral("R8"));
    QSignalSpy changed(&view, &DocumentView::sourceChanged);
    view.showSource(r8);
    CHECK(changed.count() == 1);
    CHECK(view.sourceId() == r8);

    const auto source = SourceRepository(*sample.project).get(r8);
    REQUIRE(source.ok());
    CHECK(view.toPlainText() == (**source).text); // shown 1:1, so offsets map directly
    REQUIRE(view.turns().size() > 4);

    const Turn& question = view.turns()[0];
    const Turn& answer = view.turns()[1];
    REQUIRE(question.isInterviewer);
    REQUIRE_FALSE(answer.isInterviewer);
    const TextOffsets offsets(view.sourceText());
    const int questionStart = int(offsets.utf16FromCodePoint(question.start));
    const int answerStart = int(offsets.utf16FromCodePoint(answer.start));
    // The label "R8: " before the answer is bold, the answer itself is not.
    const auto bold = [](const QTextCharFormat& f) { return f.fontWeight() == QFont::Bold; };
    CHECK(view.sourceText().mid(answerStart - 4, 4) == QStringLiteral("R8: "));
    CHECK(hasFormatAt(view, answerStart - 4, bold));
    CHECK_FALSE(hasFormatAt(view, answerStart + 2, bold));
    // Interviewer speech is grey, the participant's is not.
    const auto grey = [](const QTextCharFormat& f) { return f.hasProperty(QTextFormat::ForegroundBrush); };
    CHECK(hasFormatAt(view, questionStart + 2, grey));
    CHECK_FALSE(hasFormatAt(view, answerStart + 2, grey));

    // The label belongs to its turn; the header before the first turn to none.
    CHECK(view.turnNumberAt(answer.start - 2) == answer.number);
    CHECK(view.turnNumberAt(answer.start + 5) == answer.number);
    CHECK(view.turnNumberAt(0) == 0);

    // Turn numbers are painted in the margin for the visible turns.
    CHECK(view.turnNumberArea()->width() > 0);
    CHECK_FALSE(view.visibleTurnMarks().empty());

    // The sample's codings of R8 are tinted.
    REQUIRE_FALSE(view.codingLanes().spans().empty());
    const CodingSpan& coded = view.codingLanes().spans().front();
    const auto tinted = [](const QTextCharFormat& f) { return f.hasProperty(QTextFormat::BackgroundBrush); };
    CHECK(hasFormatAt(view, coded.start, tinted));
    view.setCodeHighlighting(false);
    CHECK_FALSE(hasFormatAt(view, coded.start, tinted));
    view.setCodeHighlighting(true);
    CHECK(hasFormatAt(view, coded.start, tinted));

    view.setProject(nullptr);
    CHECK(view.sourceId() == 0);
    CHECK(view.toPlainText().isEmpty());
}

TEST_CASE("Subtitle sources show media times and documents show plain paragraphs", "[document-view]") {
    SampleProject sample;
    DocumentView view;
    view.resize(900, 600);
    view.setProject(sample.project.get());
    view.show();
    view.showSource(sample.sourceId(QStringLiteral("A8")));
    REQUIRE_FALSE(view.turns().empty());
    CHECK(view.turns().front().mediaTimeMs.has_value());
    CHECK(view.turnNumberArea()->width() > view.fontMetrics().horizontalAdvance(QStringLiteral("00:00")));

    auto sources = SourceRepository(*sample.project).list();
    REQUIRE(sources.ok());
    qint64 documentId = 0;
    for (const Source& s : *sources)
        if (s.kind != SourceKind::Transcript) documentId = s.id;
    REQUIRE(documentId != 0);
    view.showSource(documentId);
    CHECK(view.turns().empty());
    CHECK(view.turnNumberArea()->width() == 0);
    CHECK(view.toPlainText() == view.sourceText());
    CHECK(view.turnNumberAt(10) == 0);
}

TEST_CASE("Mouse selections snap to whole words unless Alt is held", "[document-view]") {
    SampleProject sample;
    DocumentView view;
    view.resize(900, 600);
    view.setProject(sample.project.get());
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    view.showSource(sample.sourceId(QStringLiteral("R8")));
    const QString& text = view.sourceText();
    const int agreeing = int(text.indexOf(QStringLiteral("agreeing to talk")));
    REQUIRE(agreeing > 0);
    const int talk = agreeing + 12;

    QSignalSpy selectionChanged(&view, &DocumentView::selectionRangeChanged);
    // From inside "agreeing" to inside "talk".
    dragSelect(view, agreeing + 3, talk + 2);
    CHECK(selectionChanged.count() > 0);
    auto range = view.selectedRange();
    REQUIRE(range.has_value());
    CHECK(range->sourceId == view.sourceId());
    CHECK(TextOffsets::midCodePoints(text, range->start, range->end) == QStringLiteral("agreeing to talk"));

    // (A press inside a selection would start dragging it: clear it first.)
    QTextCursor cleared = view.textCursor();
    cleared.clearSelection();
    view.setTextCursor(cleared);
    CHECK_FALSE(view.selectedRange().has_value());
    dragSelect(view, agreeing + 3, talk + 2, Qt::AltModifier);
    range = view.selectedRange();
    REQUIRE(range.has_value());
    // Without snapping the selection starts and ends inside the words.
    CHECK(range->start > agreeing);
    CHECK(range->start < agreeing + 8);
    CHECK(range->end > talk);
    CHECK(range->end < talk + 4);
    const QString partial = TextOffsets::midCodePoints(text, range->start, range->end);

    // The drag carries the text and the range.
    struct MimeProbe : DocumentView {
        using DocumentView::createMimeDataFromSelection;
    };
    std::unique_ptr<QMimeData> mime(static_cast<MimeProbe&>(view).createMimeDataFromSelection());
    REQUIRE(mime);
    CHECK(mime->text() == partial);
    const auto dropped = TextRangeMime::read(mime.get());
    REQUIRE(dropped.has_value());
    CHECK(*dropped == *range);
}

TEST_CASE("selectRange selects and scrolls the range into view", "[document-view]") {
    SampleProject sample;
    DocumentView view;
    view.resize(900, 400);
    view.setProject(sample.project.get());
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    view.showSource(sample.sourceId(QStringLiteral("R8")));
    CHECK(view.verticalScrollBar()->value() == 0);

    const Turn& late = view.turns()[view.turns().size() - 3];
    view.selectRange(late.start, late.start + 20);
    CHECK(view.verticalScrollBar()->value() > 0);
    CHECK(view.viewport()->rect().contains(view.cursorRect()));
    const auto range = view.selectedRange();
    REQUIRE(range.has_value());
    CHECK(range->start == late.start);
    CHECK(range->end == late.start + 20);
    CHECK(view.turnNumberAt(range->start) == late.number);
}

TEST_CASE("Coding stripes show lanes and select a coding when clicked", "[document-view]") {
    SampleProject sample;
    const qint64 r8 = sample.sourceId(QStringLiteral("R8"));
    DocumentView view;
    view.resize(900, 600);
    view.setProject(sample.project.get());
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    view.showSource(r8);

    // Code three nested ranges inside the second turn: three lanes side by side.
    const Turn answer = view.turns()[1];
    const qsizetype base = answer.start;
    const std::vector<CodedSegment> before = [&] {
        SegmentFilter filter;
        filter.sourceId = r8;
        return *CodingRepository(*sample.project).segments(filter);
    }();
    REQUIRE_FALSE(before.empty());
    const qint64 codeId = before.front().codeId;
    CodingRepository codings(*sample.project);
    REQUIRE(codings.applyRange(r8, base, base + 120, codeId).ok());
    REQUIRE(codings.applyRange(r8, base + 10, base + 60, codeId + 1).ok());
    REQUIRE(codings.applyRange(r8, base + 20, base + 30, codeId + 2).ok());
    view.reloadCodings();
    CHECK(view.codingLanes().laneCount() >= 3);
    CHECK(view.stripeArea()->width() >= 3 * CodingStripeArea::kLaneStride);
    // The margin sits between the text and the scroll bar, hidden by neither.
    CHECK(view.stripeArea()->geometry().left() == view.viewport()->geometry().right() + 1);
    QScrollBar* scrollBar = view.verticalScrollBar();
    REQUIRE(scrollBar->isVisible());
    const QRect scrollBarArea(scrollBar->mapTo(&view, QPoint(0, 0)), scrollBar->size());
    CHECK_FALSE(view.stripeArea()->geometry().intersects(scrollBarArea));

    // The innermost coding: find its bar and click it.
    const CodingSpan* inner = nullptr;
    for (const CodingSpan& span : view.codingLanes().spans())
        if (span.start == int(TextOffsets(view.sourceText()).utf16FromCodePoint(base + 20)) &&
            span.end - span.start == 10)
            inner = &span;
    REQUIRE(inner != nullptr);
    const qint64 innerId = inner->codingId;
    std::optional<QRect> bar;
    for (const DocumentView::StripeBar& b : view.visibleStripeBars())
        if (view.codingLanes().spans()[std::size_t(b.span)].codingId == innerId)
            bar = view.stripeArea()->barRect(b);
    REQUIRE(bar.has_value());
    CHECK(view.stripeArea()->codingAt(bar->center()) == innerId);

    QSignalSpy clicked(&view, &DocumentView::codingClicked);
    QTest::mouseClick(view.stripeArea(), Qt::LeftButton, Qt::NoModifier, bar->center());
    REQUIRE(clicked.count() == 1);
    CHECK(clicked.front().front().toLongLong() == innerId);
    const auto selected = view.selectedRange();
    REQUIRE(selected.has_value());
    CHECK(selected->start == base + 20);
    CHECK(selected->end == base + 30);

    // The coding's menu asks for changes instead of making them.
    std::unique_ptr<QMenu> menu(view.createCodingMenu(innerId));
    QStringList texts;
    for (QAction* action : menu->actions())
        texts << action->text();
    CHECK(texts == QStringList{QStringLiteral("Remove Coding"), QStringLiteral("Recode…"),
                               QStringLiteral("Memo…"), QStringLiteral("Link to Claim…")});
    QSignalSpy uncode(&view, &DocumentView::uncodeRequested);
    QSignalSpy link(&view, &DocumentView::linkToClaimRequested);
    menu->actions()[0]->trigger();
    menu->actions()[3]->trigger();
    REQUIRE(uncode.count() == 1);
    CHECK(uncode.front().front().toLongLong() == innerId);
    REQUIRE(link.count() == 1);
    CHECK(link.front().front().value<TextLocation>() == TextLocation{r8, base + 20, base + 30});
}

TEST_CASE("The text menu asks to code the selection or its turn", "[document-view]") {
    SampleProject sample;
    const qint64 r8 = sample.sourceId(QStringLiteral("R8"));
    DocumentView view;
    view.resize(900, 600);
    view.setProject(sample.project.get());
    view.show();
    view.showSource(r8);
    const Turn answer = view.turns()[1];
    view.selectRange(answer.start, answer.start + 3);

    std::unique_ptr<QMenu> menu(view.createTextMenu(QPoint(10, 10)));
    const auto action = [&](const QString& text) -> QAction* {
        for (QAction* a : menu->actions())
            if (a->text() == text) return a;
        return nullptr;
    };
    QSignalSpy codeSelection(&view, &DocumentView::codeSelectionRequested);
    QSignalSpy codeTurn(&view, &DocumentView::codeTurnRequested);
    QSignalSpy inVivo(&view, &DocumentView::inVivoRequested);
    REQUIRE(action(QStringLiteral("Code Selection…")));
    REQUIRE(action(QStringLiteral("Code Whole Turn")));
    REQUIRE(action(QStringLiteral("In-Vivo Code")));
    REQUIRE(action(QStringLiteral("Link to Claim…")));
    action(QStringLiteral("Code Selection…"))->trigger();
    action(QStringLiteral("Code Whole Turn"))->trigger();
    action(QStringLiteral("In-Vivo Code"))->trigger();
    CHECK(codeSelection.count() == 1);
    REQUIRE(codeTurn.count() == 1);
    CHECK(codeTurn.front()[0].toLongLong() == r8);
    CHECK(codeTurn.front()[1].toInt() == answer.number);
    REQUIRE(inVivo.count() == 1);
    CHECK(inVivo.front().front().value<TextLocation>() == TextLocation{r8, answer.start, answer.start + 3});
}

TEST_CASE("Search and quote highlights apply only to the shown source", "[document-view]") {
    SampleProject sample;
    const qint64 r8 = sample.sourceId(QStringLiteral("R8"));
    DocumentView view;
    view.setProject(sample.project.get());
    view.showSource(r8);
    view.setCodeHighlighting(false);
    const auto background = [](const QTextCharFormat& f) {
        return f.hasProperty(QTextFormat::BackgroundBrush);
    };
    const auto underline = [](const QTextCharFormat& f) { return f.fontUnderline(); };
    const Turn answer = view.turns()[3];
    const int at = int(TextOffsets(view.sourceText()).utf16FromCodePoint(answer.start + 5));
    CHECK_FALSE(hasFormatAt(view, at, background));

    view.setSearchHighlights({TextLocation{r8 + 1000, answer.start, answer.start + 10}});
    CHECK_FALSE(hasFormatAt(view, at, background));
    view.setSearchHighlights({TextLocation{r8, answer.start, answer.start + 10}});
    CHECK(hasFormatAt(view, at, background));
    view.setQuoteHighlights({TextLocation{r8, answer.start, answer.start + 10}});
    CHECK(hasFormatAt(view, at, underline));
    view.setSearchHighlights({});
    view.setQuoteHighlights({});
    CHECK_FALSE(hasFormatAt(view, at, background));
    CHECK_FALSE(hasFormatAt(view, at, underline));
}

TEST_CASE("The find bar finds a word and steps through its matches", "[document-view]") {
    SampleProject sample;
    DocumentPane pane;
    pane.resize(900, 600);
    pane.view()->setProject(sample.project.get());
    pane.show();
    REQUIRE(QTest::qWaitForWindowExposed(&pane));
    pane.view()->showSource(sample.sourceId(QStringLiteral("R8")));
    const QString& text = pane.view()->sourceText();
    const int expected = int(text.count(QStringLiteral("strategy"), Qt::CaseInsensitive));
    REQUIRE(expected > 2);

    CHECK_FALSE(pane.findBar()->isVisible());
    pane.view()->setFocus();
    QTest::keyClick(pane.view(), Qt::Key_F, Qt::ControlModifier);
    REQUIRE(pane.findBar()->isVisible());
    QLineEdit* field = pane.findBar()->searchField();
    CHECK(field->hasFocus());
    QTest::keyClicks(field, QStringLiteral("Strategy"));
    CHECK(pane.findBar()->matchCount() == expected);
    CHECK(pane.findBar()->countLabel()->text() == QStringLiteral("1 of %1").arg(expected));
    const auto selectedText = [&] { return pane.view()->textCursor().selectedText(); };
    CHECK(selectedText().compare(QStringLiteral("strategy"), Qt::CaseInsensitive) == 0);
    const int first = pane.view()->textCursor().selectionStart();

    QTest::keyClick(field, Qt::Key_Return);
    CHECK(pane.findBar()->countLabel()->text() == QStringLiteral("2 of %1").arg(expected));
    CHECK(pane.view()->textCursor().selectionStart() > first);
    QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
    CHECK(pane.findBar()->countLabel()->text() == QStringLiteral("%1 of %1").arg(expected));

    QTest::keyClicks(field, QStringLiteral("zzqx"));
    CHECK(pane.findBar()->countLabel()->text() == QStringLiteral("No matches"));
    QTest::keyClick(field, Qt::Key_Escape);
    CHECK_FALSE(pane.findBar()->isVisible());
}

TEST_CASE("A manuscript's block quotations show as quotations, without their Markdown markers", "[document-view]") {
    SampleProject sample;
    DocumentView view;
    view.resize(900, 600);
    view.setProject(sample.project.get());
    view.show();
    auto sources = SourceRepository(*sample.project).list();
    REQUIRE(sources.ok());
    qint64 manuscript = 0;
    for (const Source& s : *sources)
        if (s.kind == SourceKind::Manuscript) manuscript = s.id;
    REQUIRE(manuscript != 0);
    view.showSource(manuscript);
    int quoted = 0;
    for (QTextBlock block = view.document()->begin(); block.isValid(); block = block.next()) {
        if (!block.text().startsWith(u'>')) continue;
        ++quoted;
        bool hidden = false, set = false;
        for (const QTextLayout::FormatRange& r : block.layout()->formats()) {
            hidden = hidden || (r.start == 0 && r.format.foreground().color().alpha() == 0);
            set = set || (r.start > 0 && r.format.fontItalic());
        }
        INFO(block.text().toStdString());
        CHECK(hidden);
        CHECK(set);
    }
    CHECK(quoted > 0);
    CHECK(view.toPlainText() == view.sourceText()); // the markers stay in the text: offsets are the source's
}
