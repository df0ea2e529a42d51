#pragma once

#include "Result.h"

#include <QObject>
#include <QString>

class QWidget;

namespace warrant {

class Project;

// File ▸ Import / Export REFI-QDA Project: asks for the files, runs the core exchange with
// progress, and says what came in or went out. The workbench opens an imported project itself.
class ExchangeController : public QObject {
    Q_OBJECT
  public:
    explicit ExchangeController(QWidget* dialogParent);

    // Creates `projectPath` from `qdpxPath`; returns the report as text for the user.
    Result<QString> importProject(const QString& qdpxPath, const QString& projectPath, const QString& coder);
    Result<QString> exportProject(Project& project, const QString& qdpxPath);

    // The dialogs: empty paths when the user cancels.
    QString askForQdpxToImport();
    QString askForNewProject(const QString& qdpxPath);
    QString askForQdpxToExport(const QString& projectPath);

  private:
    QWidget* m_parent;
};

} // namespace warrant
