#pragma once

#include <QRect>
#include <QSize>

class QMainWindow;

namespace warrant {

// The part of the window each dock area takes. Kept as shares, not pixels, so the panels
// grow back when a window cramped on a small screen is made large again.
struct DockShares {
    double left = 0.14;
    double right = 0.29;
    double bottom = 0.36;
};

class WindowLayout {
  public:
    // Where the first window opens on a screen with this available area: within it, centred.
    static QRect initialGeometry(const QRect& available);
    // The shares the docks of `window` take of a window of `size`.
    static DockShares measure(const QMainWindow& window, QSize size);
    // Sizes the docks of `window` to these shares of `size`.
    static void apply(QMainWindow& window, const DockShares& shares, QSize size);
};

} // namespace warrant
