#include "CodingStripeArea.h"

#include <QHelpEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

namespace warrant {

CodingStripeArea::CodingStripeArea(DocumentView* view) : QWidget(view), m_view(view) {
    setMouseTracking(true);
}

int CodingStripeArea::preferredWidth() const {
    const int lanes = std::min(m_view->codingLanes().laneCount(), kMaxLanes);
    return lanes == 0 ? 0 : 2 * kPadding + lanes * kLaneStride - (kLaneStride - kBarWidth);
}

QRect CodingStripeArea::barRect(const DocumentView::StripeBar& bar) const {
    const CodingSpan& span = m_view->codingLanes().spans()[std::size_t(bar.span)];
    const int lane = std::min(span.lane, kMaxLanes - 1);
    return QRect(kPadding + lane * kLaneStride, bar.top, kBarWidth, std::max(2, bar.bottom - bar.top));
}

std::optional<qint64> CodingStripeArea::codingAt(const QPoint& pos) const {
    std::optional<qint64> found;
    int shortest = 0;
    for (const DocumentView::StripeBar& bar : m_view->visibleStripeBars()) {
        // Half the gap on either side counts, so thin bars are easy to hit.
        const QRect hit =
            barRect(bar).adjusted(-(kLaneStride - kBarWidth) / 2, 0, (kLaneStride - kBarWidth) / 2, 0);
        if (!hit.contains(pos)) continue;
        const CodingSpan& span = m_view->codingLanes().spans()[std::size_t(bar.span)];
        if (!found || span.end - span.start < shortest) {
            found = span.codingId;
            shortest = span.end - span.start;
        }
    }
    return found;
}

void CodingStripeArea::paintEvent(QPaintEvent* event) {
    QPainter painter(this);
    painter.fillRect(event->rect(), palette().base());
    const auto& spans = m_view->codingLanes().spans();
    for (const DocumentView::StripeBar& bar : m_view->visibleStripeBars()) {
        const QRect r = barRect(bar);
        if (r.intersects(event->rect())) painter.fillRect(r, spans[std::size_t(bar.span)].colour);
    }
}

void CodingStripeArea::mousePressEvent(QMouseEvent* event) {
    const std::optional<qint64> codingId = codingAt(event->position().toPoint());
    if (!codingId) return QWidget::mousePressEvent(event);
    if (event->button() == Qt::LeftButton) {
        m_view->activateCoding(*codingId);
    } else if (event->button() == Qt::RightButton) {
        QMenu* menu = m_view->createCodingMenu(*codingId);
        menu->exec(event->globalPosition().toPoint());
        delete menu;
    }
    event->accept();
}

bool CodingStripeArea::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const std::optional<qint64> codingId = codingAt(help->pos());
        const CodingSpan* span = codingId ? m_view->codingLanes().find(*codingId) : nullptr;
        if (span)
            QToolTip::showText(help->globalPos(), span->label, this);
        else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace warrant
