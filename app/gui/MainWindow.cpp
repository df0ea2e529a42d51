#include "MainWindow.h"

#include "DocumentRenderer.h"
#include "ops/CodeCounts.h"
#include "ops/ProjectSummary.h"
#include "store/CodebookRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"

#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTextBrowser>
#include <QTreeWidget>

#include <map>

namespace warrant {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(QStringLiteral("Warrant"));
    resize(1280, 800);

    m_document = new QTextBrowser(this);
    m_document->setObjectName(QStringLiteral("documentView"));
    m_document->setOpenLinks(false);
    setCentralWidget(m_document);

    m_sources = new QListWidget(this);
    m_sources->setObjectName(QStringLiteral("sourceList"));
    auto* sourcesDock = new QDockWidget(QStringLiteral("Sources"), this);
    sourcesDock->setObjectName(QStringLiteral("sourcesDock"));
    sourcesDock->setWidget(m_sources);
    addDockWidget(Qt::LeftDockWidgetArea, sourcesDock);

    m_codebook = new QTreeWidget(this);
    m_codebook->setObjectName(QStringLiteral("codebookTree"));
    m_codebook->setHeaderLabels({QStringLiteral("Code"), QStringLiteral("Segments"), QStringLiteral("Participants")});
    m_codebook->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_codebook->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_codebook->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    auto* codebookDock = new QDockWidget(QStringLiteral("Codebook"), this);
    codebookDock->setObjectName(QStringLiteral("codebookDock"));
    codebookDock->setWidget(m_codebook);
    addDockWidget(Qt::RightDockWidgetArea, codebookDock);
    resizeDocks({sourcesDock, codebookDock}, {220, 400}, Qt::Horizontal);

    m_status = new QLabel(this);
    statusBar()->addPermanentWidget(m_status);

    connect(m_sources, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item) showSource(item->data(Qt::UserRole).toLongLong());
    });
    buildMenus();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(QStringLiteral("&File"));
    file->addAction(QStringLiteral("&Open Project…"), QKeySequence::Open, this, &MainWindow::chooseProject);
    file->addSeparator();
    file->addAction(QStringLiteral("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
}

void MainWindow::chooseProject() {
    const QString path = QFileDialog::getOpenFileName(this, QStringLiteral("Open Project"), QString(),
                                                      QStringLiteral("Warrant projects (*.warrant)"));
    if (path.isEmpty()) return;
    if (Status s = openProject(path); !s) QMessageBox::warning(this, QStringLiteral("Open Project"), s.errorMessage());
}

Status MainWindow::openProject(const QString& path) {
    auto opened = Project::open(path, Project::Mode::ReadWrite);
    if (!opened) return opened.error();
    m_project = std::move(*opened);
    setWindowTitle(QStringLiteral("%1 — Warrant").arg(QFileInfo(path).completeBaseName()));
    reloadSources();
    reloadCodebook();
    if (auto summary = ProjectSummary::of(*m_project))
        m_status->setText(QStringLiteral("%1 sources · %2 participants · %3 codes · %4 codings")
                              .arg(summary->sources)
                              .arg(summary->participants)
                              .arg(summary->codes)
                              .arg(summary->codings));
    if (m_sources->count() > 0) m_sources->setCurrentRow(0);
    return {};
}

void MainWindow::reloadSources() {
    m_sources->clear();
    auto sources = SourceRepository(*m_project).list();
    if (!sources) return;
    for (const Source& s : *sources) {
        auto* item = new QListWidgetItem(QStringLiteral("%1  ·  %2").arg(s.title, sourceKindName(s.kind)), m_sources);
        item->setData(Qt::UserRole, s.id);
        item->setToolTip(s.originalName);
    }
}

void MainWindow::reloadCodebook() {
    m_codebook->clear();
    CodebookRepository codebook(*m_project);
    auto codes = codebook.list();
    auto counts = CodeCounts::of(*m_project);
    if (!codes || !counts) return;
    std::map<qint64, QTreeWidgetItem*> items;
    for (const Code& c : *codes) {
        QTreeWidgetItem* parent = c.parentId ? items[c.parentId] : nullptr;
        auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_codebook);
        item->setText(0, c.name);
        item->setText(1, QString::number(CodeCounts::get(counts->totalSegments, c.id)));
        item->setText(2, QString::number(CodeCounts::get(counts->totalParticipants, c.id)));
        item->setToolTip(0, c.description);
        QPixmap swatch(12, 12);
        swatch.fill(QColor(c.colour));
        item->setIcon(0, QIcon(swatch));
        items[c.id] = item;
    }
    m_codebook->expandAll();
}

void MainWindow::showSource(qint64 sourceId) {
    if (!m_project) return;
    SourceRepository sources(*m_project);
    auto source = sources.get(sourceId);
    auto turns = sources.turns(sourceId);
    if (!source || !source->has_value() || !turns) return;
    m_document->setHtml(DocumentRenderer::toHtml(**source, *turns));
}

} // namespace warrant
