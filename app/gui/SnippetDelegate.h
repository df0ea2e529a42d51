#pragma once

#include <QStyledItemDelegate>

namespace warrant {

// Paints a cell from an HTML role (e.g. a snippet with its matches in <b>) instead of the
// plain display text; selection and focus are drawn by the style as usual.
class SnippetDelegate : public QStyledItemDelegate {
    Q_OBJECT
  public:
    explicit SnippetDelegate(int htmlRole, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    // How far a snippet is shifted left in a cell this wide so that its first match shows.
    static qreal matchShift(const QString& html, const QFont& font, int cellWidth);
    // Where the snippet's first match starts, in pixels; -1 when it has none.
    static qreal matchX(const QString& html, const QFont& font);

  private:
    int m_htmlRole;
};

} // namespace warrant
