#include "TurnNumberArea.h"

#include "DocumentView.h"

#include <QPaintEvent>
#include <QPainter>
#include <algorithm>

namespace warrant {

TurnNumberArea::TurnNumberArea(DocumentView* view) : QWidget(view), m_view(view) {
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.8));
    setFont(small);
}

QString TurnNumberArea::mediaTimeText(qint64 ms) {
    const qint64 s = ms / 1000;
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
}

int TurnNumberArea::preferredWidth() const {
    const auto& turns = m_view->turns();
    if (turns.empty()) return 0;
    const bool timed =
        std::any_of(turns.begin(), turns.end(), [](const Turn& t) { return t.mediaTimeMs.has_value(); });
    const QString widest = timed ? QStringLiteral("0:00:00") : QString::number(turns.back().number);
    return fontMetrics().horizontalAdvance(widest) + 12;
}

void TurnNumberArea::paintEvent(QPaintEvent* event) {
    QPainter painter(this);
    painter.fillRect(event->rect(), palette().window().color().lighter(104));
    const auto& turns = m_view->turns();
    const int lineHeight = fontMetrics().height();
    const QRect textArea = rect().adjusted(0, 0, -6, 0);
    for (const DocumentView::TurnMark& mark : m_view->visibleTurnMarks()) {
        const Turn& turn = turns[std::size_t(mark.turnIndex)];
        painter.setPen(turn.isInterviewer ? QColor(0xa0, 0xa0, 0xa0) : QColor(0x70, 0x70, 0x70));
        // Baseline-align the number with the turn's first text line.
        const int top = mark.top + std::max(0, (mark.lineHeight - lineHeight) / 2);
        painter.drawText(QRect(textArea.left(), top, textArea.width(), lineHeight),
                         Qt::AlignRight | Qt::AlignVCenter, QString::number(turn.number));
        if (turn.mediaTimeMs)
            painter.drawText(QRect(textArea.left(), top + lineHeight, textArea.width(), lineHeight),
                             Qt::AlignRight | Qt::AlignVCenter, mediaTimeText(*turn.mediaTimeMs));
    }
}

} // namespace warrant
