#pragma once

#include <QColor>
#include <QString>
#include <QtGlobal>
#include <vector>

namespace warrant {

// One coding as the document view draws it: a span of the shown document (UTF-16 positions,
// what QTextCursor uses) with its code colour and the tooltip the stripe shows.
struct CodingSpan {
    qint64 codingId = 0;
    qint64 codeId = 0;
    int start = 0; // UTF-16 document position, inclusive
    int end = 0;   // exclusive
    QColor colour;
    QString label; // "Code path — coder"
    int lane = 0;  // set by CodingLanes
};

// Assigns overlapping codings to side-by-side lanes (greedy interval colouring: each span takes
// the lowest lane free at its start) and answers "which spans touch this range" without visiting
// all of them, so the stripe margin's paint cost follows what is visible, not the project size.
class CodingLanes {
  public:
    CodingLanes() = default;
    explicit CodingLanes(std::vector<CodingSpan> spans) { assign(std::move(spans)); }

    // Replaces the spans (empty ones are dropped) and assigns lanes.
    void assign(std::vector<CodingSpan> spans);
    void clear() { assign({}); }

    int laneCount() const { return m_laneCount; }
    // Sorted by start, then longer first.
    const std::vector<CodingSpan>& spans() const { return m_spans; }
    // Indexes into spans() of the spans overlapping [from, to), in spans() order.
    std::vector<int> overlapping(int from, int to) const;
    // The span with this coding id, or nullptr.
    const CodingSpan* find(qint64 codingId) const;

  private:
    std::vector<CodingSpan> m_spans;
    int m_laneCount = 0;
    int m_maxLength = 0; // bounds the backward reach of overlapping()
};

} // namespace warrant
