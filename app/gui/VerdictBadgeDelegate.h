#pragma once

#include <QStyledItemDelegate>

namespace warrant {

// Shows a cell's text (a verdict, check or claim status name) as a VerdictBadge pill, over the
// usual selection and focus background.
class VerdictBadgeDelegate : public QStyledItemDelegate {
    Q_OBJECT
  public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace warrant
