#pragma once

#include "CodingLanes.h"
#include "TextLocation.h"
#include "model/Turn.h"
#include "text/TextOffsets.h"

#include <QPlainTextEdit>
#include <QTextBlock>
#include <optional>
#include <utility>
#include <vector>

class QMenu;

namespace warrant {

class CodingStripeArea;
class Project;
class TurnNumberArea;

// The centre of the workbench: one source's text, read-only, exactly as stored (document
// positions are the source text's UTF-16 indexes, so TextOffsets maps them to the code points
// the project uses). Speaker labels are bold, interviewer turns grey on a light band, turn
// numbers and media times sit in the left margin, coded text is tinted in its code's colour and
// each coding has a stripe in the right margin.
//
// Styling lives in each block's QTextLayout formats, computed once per change, so painting
// costs the same however many codings the source has. The view only reads the project; every
// change the user asks for leaves as a *Requested signal for the main window to carry out
// (then it calls reloadCodings()).
class DocumentView : public QPlainTextEdit {
    Q_OBJECT
  public:
    // One coding's stripe where the margin draws it: viewport y, clipped to just outside the
    // viewport when the coding continues above or below.
    struct StripeBar {
        int span = 0; // index into codingLanes().spans()
        int top = 0;
        int bottom = 0;
    };
    // The first line of a turn in the viewport, for the turn-number margin.
    struct TurnMark {
        int turnIndex = 0; // into turns()
        int top = 0;
        int lineHeight = 0;
    };

    explicit DocumentView(QWidget* parent = nullptr);
    ~DocumentView() override;

    // nullptr clears the view. The project must outlive the view or be replaced first.
    void setProject(Project* project);
    Project* project() const { return m_project; }
    // Shows the source's text, turns and codings; an unknown id (or 0) clears the view.
    void showSource(qint64 sourceId);
    qint64 sourceId() const { return m_sourceId; }
    const QString& sourceText() const { return m_text; }
    const std::vector<Turn>& turns() const { return m_turns; }

    // Re-reads the shown source's codings and code colours (after coding or codebook changes),
    // keeping the scroll position.
    void reloadCodings();
    void setCodeHighlighting(bool on);
    bool codeHighlighting() const { return m_codeHighlighting; }

    // Search hits (yellow) and verified quotations (green underline); ranges of other sources
    // are ignored. Each call replaces the previous set.
    void setSearchHighlights(const std::vector<TextLocation>& ranges);
    void setQuoteHighlights(const std::vector<TextLocation>& ranges);

    // The selection in code points of the source text; nullopt when nothing is selected.
    std::optional<TextLocation> selectedRange() const;
    // Selects [start, end) (code points) and scrolls so it is centred.
    void selectRange(qsizetype start, qsizetype end);
    // The same in document (UTF-16) positions, for the find bar.
    void selectDocumentRange(int from, int to);
    // Widens the selection to whole words (what a mouse selection does on release without Alt).
    void snapSelectionToWords();
    // The 1-based number of the turn containing `offset` (code points; its speaker label counts
    // as part of the turn); 0 outside any turn.
    int turnNumberAt(qsizetype offset) const;
    // The location of a shown coding, or an invalid location.
    TextLocation codingLocation(qint64 codingId) const;

    // For the margins and tests.
    const CodingLanes& codingLanes() const { return m_lanes; }
    std::vector<StripeBar> visibleStripeBars() const;
    std::vector<TurnMark> visibleTurnMarks() const;
    CodingStripeArea* stripeArea() const { return m_stripeArea; }
    TurnNumberArea* turnNumberArea() const { return m_turnArea; }
    // The menus the view shows (children of the view; the caller deletes them): for the text at
    // `viewportPos`, and for one coding's stripe.
    QMenu* createTextMenu(const QPoint& viewportPos);
    QMenu* createCodingMenu(qint64 codingId);
    // A stripe was clicked: selects the coded text and emits codingClicked.
    void activateCoding(qint64 codingId);

  Q_SIGNALS:
    // Another source is shown (0: none).
    void sourceChanged(qint64 sourceId);
    // The selection changed (selectedRange() tells what it is now).
    void selectionRangeChanged();
    // A coding's stripe was clicked; its text is now selected.
    void codingClicked(qint64 codingId);
    // Remove this coding (stripe menu "Remove Coding").
    void uncodeRequested(qint64 codingId);
    // Give this coding's text another code instead (stripe menu "Recode…").
    void recodeRequested(qint64 codingId);
    // Write or edit a memo on this coding (stripe menu "Memo…").
    void memoRequested(qint64 codingId);
    // Link this range (the selection or a coding's text) to a claim of the manuscript.
    void linkToClaimRequested(const warrant::TextLocation& location);
    // Apply a code to the current selection (selectedRange()); the main window asks which code.
    void codeSelectionRequested();
    // Apply a code to the whole turn `turnNumber` of `sourceId`.
    void codeTurnRequested(qint64 sourceId, int turnNumber);
    // Create a code named after the selected words and apply it to them.
    void inVivoRequested(const warrant::TextLocation& location);

  protected:
    void resizeEvent(QResizeEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    QMimeData* createMimeDataFromSelection() const override;

  private:
    // A block in (or overlapping) the viewport, with its rectangle in viewport coordinates.
    struct VisibleBlock {
        QTextBlock block;
        QRectF rect;
    };
    std::vector<VisibleBlock> visibleBlocks() const;
    // Per document block: which turn it belongs to (-1: none) and whether the turn starts in it.
    struct BlockTurn {
        int turn = -1;
        bool startsTurn = false;
    };
    // A turn in document positions: the label line starts at labelStart, the speech at start.
    struct TurnSpan {
        int labelStart = 0;
        int start = 0;
        int end = 0;
    };

    void clearSource();
    void indexTurns();
    void rebuildFormats();
    template <typename Add>
    void addBlockQuoteFormats(const Add& add);
    void updateMargins();
    void placeMargins();
    void updateMarginAreas(const QRect& rect, int dy);
    int toDocument(qsizetype codePoint) const;
    qsizetype toCodePoint(int position) const;
    std::vector<std::pair<int, int>> documentRanges(const std::vector<TextLocation>& ranges) const;
    int turnIndexAtPosition(int position) const;

    Project* m_project = nullptr;
    qint64 m_sourceId = 0;
    QString m_text;
    TextOffsets m_offsets{QString()};
    std::vector<Turn> m_turns;
    std::vector<TurnSpan> m_turnSpans;
    std::vector<BlockTurn> m_blockTurns;
    CodingLanes m_lanes;
    std::vector<std::pair<int, int>> m_searchRanges;
    std::vector<std::pair<int, int>> m_quoteRanges;
    std::vector<int> m_formattedBlocks; // blocks whose layouts carry formats, to clear next time
    bool m_codeHighlighting = true;
    bool m_mouseSelecting = false;
    CodingStripeArea* m_stripeArea = nullptr;
    TurnNumberArea* m_turnArea = nullptr;
};

} // namespace warrant
