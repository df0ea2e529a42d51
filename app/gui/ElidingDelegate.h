#pragma once

#include <QStyledItemDelegate>

namespace warrant {

// Elides one column its own way: a code path keeps its leaf ("…/Partnership and consultation")
// while the rest of the table reads from the start.
class ElidingDelegate : public QStyledItemDelegate {
  public:
    ElidingDelegate(Qt::TextElideMode mode, QObject* parent) : QStyledItemDelegate(parent), m_mode(mode) {}

  protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = m_mode;
    }

  private:
    Qt::TextElideMode m_mode;
};

} // namespace warrant
