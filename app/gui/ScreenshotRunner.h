#pragma once

#include "Result.h"

#include <QSize>
#include <QString>

namespace warrant {

class MainWindow;

// Renders the workbench offscreen to a PNG, so every screen can be looked at and documented
// without a display.
class ScreenshotRunner {
public:
    static Status capture(MainWindow& window, const QString& view, const QString& pngPath,
                          QSize size = QSize(1600, 1000));
    // "1024x700" → QSize; anything else is refused with the expected form.
    static Result<QSize> parseSize(const QString& text);
};

} // namespace warrant
