#pragma once

#include "Result.h"

#include <QString>

namespace warrant {

class MainWindow;

// Renders the workbench offscreen to a PNG, so every screen can be looked at and documented
// without a display.
class ScreenshotRunner {
public:
    static Status capture(MainWindow& window, const QString& view, const QString& pngPath);
};

} // namespace warrant
