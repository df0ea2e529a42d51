#include "WindowLayout.h"

#include <QDockWidget>
#include <QMainWindow>

#include <algorithm>

namespace warrant {

namespace {

// The dock that stands for an area: the first one shown there (tabified docks share a size).
QDockWidget* dockIn(const QMainWindow& window, Qt::DockWidgetArea area) {
    for (QDockWidget* d : window.findChildren<QDockWidget*>())
        if (!d->isFloating() && !d->isHidden() && window.dockWidgetArea(d) == area && !d->visibleRegion().isNull())
            return d;
    for (QDockWidget* d : window.findChildren<QDockWidget*>())
        if (!d->isFloating() && !d->isHidden() && window.dockWidgetArea(d) == area) return d;
    return nullptr;
}

} // namespace

QRect WindowLayout::initialGeometry(const QRect& available) {
    // Nine tenths of the screen, at most 1600 × 1000, centred: never taller than the screen.
    const QSize size(std::min(1600, available.width() * 9 / 10), std::min(1000, available.height() * 9 / 10));
    QRect r(QPoint(0, 0), size);
    r.moveCenter(available.center());
    return r;
}

DockShares WindowLayout::measure(const QMainWindow& window, QSize size) {
    DockShares shares;
    if (size.width() <= 0 || size.height() <= 0) return shares;
    if (const QDockWidget* d = dockIn(window, Qt::LeftDockWidgetArea)) shares.left = double(d->width()) / size.width();
    if (const QDockWidget* d = dockIn(window, Qt::RightDockWidgetArea)) shares.right = double(d->width()) / size.width();
    if (const QDockWidget* d = dockIn(window, Qt::BottomDockWidgetArea))
        shares.bottom = double(d->height()) / size.height();
    return shares;
}

void WindowLayout::apply(QMainWindow& window, const DockShares& shares, QSize size) {
    QList<QDockWidget*> across;
    QList<int> widths;
    for (const auto& [area, share] : {std::pair{Qt::LeftDockWidgetArea, shares.left}, std::pair{Qt::RightDockWidgetArea, shares.right}})
        if (QDockWidget* d = dockIn(window, area)) {
            across << d;
            widths << std::max(d->minimumSizeHint().width(), int(share * size.width()));
        }
    if (!across.isEmpty()) window.resizeDocks(across, widths, Qt::Horizontal);
    if (QDockWidget* d = dockIn(window, Qt::BottomDockWidgetArea))
        window.resizeDocks({d}, {std::max(d->minimumSizeHint().height(), int(shares.bottom * size.height()))},
                           Qt::Vertical);
}

} // namespace warrant
