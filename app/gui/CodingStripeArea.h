#pragma once

#include "DocumentView.h"

#include <QWidget>
#include <optional>

namespace warrant {

// The document view's right margin: one coloured bar per coding beside the lines it covers,
// overlapping codings side by side in lanes (CodingLanes). Hovering names the code and coder,
// a left click selects the coded text, a right click offers the coding's actions.
// Painting visits only the codings overlapping the visible text.
class CodingStripeArea : public QWidget {
    Q_OBJECT
  public:
    static constexpr int kPadding = 3;
    static constexpr int kBarWidth = 5;
    static constexpr int kLaneStride = 7;
    static constexpr int kMaxLanes = 24; // deeper overlaps share the last lane

    explicit CodingStripeArea(DocumentView* view);

    int preferredWidth() const;
    QSize sizeHint() const override { return {preferredWidth(), 0}; }
    // Where a bar is drawn, in this widget's coordinates.
    QRect barRect(const DocumentView::StripeBar& bar) const;
    // The coding whose bar is under `pos`; the shortest one when several are.
    std::optional<qint64> codingAt(const QPoint& pos) const;

  protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;

  private:
    DocumentView* m_view;
};

} // namespace warrant
