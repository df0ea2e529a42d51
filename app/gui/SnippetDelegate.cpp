#include "SnippetDelegate.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <algorithm>

namespace warrant {

namespace {

// Where the first match (bold) starts, in pixels from the snippet's left edge; -1 without one.
qreal firstMatchX(const QTextDocument& doc) {
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().fontWeight() <= QFont::Normal) continue;
            const QTextLayout* layout = block.layout();
            const int at = fragment.position() - block.position();
            const QTextLine line = layout->lineForTextPosition(at);
            return line.isValid() ? line.cursorToX(at) : -1;
        }
    return -1;
}

// How far to shift a snippet wider than its cell so its match shows, a little in from the left.
qreal matchOffset(const QTextDocument& doc, int cellWidth) {
    const qreal overflow = doc.idealWidth() - cellWidth;
    const qreal x = firstMatchX(doc);
    if (overflow <= 0 || x < 0) return 0;
    return std::clamp(x - cellWidth / 4.0, 0.0, overflow);
}

} // namespace

SnippetDelegate::SnippetDelegate(int htmlRole, QObject* parent)
    : QStyledItemDelegate(parent), m_htmlRole(htmlRole) {}

void SnippetDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const {
    const QString html = index.data(m_htmlRole).toString();
    if (html.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear(); // the style draws background, selection and focus; the document draws text
    const QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    QTextDocument doc;
    doc.setDefaultFont(opt.font);
    doc.setDocumentMargin(1);
    doc.setHtml(html);
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget);
    QAbstractTextDocumentLayout::PaintContext context;
    const bool selected = opt.state & QStyle::State_Selected;
    context.palette.setColor(QPalette::Text,
                             opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    // The snippet is one line: a narrow column shows the part around the match, not its start.
    const qreal shift = matchOffset(doc, textRect.width());
    painter->save();
    painter->translate(textRect.topLeft());
    painter->setClipRect(textRect.translated(-textRect.topLeft()));
    painter->translate(-shift, 0);
    doc.documentLayout()->draw(painter, context);
    painter->restore();
}

qreal SnippetDelegate::matchShift(const QString& html, const QFont& font, int cellWidth) {
    QTextDocument doc;
    doc.setDefaultFont(font);
    doc.setDocumentMargin(1);
    doc.setHtml(html);
    return matchOffset(doc, cellWidth);
}

qreal SnippetDelegate::matchX(const QString& html, const QFont& font) {
    QTextDocument doc;
    doc.setDefaultFont(font);
    doc.setDocumentMargin(1);
    doc.setHtml(html);
    (void)doc.idealWidth(); // lays the line out
    return firstMatchX(doc);
}

QSize SnippetDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const QString html = index.data(m_htmlRole).toString();
    if (html.isEmpty()) return QStyledItemDelegate::sizeHint(option, index);
    QTextDocument doc;
    doc.setDefaultFont(option.font);
    doc.setDocumentMargin(1);
    doc.setHtml(html);
    // One line high: snippets are excerpts; the tooltip holds the passage.
    return {int(doc.idealWidth()), QStyledItemDelegate::sizeHint(option, index).height()};
}

} // namespace warrant
