#include "ScreenshotRunner.h"

#include "MainWindow.h"

#include <QApplication>
#include <QPixmap>

namespace warrant {

Status ScreenshotRunner::capture(MainWindow& window, const QString& view, const QString& pngPath) {
    if (view != QStringLiteral("coding"))
        return makeError(QStringLiteral("unknown view '%1' (available: coding)").arg(view));
    window.resize(1400, 860);
    window.show();
    QApplication::processEvents();
    const QPixmap image = window.grab();
    if (image.isNull() || !image.save(pngPath, "PNG"))
        return makeError(QStringLiteral("%1: cannot write the screenshot").arg(pngPath));
    return {};
}

} // namespace warrant
