#include "DocumentFindBar.h"

#include "DocumentView.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <algorithm>

namespace warrant {

DocumentFindBar::DocumentFindBar(DocumentView* view, QWidget* parent)
    : QWidget(parent), m_view(view), m_field(new QLineEdit(this)), m_count(new QLabel(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    m_field->setPlaceholderText(tr("Find in document"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    auto* previous = new QToolButton(this);
    previous->setArrowType(Qt::UpArrow);
    previous->setToolTip(tr("Previous match (Shift+Enter)"));
    auto* next = new QToolButton(this);
    next->setArrowType(Qt::DownArrow);
    next->setToolTip(tr("Next match (Enter)"));
    auto* closeButton = new QToolButton(this);
    closeButton->setText(QStringLiteral("✕"));
    closeButton->setToolTip(tr("Close (Esc)"));
    closeButton->setAutoRaise(true);
    // Room for "999 of 999" from the start, so the bar does not jump while typing.
    m_count->setMinimumWidth(m_count->fontMetrics().horizontalAdvance(tr("%1 of %2").arg(999).arg(999)) + 4);
    m_count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_count);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(closeButton);

    connect(m_field, &QLineEdit::textChanged, this, &DocumentFindBar::search);
    connect(previous, &QToolButton::clicked, this, &DocumentFindBar::findPrevious);
    connect(next, &QToolButton::clicked, this, &DocumentFindBar::findNext);
    connect(closeButton, &QToolButton::clicked, this, &DocumentFindBar::close);
    // Another source: the old matches mean nothing there.
    connect(m_view, &DocumentView::sourceChanged, this, [this] {
        if (isVisible()) search();
    });
    updateLabel();
}

void DocumentFindBar::activate() {
    show();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
    if (!m_field->text().isEmpty()) search();
}

void DocumentFindBar::search() {
    m_matches.clear();
    m_current = -1;
    const QString needle = m_field->text();
    m_matchLength = int(needle.size());
    if (!needle.isEmpty()) {
        const QString& text = m_view->sourceText();
        for (qsizetype at = text.indexOf(needle, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(needle, at + needle.size(), Qt::CaseInsensitive))
            m_matches.push_back(int(at));
    }
    if (m_matches.empty()) return updateLabel();
    // Start from where the reader is: the first match at or after the selection's start.
    const int from = m_view->textCursor().selectionStart();
    const auto it = std::lower_bound(m_matches.begin(), m_matches.end(), from);
    go(it == m_matches.end() ? 0 : int(it - m_matches.begin()));
}

void DocumentFindBar::findNext() {
    if (m_matches.empty()) return search();
    go((m_current + 1) % matchCount());
}

void DocumentFindBar::findPrevious() {
    if (m_matches.empty()) return search();
    go((m_current - 1 + matchCount()) % matchCount());
}

void DocumentFindBar::go(int index) {
    m_current = index;
    m_view->selectDocumentRange(m_matches[std::size_t(index)], m_matches[std::size_t(index)] + m_matchLength);
    updateLabel();
}

void DocumentFindBar::updateLabel() {
    if (m_field->text().isEmpty())
        m_count->clear();
    else if (m_matches.empty())
        m_count->setText(tr("No matches"));
    else
        m_count->setText(tr("%1 of %2").arg(m_current + 1).arg(matchCount()));
}

void DocumentFindBar::close() {
    hide();
    m_view->setFocus(Qt::OtherFocusReason);
    Q_EMIT closed();
}

bool DocumentFindBar::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                findPrevious();
            else
                findNext();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace warrant
