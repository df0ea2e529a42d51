#pragma once

#include "MainWindow.h"
#include "TestPaths.h"
#include "Workbench.h"
#include "ops/DemoProjectBuilder.h"
#include "store/CodingRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <catch2/catch.hpp>

namespace warrant::test {

// The sample project opened in the real main window, with settings kept out of the user's.
struct SampleWindow {
    QTemporaryDir dir;
    QString path;
    MainWindow window;
    SampleWindow() {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.filePath(QStringLiteral("settings")));
        path = dir.filePath(QStringLiteral("demo.warrant"));
        REQUIRE(DemoProjectBuilder::build(test::sourcePath(QStringLiteral("sample_corpus")), path).ok());
        REQUIRE(window.openProject(path).ok());
        window.resize(1400, 900);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        window.workbench().waitForIndex();
    }
    Project& project() { return *window.workbench().project(); }
    qint64 sourceTitled(const QString& prefix) {
        auto sources = SourceRepository(project()).list();
        for (const Source& s : *sources)
            if (s.title.startsWith(prefix)) return s.id;
        FAIL("no source titled " << prefix.toStdString());
        return 0;
    }
    // Codings read back from the project file through a connection of their own.
    int codingsOnDisk(qint64 codeId) {
        auto reader = Project::open(path, Project::Mode::ReadOnly);
        REQUIRE(reader.ok());
        SegmentFilter filter;
        filter.codeIds = {codeId};
        return int(CodingRepository(**reader).segments(filter)->size());
    }
};

} // namespace warrant::test
