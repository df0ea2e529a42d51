#include "MainWindow.h"
#include "RecentProjects.h"
#include "ScreenshotRunner.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

int main(int argc, char* argv[]) {
    // --screenshot renders offscreen; pick the platform before QApplication reads it.
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], "--screenshot") == 0 && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Warrant"));
    QApplication::setOrganizationName(QStringLiteral("Warrant"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Warrant qualitative research workbench"));
    parser.addHelpOption();
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Render the window to a PNG file and exit."),
                                  QStringLiteral("FILE"));
    QCommandLineOption view(QStringLiteral("view"), QStringLiteral("View to show in the screenshot: coding, search, retrieval, evidence, agreement, matrix, charts or query."),
                            QStringLiteral("VIEW"), QStringLiteral("coding"));
    QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size for the screenshot, as WIDTHxHEIGHT."),
                            QStringLiteral("WxH"), QStringLiteral("1600x1000"));
    parser.addOption(screenshot);
    parser.addOption(view);
    parser.addOption(size);
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("A .warrant project file to open."));
    parser.process(app);

    warrant::MainWindow window;
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()) {
        if (auto s = window.openProject(positional.front()); !s) {
            std::fprintf(stderr, "warrant: %s\n", qPrintable(s.errorMessage()));
            return 2;
        }
    } else if (!parser.isSet(screenshot) && !warrant::RecentProjects::list().isEmpty()) {
        // Reopen where the user left off; a project that no longer opens just leaves the window empty.
        (void)window.openProject(warrant::RecentProjects::list().front());
    }
    if (parser.isSet(screenshot)) {
        const auto windowSize = warrant::ScreenshotRunner::parseSize(parser.value(size));
        if (!windowSize) {
            std::fprintf(stderr, "warrant: %s\n", qPrintable(windowSize.errorMessage()));
            return 2;
        }
        auto s = warrant::ScreenshotRunner::capture(window, parser.value(view), parser.value(screenshot), *windowSize);
        if (!s) {
            std::fprintf(stderr, "warrant: %s\n", qPrintable(s.errorMessage()));
            return 2;
        }
        return 0;
    }
    window.show();
    return app.exec();
}
