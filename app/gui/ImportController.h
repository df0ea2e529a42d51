#pragma once

#include "Result.h"
#include "model/Source.h"

#include <QObject>
#include <QStringList>

class QWidget;

namespace warrant {

class Workbench;

// Imports files the user picked or dropped on the window: on a worker thread, with a progress
// dialog that can cancel, as one undoable step. Also imports participant tables (CSV).
class ImportController : public QObject {
    Q_OBJECT
public:
    ImportController(Workbench& workbench, QWidget* dialogParent);

    // Asks for files and their kind, then imports them.
    void chooseAndImport();
    // Imports `paths` as `kind`; returns what to tell the user (or the error).
    Result<QString> importFiles(const QStringList& paths, SourceKind kind);
    Result<QString> importParticipants(const QString& csvPath);

    // Transcripts unless every file sits in a folder named for manuscripts or documents (the
    // dialog still asks; dropped files use the guess).
    static SourceKind guessKind(const QStringList& paths);

Q_SIGNALS:
    // Files were imported: the first new source, for the window to open.
    void imported(qint64 firstSourceId);

private:
    Workbench& m_workbench;
    QWidget* m_dialogParent;
};

} // namespace warrant
