#include "ImportController.h"

#include "Counted.h"

#include "SnapshotCommand.h"
#include "Workbench.h"
#include "ops/ImportService.h"
#include "ops/ParticipantCsvImporter.h"
#include "store/Project.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>

#include <atomic>

namespace warrant {

ImportController::ImportController(Workbench& workbench, QWidget* dialogParent)
    : QObject(dialogParent), m_workbench(workbench), m_dialogParent(dialogParent) {}

SourceKind ImportController::guessKind(const QStringList& paths) {
    bool allManuscripts = !paths.isEmpty();
    bool allDocuments = !paths.isEmpty();
    for (const QString& p : paths) {
        const QString folder = QFileInfo(p).absolutePath().toLower();
        allManuscripts = allManuscripts && folder.contains(QStringLiteral("manuscript"));
        allDocuments = allDocuments && folder.contains(QStringLiteral("document"));
    }
    if (allManuscripts) return SourceKind::Manuscript;
    if (allDocuments) return SourceKind::Document;
    return SourceKind::Transcript;
}

void ImportController::chooseAndImport() {
    if (!m_workbench.project()) return;
    const QStringList paths = QFileDialog::getOpenFileNames(
        m_dialogParent, QStringLiteral("Import Files"), QString(),
        QStringLiteral("Transcripts and documents (*.txt *.md *.docx *.odt *.vtt *.srt);;All files (*)"));
    if (paths.isEmpty()) return;
    const QStringList kinds = {QStringLiteral("Interview transcripts"), QStringLiteral("Documents"),
                               QStringLiteral("Manuscript")};
    const int guessed = int(guessKind(paths));
    bool ok = false;
    const QString kind = QInputDialog::getItem(m_dialogParent, QStringLiteral("Import Files"),
                                               (paths.size() == 1 ? QStringLiteral("Import 1 file as:") : QStringLiteral("Import %1 files as:").arg(paths.size())), kinds,
                                               guessed, false, &ok);
    if (!ok) return;
    auto done = importFiles(paths, SourceKind(kinds.indexOf(kind)));
    if (done)
        QMessageBox::information(m_dialogParent, QStringLiteral("Import Files"), *done);
    else
        QMessageBox::warning(m_dialogParent, QStringLiteral("Import Files"), done.errorMessage());
}

Result<QString> ImportController::importFiles(const QStringList& paths, SourceKind kind) {
    Project* project = m_workbench.project();
    if (!project) return makeError(QStringLiteral("no project is open"));
    ImportRequest request;
    request.paths = paths;
    request.kind = kind;

    QProgressDialog progress(QStringLiteral("Importing…"), QStringLiteral("Cancel"), 0, 0, m_dialogParent);
    progress.setWindowTitle(QStringLiteral("Import Files"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    std::atomic<bool> cancelled = false;
    connect(&progress, &QProgressDialog::canceled, this, [&cancelled] { cancelled = true; });
    QPointer<QProgressDialog> dialog(&progress);
    const auto report = [dialog](int done, int total, const QString& file) {
        QMetaObject::invokeMethod(dialog, [dialog, done, total, file] {
            if (!dialog) return;
            dialog->setMaximum(total);
            dialog->setValue(done);
            dialog->setLabelText(QStringLiteral("Importing %1…").arg(QFileInfo(file).fileName()));
        }, Qt::QueuedConnection);
    };

    ImportReport outcome;
    ChangeNotice notice;
    notice.participantsChanged = true;
    notice.codebookChanged = true;
    auto* command = new SnapshotCommand(m_workbench, (paths.size() == 1 ? QStringLiteral("Import 1 File") : QStringLiteral("Import %1 Files").arg(paths.size())),
                                        QStringLiteral("source.import"), notice);
    const Status ran = command->run([&]() -> Status {
        return m_workbench.runInBackground([&]() -> Status {
            auto imported = ImportService(*project).run(request, report, [&cancelled] { return bool(cancelled); });
            if (!imported) return imported.error();
            outcome = *imported;
            return {};
        });
    });
    progress.reset();
    if (!ran) {
        delete command;
        if (cancelled) return QStringLiteral("Import cancelled: nothing was imported.");
        return ran.error();
    }
    if (outcome.imported.empty()) {
        delete command;
    } else {
        m_workbench.push(command);
        Q_EMIT imported(outcome.imported.front().sourceId);
    }
    QString summary = QStringLiteral("Imported %1.").arg(counted(qsizetype(outcome.imported.size()), QStringLiteral("file"), QStringLiteral("files")));
    if (!outcome.duplicates.isEmpty())
        summary += QStringLiteral("\nSkipped %1 already in the project:\n%2")
                       .arg(outcome.duplicates.size())
                       .arg(outcome.duplicates.join(u'\n'));
    return summary;
}

Result<QString> ImportController::importParticipants(const QString& csvPath) {
    Project* project = m_workbench.project();
    if (!project) return makeError(QStringLiteral("no project is open"));
    int count = 0;
    ChangeNotice notice;
    notice.participantsChanged = true;
    auto* command = new SnapshotCommand(m_workbench, QStringLiteral("Import Participants from %1").arg(QFileInfo(csvPath).fileName()),
                                        QStringLiteral("participants.import"), notice);
    const Status ran = command->run([&]() -> Status {
        auto imported = ParticipantCsvImporter(*project).importFile(csvPath);
        if (!imported) return imported.error();
        count = *imported;
        return {};
    });
    if (!ran) {
        delete command;
        return ran.error();
    }
    m_workbench.push(command);
    return QStringLiteral("Imported %1.").arg(counted(count, QStringLiteral("participant"), QStringLiteral("participants")));
}

} // namespace warrant
