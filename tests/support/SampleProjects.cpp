#include "SampleProjects.h"

#include "TestPaths.h"
#include "import/ImportedDocument.h"
#include "ops/DemoProjectBuilder.h"
#include "store/Project.h"
#include "store/SourceRepository.h"

#include <QTemporaryDir>

#include <catch2/catch.hpp>

namespace warrant::test {

QString sharedSampleProject() {
    static QTemporaryDir dir;
    static const QString path = [] {
        const QString p = dir.filePath(QStringLiteral("demo.warrant"));
        const Status built = DemoProjectBuilder::build(sourcePath(QStringLiteral("sample_corpus")), p);
        if (!built) FAIL(built.errorMessage().toStdString());
        return p;
    }();
    return path;
}

std::unique_ptr<Project> freshSampleProject(const QString& path) {
    REQUIRE(DemoProjectBuilder::build(sourcePath(QStringLiteral("sample_corpus")), path).ok());
    auto opened = Project::open(path);
    REQUIRE(opened.ok());
    return std::move(*opened);
}

qint64 addSource(Project& project, const QString& title, const QString& text, SourceKind kind) {
    ImportedDocument doc;
    doc.title = title;
    doc.format = QStringLiteral("md");
    doc.text = text;
    qint64 id = 0;
    REQUIRE(project.mutate(QStringLiteral("source.import"), title, [&]() -> Status {
        auto added = SourceRepository(project).add(doc, kind, title + QStringLiteral(".md"), title);
        if (!added) return added.error();
        id = *added;
        return {};
    }).ok());
    return id;
}

} // namespace warrant::test
