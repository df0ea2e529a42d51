#include "VerdictBadgeDelegate.h"

#include "VerdictBadge.h"

#include <QApplication>
#include <QPainter>

namespace warrant {

void VerdictBadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    const QString name = background.text;
    background.text.clear();
    const QStyle* style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);

    painter->save();
    painter->setFont(option.font);
    VerdictBadge::paint(painter, option.rect.adjusted(2, 1, -2, -1), name);
    painter->restore();
}

QSize VerdictBadgeDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    const QSize pill = VerdictBadge::sizeHint(option.fontMetrics, index.data().toString()) + QSize(8, 4);
    return base.expandedTo(pill);
}

} // namespace warrant
