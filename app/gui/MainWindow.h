#pragma once

#include "Result.h"

#include <QMainWindow>

#include <memory>

class QListWidget;
class QTextBrowser;
class QTreeWidget;
class QLabel;

namespace warrant {

class Project;

// The workbench window: sources on the left, the selected document in the centre, the
// codebook on the right. It only shows and forwards; every rule lives in core.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Status openProject(const QString& path);
    Project* project() const { return m_project.get(); }

    QListWidget* sourceList() const { return m_sources; }
    QTextBrowser* documentView() const { return m_document; }
    QTreeWidget* codebookTree() const { return m_codebook; }

    void showSource(qint64 sourceId);

private:
    void buildMenus();
    void reloadSources();
    void reloadCodebook();
    void chooseProject();

    std::unique_ptr<Project> m_project;
    QListWidget* m_sources = nullptr;
    QTextBrowser* m_document = nullptr;
    QTreeWidget* m_codebook = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace warrant
