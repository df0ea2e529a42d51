#include "VerdictBadge.h"

#include "ClaimStatus.h"
#include "trace/AuditReport.h"
#include "trace/report/AuditFacts.h"

#include <QFontMetrics>
#include <QPainter>
#include <QRect>

namespace warrant {

namespace {

constexpr int kPadX = 7;
constexpr int kPadY = 1;

VerdictBadge::Tone toneOf(AuditFacts::Severity severity) {
    switch (severity) {
    case AuditFacts::Severity::Ok:
        return VerdictBadge::Tone::Ok;
    case AuditFacts::Severity::Neutral:
        return VerdictBadge::Tone::Neutral;
    case AuditFacts::Severity::Note:
        return VerdictBadge::Tone::Note;
    case AuditFacts::Severity::Problem:
        return VerdictBadge::Tone::Problem;
    }
    return VerdictBadge::Tone::Neutral;
}

} // namespace

VerdictBadge::Tone VerdictBadge::tone(const QString& name) {
    QuoteVerdict verdict;
    if (parseQuoteVerdict(name, &verdict)) return toneOf(AuditFacts::severity(verdict));
    for (ClaimCheck check : AuditFacts::checks())
        if (claimCheckName(check) == name) return toneOf(AuditFacts::severity(check));
    if (name == ClaimStatus::verified() || name == ClaimStatus::supported()) return Tone::Ok;
    if (name == ClaimStatus::suggested()) return Tone::Note;
    return Tone::Neutral;
}

QString VerdictBadge::label(const QString& name) {
    QString text = name;
    return text.replace(u'-', u' ');
}

QColor VerdictBadge::foreground(Tone tone) {
    switch (tone) {
    case Tone::Ok:
        return QColor(0x1a, 0x7f, 0x37);
    case Tone::Neutral:
        return QColor(0x4b, 0x55, 0x63);
    case Tone::Note:
        return QColor(0x8a, 0x5a, 0x00);
    case Tone::Problem:
        return QColor(0xb4, 0x23, 0x18);
    }
    return QColor(0x4b, 0x55, 0x63);
}

QColor VerdictBadge::background(Tone tone) {
    switch (tone) {
    case Tone::Ok:
        return QColor(0xdc, 0xf5, 0xe3);
    case Tone::Neutral:
        return QColor(0xec, 0xef, 0xf3);
    case Tone::Note:
        return QColor(0xff, 0xf2, 0xcc);
    case Tone::Problem:
        return QColor(0xfd, 0xe7, 0xe5);
    }
    return QColor(0xec, 0xef, 0xf3);
}

QString VerdictBadge::html(const QString& name) {
    const Tone t = tone(name);
    // Qt rich text has no border-radius: a padded, tinted span reads as a pill well enough.
    return QStringLiteral(
               "<span style=\"color:%1; background-color:%2; font-weight:600\">&nbsp;%3&nbsp;</span>")
        .arg(foreground(t).name(), background(t).name(), label(name).toHtmlEscaped());
}

QSize VerdictBadge::sizeHint(const QFontMetrics& metrics, const QString& name) {
    return {metrics.horizontalAdvance(label(name)) + 2 * kPadX, metrics.height() + 2 * kPadY};
}

void VerdictBadge::paint(QPainter* painter, const QRect& rect, const QString& name) {
    if (name.isEmpty()) return;
    const Tone t = tone(name);
    const QSize size = sizeHint(painter->fontMetrics(), name).boundedTo(rect.size());
    const QRect pill(rect.left() + 2, rect.top() + (rect.height() - size.height()) / 2, size.width() - 2,
                     size.height());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(foreground(t));
    painter->setBrush(background(t));
    const qreal radius = pill.height() / 2.0;
    painter->drawRoundedRect(QRectF(pill).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    painter->drawText(pill, Qt::AlignCenter, label(name));
    painter->restore();
}

} // namespace warrant
