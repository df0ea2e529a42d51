#include "DocumentPane.h"

#include "DocumentFindBar.h"
#include "DocumentView.h"

#include <QShortcut>
#include <QVBoxLayout>

namespace warrant {

DocumentPane::DocumentPane(QWidget* parent)
    : QWidget(parent), m_view(new DocumentView(this)), m_findBar(new DocumentFindBar(m_view, this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_findBar);
    m_findBar->hide();
    // Only while the pane has the focus, so other panels keep their own Ctrl+F.
    auto* find = new QShortcut(QKeySequence::Find, this, this, &DocumentPane::showFindBar);
    find->setContext(Qt::WidgetWithChildrenShortcut);
}

void DocumentPane::showFindBar() {
    m_findBar->activate();
}

} // namespace warrant
