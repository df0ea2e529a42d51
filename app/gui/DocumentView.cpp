#include "DocumentView.h"

#include "CodingStripeArea.h"
#include "TextRangeMime.h"
#include "TurnNumberArea.h"
#include "store/CodebookRepository.h"
#include "store/CodingRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextLayout>
#include <algorithm>
#include <unordered_map>

namespace warrant {

namespace {

// Mixes the code colour into white: readable black text on a light tint.
QColor tintOf(const QColor& colour) {
    constexpr double strength = 0.32;
    return QColor::fromRgbF(float(1.0 - strength * (1.0 - colour.redF())),
                            float(1.0 - strength * (1.0 - colour.greenF())),
                            float(1.0 - strength * (1.0 - colour.blueF())));
}

bool isWordChar(QChar c) {
    return c.isLetterOrNumber() || c == u'\'' || c == QChar(0x2019) || c == u'_' || c.isMark();
}

const QColor kInterviewerBand(0xf3, 0xf4, 0xf6);
const QColor kInterviewerText(0x5f, 0x63, 0x68);
const QColor kHeaderText(0x77, 0x77, 0x77);
const QColor kSearchHit(0xff, 0xec, 0x5c);
const QColor kQuoteUnderline(0x2e, 0x8b, 0x3e);
const QColor kQuotedText(0x3c, 0x4a, 0x5c);

} // namespace

DocumentView::DocumentView(QWidget* parent) : QPlainTextEdit(parent) {
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    document()->setUndoRedoEnabled(false);
    document()->setDocumentMargin(8);
    m_turnArea = new TurnNumberArea(this);
    m_stripeArea = new CodingStripeArea(this);
    connect(this, &QPlainTextEdit::updateRequest, this, &DocumentView::updateMarginAreas);
    connect(this, &QPlainTextEdit::selectionChanged, this, &DocumentView::selectionRangeChanged);
    updateMargins();
}

DocumentView::~DocumentView() = default;

void DocumentView::setProject(Project* project) {
    m_project = project;
    clearSource();
}

void DocumentView::clearSource() {
    const bool changed = m_sourceId != 0;
    m_sourceId = 0;
    m_text.clear();
    m_offsets = TextOffsets(QString());
    m_turns.clear();
    m_turnSpans.clear();
    m_blockTurns.clear();
    m_lanes.clear();
    m_searchRanges.clear();
    m_quoteRanges.clear();
    m_formattedBlocks.clear();
    setPlainText(QString());
    updateMargins();
    if (changed) Q_EMIT sourceChanged(0);
}

void DocumentView::showSource(qint64 sourceId) {
    if (!m_project || sourceId <= 0) return clearSource();
    SourceRepository sources(*m_project);
    auto source = sources.get(sourceId);
    auto turns = sources.turns(sourceId);
    if (!source || !*source || !turns) return clearSource();

    m_sourceId = sourceId;
    m_text = (*source)->text;
    m_offsets = TextOffsets(m_text);
    m_turns = std::move(*turns);
    m_searchRanges.clear();
    m_quoteRanges.clear();
    m_formattedBlocks.clear(); // setPlainText makes new blocks without formats
    setPlainText(m_text);
    indexTurns();

    m_lanes.clear();
    reloadCodings(); // also builds the formats and sizes the margins
    Q_EMIT sourceChanged(sourceId);
}

int DocumentView::toDocument(qsizetype codePoint) const {
    return int(m_offsets.utf16FromCodePoint(codePoint));
}

qsizetype DocumentView::toCodePoint(int position) const {
    return m_offsets.codePointFromUtf16(position);
}

void DocumentView::indexTurns() {
    m_turnSpans.clear();
    m_blockTurns.assign(std::size_t(document()->blockCount()), BlockTurn{});
    for (std::size_t i = 0; i < m_turns.size(); ++i) {
        TurnSpan span;
        span.start = toDocument(m_turns[i].start);
        span.end = std::max(span.start, toDocument(m_turns[i].end));
        // Turns cover the speech; the label ("INT: ") is written before it on the same line.
        span.labelStart = span.start > 0 ? int(m_text.lastIndexOf(u'\n', span.start - 1)) + 1 : 0;
        if (span.start - span.labelStart > 80) span.labelStart = span.start; // not a label
        if (!m_turnSpans.empty()) span.labelStart = std::max(span.labelStart, m_turnSpans.back().end);
        m_turnSpans.push_back(span);

        QTextBlock block = document()->findBlock(span.labelStart);
        bool first = true;
        while (block.isValid() && block.position() < std::max(span.end, span.labelStart + 1)) {
            BlockTurn& info = m_blockTurns[std::size_t(block.blockNumber())];
            if (info.turn < 0) info = BlockTurn{int(i), first};
            first = false;
            block = block.next();
        }
    }
}

void DocumentView::reloadCodings() {
    const int vertical = verticalScrollBar()->value();
    const int horizontal = horizontalScrollBar()->value();

    std::vector<CodingSpan> spans;
    if (m_project && m_sourceId > 0) {
        std::unordered_map<qint64, QColor> colours;
        if (auto codes = CodebookRepository(*m_project).list())
            for (const Code& code : *codes)
                colours[code.id] = QColor(code.colour);
        SegmentFilter filter;
        filter.sourceId = m_sourceId;
        auto segments = CodingRepository(*m_project).segments(filter);
        if (!segments)
            qWarning("Document view: %s", qPrintable(segments.errorMessage()));
        else
            for (const CodedSegment& segment : *segments) {
                CodingSpan span;
                span.codingId = segment.codingId;
                span.codeId = segment.codeId;
                span.start = toDocument(segment.start);
                span.end = toDocument(segment.end);
                const QColor colour = colours[segment.codeId];
                span.colour = colour.isValid() ? colour : QColor(0x88, 0x88, 0x88);
                span.label = QStringLiteral("%1 — %2").arg(segment.codePath, segment.coder);
                spans.push_back(std::move(span));
            }
    }
    m_lanes.assign(std::move(spans));
    rebuildFormats();
    updateMargins();
    verticalScrollBar()->setValue(vertical);
    horizontalScrollBar()->setValue(horizontal);
}

void DocumentView::setCodeHighlighting(bool on) {
    if (m_codeHighlighting == on) return;
    m_codeHighlighting = on;
    rebuildFormats();
}

std::vector<std::pair<int, int>> DocumentView::documentRanges(const std::vector<TextLocation>& ranges) const {
    std::vector<std::pair<int, int>> result;
    for (const TextLocation& location : ranges)
        if (m_sourceId > 0 && location.sourceId == m_sourceId && location.end > location.start)
            result.emplace_back(toDocument(location.start), toDocument(location.end));
    return result;
}

void DocumentView::setSearchHighlights(const std::vector<TextLocation>& ranges) {
    m_searchRanges = documentRanges(ranges);
    rebuildFormats();
}

void DocumentView::setQuoteHighlights(const std::vector<TextLocation>& ranges) {
    m_quoteRanges = documentRanges(ranges);
    rebuildFormats();
}

// Every style is a QTextLayout::FormatRange on its block: computed here once per change, then
// painting a block costs the same with 10 codings or 10,000. Later ranges override earlier ones
// property by property, so codings go longest first (the innermost tint wins), then search hits.
void DocumentView::rebuildFormats() {
    QTextDocument* doc = document();
    std::vector<QList<QTextLayout::FormatRange>> formats(std::size_t(doc->blockCount()));
    const auto add = [&](int from, int to, const QTextCharFormat& format) {
        if (to <= from) return;
        QTextBlock block = doc->findBlock(from);
        int number = block.blockNumber();
        while (block.isValid() && block.position() < to) {
            const int blockStart = block.position();
            const int start = std::max(from, blockStart);
            const int end = std::min(to, blockStart + block.length() - 1);
            if (end > start) formats[std::size_t(number)].append({start - blockStart, end - start, format});
            block = block.next();
            ++number;
        }
    };

    QTextCharFormat header;
    header.setForeground(kHeaderText);
    QTextCharFormat label;
    label.setFontWeight(QFont::Bold);
    QTextCharFormat interviewer;
    interviewer.setForeground(kInterviewerText);
    if (!m_turnSpans.empty()) add(0, m_turnSpans.front().labelStart, header);
    for (std::size_t i = 0; i < m_turnSpans.size(); ++i) {
        const TurnSpan& span = m_turnSpans[i];
        if (m_turns[i].isInterviewer) add(span.labelStart, span.end, interviewer);
        add(span.labelStart, span.start, label);
    }

    if (m_turns.empty()) addBlockQuoteFormats(add);

    if (m_codeHighlighting) {
        std::vector<const CodingSpan*> byLength;
        byLength.reserve(m_lanes.spans().size());
        for (const CodingSpan& span : m_lanes.spans())
            byLength.push_back(&span);
        std::stable_sort(byLength.begin(), byLength.end(), [](const CodingSpan* a, const CodingSpan* b) {
            return a->end - a->start > b->end - b->start;
        });
        for (const CodingSpan* span : byLength) {
            QTextCharFormat tint;
            tint.setBackground(tintOf(span->colour));
            add(span->start, span->end, tint);
        }
    }

    QTextCharFormat hit;
    hit.setBackground(kSearchHit);
    for (const auto& [from, to] : m_searchRanges)
        add(from, to, hit);
    QTextCharFormat quote;
    quote.setFontUnderline(true);
    quote.setUnderlineStyle(QTextCharFormat::SingleUnderline);
    quote.setUnderlineColor(kQuoteUnderline);
    for (const auto& [from, to] : m_quoteRanges)
        add(from, to, quote);

    // Only touch blocks that have formats now or had them before.
    std::vector<int> formatted;
    for (std::size_t i = 0; i < formats.size(); ++i)
        if (!formats[i].isEmpty()) formatted.push_back(int(i));
    std::vector<int> touched;
    std::set_union(m_formattedBlocks.begin(), m_formattedBlocks.end(), formatted.begin(), formatted.end(),
                   std::back_inserter(touched));
    for (int number : touched) {
        const QTextBlock block = doc->findBlockByNumber(number);
        if (block.isValid() && block.layout()) block.layout()->setFormats(formats[std::size_t(number)]);
    }
    m_formattedBlocks = std::move(formatted);
    // The layouts were reset by setFormats; tell the document layout so it lays them out again.
    if (!touched.empty()) doc->markContentsDirty(0, doc->characterCount());
    viewport()->update();
}

template <typename Add>
void DocumentView::addBlockQuoteFormats(const Add& add) {
    // A Markdown block quotation ("> …") reads as an indented quotation: its markers are kept in
    // the text (offsets stay the source's) but not shown, and the quoted words are set apart.
    QTextCharFormat marker;
    marker.setForeground(Qt::transparent);
    QTextCharFormat quoted;
    quoted.setFontItalic(true);
    quoted.setForeground(kQuotedText);
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        const QString line = block.text();
        qsizetype at = 0;
        while (at < line.size() && line.at(at) == u' ') ++at;
        if (at >= line.size() || line.at(at) != u'>') continue;
        qsizetype text = at + 1;
        while (text < line.size() && (line.at(text) == u' ' || line.at(text) == u'>')) ++text;
        const int start = block.position();
        add(start + int(at), start + int(text), marker);
        add(start + int(text), start + int(line.size()), quoted);
    }
}

void DocumentView::updateMargins() {
    const int left = m_turns.empty() ? 0 : m_turnArea->preferredWidth();
    const int right = m_stripeArea->preferredWidth();
    setViewportMargins(left, 0, right, 0);
    placeMargins();
}

// Beside the viewport, not the contents rect: the vertical scroll bar sits inside the latter.
void DocumentView::placeMargins() {
    const QRect viewportArea = viewport()->geometry();
    const int left = m_turns.empty() ? 0 : m_turnArea->preferredWidth();
    const int right = m_stripeArea->preferredWidth();
    m_turnArea->setGeometry(viewportArea.left() - left, viewportArea.top(), left, viewportArea.height());
    m_stripeArea->setGeometry(viewportArea.right() + 1, viewportArea.top(), right, viewportArea.height());
    m_turnArea->update();
    m_stripeArea->update();
}

void DocumentView::updateMarginAreas(const QRect& rect, int dy) {
    if (dy != 0) {
        m_turnArea->scroll(0, dy);
        m_stripeArea->scroll(0, dy);
    } else {
        m_turnArea->update(0, rect.y(), m_turnArea->width(), rect.height());
        m_stripeArea->update(0, rect.y(), m_stripeArea->width(), rect.height());
    }
}

// Also called when only the viewport changes size (a scroll bar appears).
void DocumentView::resizeEvent(QResizeEvent* event) {
    QPlainTextEdit::resizeEvent(event);
    placeMargins();
}

void DocumentView::paintEvent(QPaintEvent* event) {
    // Interviewer turns get a full-width band behind the text (a character background would
    // stop at each line's last word).
    if (!m_blockTurns.empty()) {
        QPainter painter(viewport());
        for (const VisibleBlock& v : visibleBlocks()) {
            const auto number = std::size_t(v.block.blockNumber());
            const BlockTurn info = number < m_blockTurns.size() ? m_blockTurns[number] : BlockTurn{};
            if (info.turn >= 0 && m_turns[std::size_t(info.turn)].isInterviewer)
                painter.fillRect(QRectF(0, v.rect.top(), viewport()->width(), v.rect.height()), kInterviewerBand);
        }
    }
    QPlainTextEdit::paintEvent(event);
}

std::vector<DocumentView::VisibleBlock> DocumentView::visibleBlocks() const {
    std::vector<VisibleBlock> shown;
    const QPointF offset = contentOffset();
    const int height = viewport()->height();
    for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
        const QRectF r = blockBoundingGeometry(block).translated(offset);
        if (r.top() > height) break;
        shown.push_back({block, r});
    }
    return shown;
}

std::vector<DocumentView::TurnMark> DocumentView::visibleTurnMarks() const {
    std::vector<TurnMark> marks;
    if (m_blockTurns.empty()) return marks;
    for (const VisibleBlock& v : visibleBlocks()) {
        const auto number = std::size_t(v.block.blockNumber());
        if (number < m_blockTurns.size() && m_blockTurns[number].startsTurn) {
            const QTextLine line = v.block.layout() ? v.block.layout()->lineAt(0) : QTextLine();
            marks.push_back({m_blockTurns[number].turn, int(v.rect.top()),
                             line.isValid() ? int(line.height()) : fontMetrics().height()});
        }
    }
    return marks;
}

std::vector<DocumentView::StripeBar> DocumentView::visibleStripeBars() const {
    std::vector<StripeBar> bars;
    if (m_lanes.spans().empty()) return bars;
    using Shown = VisibleBlock;
    const std::vector<Shown> shown = visibleBlocks();
    const int height = viewport()->height();
    if (shown.empty()) return bars;
    const int from = shown.front().block.position();
    const int to = shown.back().block.position() + shown.back().block.length();

    // Viewport y of the top (or bottom) of the line holding `position`; outside the shown
    // blocks: just beyond the viewport edge, so the bar runs off it.
    const auto yOf = [&](int position, bool bottom) -> int {
        if (position < from) return -1;
        if (position >= to) return height + 1;
        auto it = std::upper_bound(shown.begin(), shown.end(), position,
                                   [](int p, const Shown& s) { return p < s.block.position(); });
        const Shown& s = *(it - 1);
        const QTextLine line = s.block.layout()->lineForTextPosition(position - s.block.position());
        if (!line.isValid()) return int(s.rect.top());
        return int(s.rect.top() + line.y() + (bottom ? line.height() : 0));
    };
    for (int index : m_lanes.overlapping(from, to)) {
        const CodingSpan& span = m_lanes.spans()[std::size_t(index)];
        bars.push_back({index, yOf(span.start, false), yOf(span.end - 1, true)});
    }
    return bars;
}

int DocumentView::turnIndexAtPosition(int position) const {
    auto it = std::upper_bound(m_turnSpans.begin(), m_turnSpans.end(), position,
                               [](int p, const TurnSpan& s) { return p < s.labelStart; });
    if (it == m_turnSpans.begin()) return -1;
    --it;
    return position < std::max(it->end, it->labelStart + 1) ? int(it - m_turnSpans.begin()) : -1;
}

int DocumentView::turnNumberAt(qsizetype offset) const {
    const int index = turnIndexAtPosition(toDocument(offset));
    return index < 0 ? 0 : m_turns[std::size_t(index)].number;
}

std::optional<TextLocation> DocumentView::selectedRange() const {
    const QTextCursor cursor = textCursor();
    if (m_sourceId <= 0 || !cursor.hasSelection()) return std::nullopt;
    return TextLocation{m_sourceId, toCodePoint(cursor.selectionStart()), toCodePoint(cursor.selectionEnd())};
}

void DocumentView::selectRange(qsizetype start, qsizetype end) {
    selectDocumentRange(toDocument(start), toDocument(end));
}

void DocumentView::selectDocumentRange(int from, int to) {
    const int length = int(m_text.size());
    from = std::clamp(from, 0, length);
    to = std::clamp(to, from, length);
    QTextCursor cursor(document());
    // The cursor end sits at the range's start, so centring it shows where the range begins.
    cursor.setPosition(to);
    cursor.setPosition(from, QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    centerCursor();
}

void DocumentView::snapSelectionToWords() {
    QTextCursor cursor = textCursor();
    if (!cursor.hasSelection()) return;
    const qsizetype length = m_text.size();
    int start = cursor.selectionStart();
    int end = cursor.selectionEnd();
    while (start > 0 && start < length && isWordChar(m_text[start - 1]) && isWordChar(m_text[start]))
        --start;
    while (end > 0 && end < length && isWordChar(m_text[end - 1]) && isWordChar(m_text[end]))
        ++end;
    if (start == cursor.selectionStart() && end == cursor.selectionEnd()) return;
    const bool forward = cursor.anchor() <= cursor.position();
    cursor.setPosition(forward ? start : end);
    cursor.setPosition(forward ? end : start, QTextCursor::KeepAnchor);
    setTextCursor(cursor);
}

TextLocation DocumentView::codingLocation(qint64 codingId) const {
    const CodingSpan* span = m_lanes.find(codingId);
    if (!span) return {};
    return TextLocation{m_sourceId, toCodePoint(span->start), toCodePoint(span->end)};
}

void DocumentView::activateCoding(qint64 codingId) {
    const CodingSpan* span = m_lanes.find(codingId);
    if (!span) return;
    QTextCursor cursor(document());
    cursor.setPosition(span->end);
    cursor.setPosition(span->start, QTextCursor::KeepAnchor);
    setTextCursor(cursor); // scrolls only if the start is out of view
    Q_EMIT codingClicked(codingId);
}

void DocumentView::mousePressEvent(QMouseEvent* event) {
    m_mouseSelecting = event->button() == Qt::LeftButton;
    QPlainTextEdit::mousePressEvent(event);
}

void DocumentView::mouseReleaseEvent(QMouseEvent* event) {
    QPlainTextEdit::mouseReleaseEvent(event);
    if (m_mouseSelecting && event->button() == Qt::LeftButton && !(event->modifiers() & Qt::AltModifier))
        snapSelectionToWords();
    m_mouseSelecting = false;
}

QMimeData* DocumentView::createMimeDataFromSelection() const {
    QMimeData* mime = QPlainTextEdit::createMimeDataFromSelection();
    if (mime)
        if (const auto range = selectedRange()) TextRangeMime::write(*mime, *range);
    return mime;
}

QMenu* DocumentView::createTextMenu(const QPoint& viewportPos) {
    QMenu* menu = createStandardContextMenu();
    const std::optional<TextLocation> selection = selectedRange();
    const int turn =
        selection
            ? turnNumberAt(selection->start)
            : (m_sourceId > 0 ? turnNumberAt(toCodePoint(cursorForPosition(viewportPos).position())) : 0);
    const bool writable = m_project && !m_project->readOnly();

    QAction* first = menu->actions().value(0);
    const auto add = [&](const QString& text, bool enabled, auto slot) {
        auto* action = new QAction(text, menu);
        action->setEnabled(enabled);
        connect(action, &QAction::triggered, this, slot);
        menu->insertAction(first, action);
    };
    add(tr("Code Selection…"), selection && writable, [this] { Q_EMIT codeSelectionRequested(); });
    add(tr("Code Whole Turn"), turn > 0 && writable,
        [this, turn] { Q_EMIT codeTurnRequested(m_sourceId, turn); });
    const TextLocation location = selection.value_or(TextLocation{});
    add(tr("In-Vivo Code"), selection && writable, [this, location] { Q_EMIT inVivoRequested(location); });
    add(tr("Link to Claim…"), selection.has_value(),
        [this, location] { Q_EMIT linkToClaimRequested(location); });
    if (first) menu->insertSeparator(first);
    return menu;
}

QMenu* DocumentView::createCodingMenu(qint64 codingId) {
    auto* menu = new QMenu(this);
    const bool writable = m_project && !m_project->readOnly();
    menu->addAction(tr("Remove Coding"), this, [this, codingId] { Q_EMIT uncodeRequested(codingId); })
        ->setEnabled(writable);
    menu->addAction(tr("Recode…"), this, [this, codingId] { Q_EMIT recodeRequested(codingId); })
        ->setEnabled(writable);
    menu->addAction(tr("Memo…"), this, [this, codingId] { Q_EMIT memoRequested(codingId); });
    const TextLocation location = codingLocation(codingId);
    menu->addAction(tr("Link to Claim…"), this, [this, location] { Q_EMIT linkToClaimRequested(location); });
    return menu;
}

void DocumentView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu* menu = createTextMenu(event->pos());
    menu->exec(event->globalPos());
    delete menu;
}

} // namespace warrant
