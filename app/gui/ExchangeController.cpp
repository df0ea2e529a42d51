#include "ExchangeController.h"

#include "exchange/QdpxExporter.h"
#include "exchange/QdpxImporter.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QProgressDialog>

namespace warrant {

ExchangeController::ExchangeController(QWidget* dialogParent) : QObject(dialogParent), m_parent(dialogParent) {}

QString ExchangeController::askForQdpxToImport() {
    return QFileDialog::getOpenFileName(m_parent, QStringLiteral("Import REFI-QDA Project"), QString(),
                                        QStringLiteral("REFI-QDA projects (*.qdpx *.qde)"));
}

QString ExchangeController::askForNewProject(const QString& qdpxPath) {
    const QFileInfo from(qdpxPath);
    QString path = QFileDialog::getSaveFileName(m_parent, QStringLiteral("New Project from %1").arg(from.fileName()),
                                                from.dir().filePath(from.completeBaseName() + QStringLiteral(".warrant")),
                                                QStringLiteral("Warrant projects (*.warrant)"));
    if (!path.isEmpty() && !path.endsWith(QStringLiteral(".warrant"))) path += QStringLiteral(".warrant");
    return path;
}

QString ExchangeController::askForQdpxToExport(const QString& projectPath) {
    const QFileInfo project(projectPath);
    QString path = QFileDialog::getSaveFileName(m_parent, QStringLiteral("Export REFI-QDA Project"),
                                                project.dir().filePath(project.completeBaseName() + QStringLiteral(".qdpx")),
                                                QStringLiteral("REFI-QDA projects (*.qdpx)"));
    if (!path.isEmpty() && !path.endsWith(QStringLiteral(".qdpx"))) path += QStringLiteral(".qdpx");
    return path;
}

Result<QString> ExchangeController::importProject(const QString& qdpxPath, const QString& projectPath,
                                                  const QString& coder) {
    QProgressDialog progress(QStringLiteral("Reading %1…").arg(QFileInfo(qdpxPath).fileName()), QString(), 0, 0, m_parent);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    QdpxImportOptions options;
    options.coder = coder;
    auto report = QdpxImporter::importFile(qdpxPath, projectPath, options, [&](int done, int total, const QString& what) {
        progress.setMaximum(total);
        progress.setValue(done);
        progress.setLabelText(QStringLiteral("Placing the selections of %1…").arg(what));
        QApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    });
    if (!report) return report.error();
    return report->toText();
}

Result<QString> ExchangeController::exportProject(Project& project, const QString& qdpxPath) {
    auto summary = QdpxExporter::exportFile(project, qdpxPath);
    if (!summary) return summary.error();
    return summary->toText(QFileInfo(qdpxPath).fileName());
}

} // namespace warrant
