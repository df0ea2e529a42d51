#include <catch2/catch.hpp>

#include "TestPaths.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>

using namespace warrant::test;

namespace {

// Every #include line under `folder` that matches `forbidden`, as "file:line: text".
QStringList offendingIncludes(const QString& folder, const QRegularExpression& forbidden) {
    QStringList found;
    QDirIterator it(sourcePath(folder), {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        QFile f(file);
        REQUIRE(f.open(QIODevice::ReadOnly));
        int line = 0;
        while (!f.atEnd()) {
            const QString text = QString::fromUtf8(f.readLine()).trimmed();
            ++line;
            if (text.startsWith(QStringLiteral("#include")) && forbidden.match(text).hasMatch())
                found << QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(text);
        }
    }
    return found;
}

} // namespace

TEST_CASE("core/ never includes GUI or Xapian headers", "[layering]") {
    const QRegularExpression forbidden(
        QStringLiteral("[<\"](QtWidgets|QtGui|QWidget|QMainWindow|QPainter|QColor|QPixmap|QImage|QFont|QApplication|"
                       "QGuiApplication|QTextDocument|xapian)"),
        QRegularExpression::CaseInsensitiveOption);
    const QStringList found = offendingIncludes(QStringLiteral("core"), forbidden);
    INFO(found.join(QLatin1Char('\n')).toStdString());
    CHECK(found.isEmpty());
}

TEST_CASE("search/'s public headers never name Xapian", "[layering]") {
    const QRegularExpression forbidden(QStringLiteral("xapian"), QRegularExpression::CaseInsensitiveOption);
    const QStringList found = offendingIncludes(QStringLiteral("search/include"), forbidden);
    INFO(found.join(QLatin1Char('\n')).toStdString());
    CHECK(found.isEmpty());
}

TEST_CASE("core/ and search/ never include the application layer", "[layering]") {
    const QRegularExpression forbidden(QStringLiteral("[<\"](MainWindow|Cli[A-Z]\\w*|SearchIndex)\\.h"));
    CHECK(offendingIncludes(QStringLiteral("core"), forbidden).isEmpty());
    const QRegularExpression appOnly(QStringLiteral("[<\"](MainWindow|Cli[A-Z]\\w*)\\.h"));
    CHECK(offendingIncludes(QStringLiteral("search"), appOnly).isEmpty());
}
