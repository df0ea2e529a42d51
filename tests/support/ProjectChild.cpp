// A separate process that holds a project open, for tests of the writer lock and of what
// survives kill -9. It reports progress on stdout and then blocks until it is killed.
#include "import/ImportedDocument.h"
#include "store/Project.h"
#include "store/SourceRepository.h"

#include <QCoreApplication>

#include <cstdio>
#include <unistd.h>

using namespace warrant;

namespace {

void say(const char* line) {
    std::fputs(line, stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

[[noreturn]] void waitForKill() {
    for (;;) pause();
}

ImportedDocument document(int i) {
    ImportedDocument doc;
    doc.title = QStringLiteral("child-%1").arg(i);
    doc.format = QStringLiteral("txt");
    doc.text = QStringLiteral("R%1: words spoken in the interrupted import").arg(i);
    doc.turns.push_back({4, doc.text.size(), QStringLiteral("R%1").arg(i), false, std::nullopt});
    return doc;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) return 2;
    const QString mode = args[1];
    auto project = Project::open(args[2]);
    if (!project) {
        std::fprintf(stderr, "%s\n", qPrintable(project.errorMessage()));
        return 1;
    }
    if (mode == QStringLiteral("hold")) {
        say("locked");
        waitForKill();
    }
    SourceRepository sources(**project);
    if (mode == QStringLiteral("commit-then-wait")) {
        Status s = (*project)->mutate(QStringLiteral("source.import"), QStringLiteral("committed import"), [&]() -> Status {
            auto id = sources.add(document(1), SourceKind::Transcript, QStringLiteral("child-1.txt"), QStringLiteral("sha-committed"));
            return id ? Status() : Status(id.error());
        });
        if (!s) return 1;
        say("committed");
        waitForKill();
    }
    if (mode == QStringLiteral("import-interrupted")) {
        (void)(*project)->mutate(QStringLiteral("source.import"), QStringLiteral("interrupted import"), [&]() -> Status {
            for (int i = 2; i < 40; ++i) {
                auto id = sources.add(document(i), SourceKind::Transcript, QStringLiteral("child-%1.txt").arg(i),
                                      QStringLiteral("sha-interrupted-%1").arg(i));
                if (!id) return id.error();
            }
            say("inside");
            waitForKill();
        });
    }
    return 2;
}
