#include "MainWindow.h"

#include "AdoptVersionCommand.h"
#include "AnalysisPanel.h"
#include "ClaimListModel.h"
#include "CodebookController.h"
#include "CodebookPanel.h"
#include "CodingActions.h"
#include "DocumentPane.h"
#include "DocumentView.h"
#include "ExchangeController.h"
#include "EvidenceController.h"
#include "EvidencePanel.h"
#include "ImportController.h"
#include "ParticipantsController.h"
#include "ParticipantsPanel.h"
#include "RecentProjects.h"
#include "RetrievalPanel.h"
#include "SearchPanel.h"
#include "SourcesPanel.h"
#include "Workbench.h"
#include "WindowLayout.h"
#include "ops/ProjectSummary.h"
#include "store/Project.h"
#include "store/SourceRepository.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QGuiApplication>
#include <QScreen>
#include <QToolButton>
#include <QInputDialog>
#include <QStatusBar>
#include <QToolBar>
#include <QResizeEvent>
#include <QTreeView>
#include <QUndoStack>


namespace warrant {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), m_workbench(new Workbench(this)) {
    setWindowTitle(QStringLiteral("Warrant"));
    setAcceptDrops(true);
    buildPanels();
    m_coding = new CodingActions(*m_workbench, *documentView(), this);
    m_exchange = new ExchangeController(this);
    m_importer = new ImportController(*m_workbench, this);
    // What was just imported is what the user wants to see.
    connect(m_importer, &ImportController::imported, this, [this](qint64 id) { showSource(id); });
    m_evidenceController = new EvidenceController(*m_workbench, *m_evidence, this);
    buildMenus();
    buildCodeShortcuts();
    connectPanels();
    connectCodebook();
    connectEvidence();
    connectAnalysis();
    // Tab walks left to right: sources, document, codebook, then search.
    setTabOrder(m_sources->filterEdit(), m_sources->view());
    setTabOrder(m_sources->view(), documentView());
    setTabOrder(documentView(), m_codebook->filterEdit());
    setTabOrder(m_codebook->filterEdit(), m_codebook->view());
    setTabOrder(m_codebook->view(), m_search->queryEdit());
    setTabOrder(m_search->queryEdit(), m_search->resultsView());
    connect(m_workbench, &Workbench::projectOpened, this, &MainWindow::onProjectOpened);
    connect(m_workbench, &Workbench::projectClosed, this, &MainWindow::onProjectClosed);
    connect(m_workbench, &Workbench::changed, this, &MainWindow::onChanged);
    connect(m_workbench, &Workbench::indexStateChanged, this, &MainWindow::onIndexState);
    connect(m_workbench, &Workbench::indexProgress, this, [this](int done, int total) {
        m_indexProgress->setMaximum(total);
        m_indexProgress->setValue(done);
    });
    connect(m_workbench, &Workbench::failed, this, &MainWindow::showFailure);
    connect(m_coding, &CodingActions::message, this, [this](const QString& text) { statusBar()->showMessage(text, 5000); });
    restoreLayout();
    onProjectClosed();
}

MainWindow::~MainWindow() {
    // Panels hold pointers into the project: let them go before it closes.
    m_workbench->close();
}

DocumentView* MainWindow::documentView() const { return m_document->view(); }

void MainWindow::buildPanels() {
    m_document = new DocumentPane(this);
    m_document->setObjectName(QStringLiteral("documentPane"));
    setCentralWidget(m_document);

    const auto dock = [this](QWidget* panel, const QString& title, const QString& name, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(panel);
        addDockWidget(area, d);
        return d;
    };
    m_sources = new SourcesPanel(this);
    m_participants = new ParticipantsPanel(this);
    QDockWidget* sourcesDock = dock(m_sources, QStringLiteral("Sources"), QStringLiteral("sourcesDock"), Qt::LeftDockWidgetArea);
    QDockWidget* participantsDock =
        dock(m_participants, QStringLiteral("Participants"), QStringLiteral("participantsDock"), Qt::LeftDockWidgetArea);
    tabifyDockWidget(sourcesDock, participantsDock);
    sourcesDock->raise();

    m_codebook = new CodebookPanel(this);
    dock(m_codebook, QStringLiteral("Codebook"), QStringLiteral("codebookDock"), Qt::RightDockWidgetArea);

    m_search = new SearchPanel(this);
    m_retrieval = new RetrievalPanel(this);
    m_evidence = new EvidencePanel(this);
    m_searchDock = dock(m_search, QStringLiteral("Search"), QStringLiteral("searchDock"), Qt::BottomDockWidgetArea);
    m_retrievalDock = dock(m_retrieval, QStringLiteral("Retrieval"), QStringLiteral("retrievalDock"), Qt::BottomDockWidgetArea);
    m_evidenceDock = dock(m_evidence, QStringLiteral("Evidence"), QStringLiteral("evidenceDock"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_searchDock, m_retrievalDock);
    tabifyDockWidget(m_retrievalDock, m_evidenceDock);
    // Straight into the bottom tabs, never beside them even for a moment: laid out side by side
    // with the others it would make the window as wide as all of them together.
    m_analysis = new AnalysisPanel(this);
    m_analysisDock = new QDockWidget(QStringLiteral("Analysis"), this);
    m_analysisDock->setObjectName(QStringLiteral("analysisDock"));
    m_analysisDock->setWidget(m_analysis);
    tabifyDockWidget(m_evidenceDock, m_analysisDock);
    m_searchDock->raise();
    // The bottom panels are wide tables: they take the corner under the sources list, which
    // keeps enough rows above them even on a small screen.
    setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    m_summary = new QLabel(this);
    m_coderButton = new QToolButton(this);
    m_coderButton->setObjectName(QStringLiteral("coderButton"));
    m_coderButton->setAutoRaise(true);
    m_coderButton->setToolTip(QStringLiteral("Who is coding: every coding and change is recorded under this name"));
    connect(m_coderButton, &QToolButton::clicked, this, &MainWindow::askForCoder);
    m_indexLabel = new QLabel(this);
    m_indexProgress = new QProgressBar(this);
    m_indexProgress->setMaximumWidth(160);
    m_indexProgress->setTextVisible(false);
    statusBar()->addPermanentWidget(m_indexLabel);
    statusBar()->addPermanentWidget(m_indexProgress);
    statusBar()->addPermanentWidget(m_summary);
    statusBar()->addPermanentWidget(m_coderButton);
}

void MainWindow::buildMenus() {
    QAction* import = buildFileMenu();
    const auto [undo, redo] = buildEditMenu();
    QAction* pick = buildCodeMenu();
    buildGoAndAnalysisMenus();
    QMenu* view = menuBar()->addMenu(QStringLiteral("&View"));
    for (QDockWidget* d : findChildren<QDockWidget*>()) view->addAction(d->toggleViewAction());
    view->addSeparator();
    QAction* reset = view->addAction(QStringLiteral("&Reset Layout"), this, &MainWindow::resetLayout);
    reset->setObjectName(QStringLiteral("resetLayoutAction"));
    buildToolBar(import, undo, redo, pick);
}

QAction* MainWindow::buildFileMenu() {
    QMenu* file = menuBar()->addMenu(QStringLiteral("&File"));
    file->addAction(QStringLiteral("&New Project…"), QKeySequence::New, this, &MainWindow::chooseNewProject);
    file->addAction(QStringLiteral("&Open Project…"), QKeySequence::Open, this, &MainWindow::chooseProject);
    m_recentMenu = file->addMenu(QStringLiteral("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::refreshRecentMenu);
    file->addSeparator();
    QAction* import = file->addAction(QStringLiteral("&Import Files…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
                                      m_importer, &ImportController::chooseAndImport);
    import->setObjectName(QStringLiteral("importAction"));
    file->addAction(QStringLiteral("Import &Participants (CSV)…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, QStringLiteral("Import Participants"), QString(),
                                                          QStringLiteral("CSV files (*.csv)"));
        if (path.isEmpty()) return;
        auto done = m_importer->importParticipants(path);
        if (!done) showFailure(done.errorMessage());
        else statusBar()->showMessage(*done, 5000);
    });
    file->addSeparator();
    file->addAction(QStringLiteral("Import REFI-QDA Pro&ject (.qdpx)…"), this, &MainWindow::importQdpx)
        ->setObjectName(QStringLiteral("importQdpxAction"));
    file->addAction(QStringLiteral("E&xport REFI-QDA Project (.qdpx)…"), this, &MainWindow::exportQdpx)
        ->setObjectName(QStringLiteral("exportQdpxAction"));
    file->addSeparator();
    file->addAction(QStringLiteral("Re&build Search Index"), this, [this] { m_workbench->rebuildIndex(); });
    file->addSeparator();
    file->addAction(QStringLiteral("&Close Project"), QKeySequence::Close, this, [this] { m_workbench->close(); });
    file->addAction(QStringLiteral("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    return import;
}

std::pair<QAction*, QAction*> MainWindow::buildEditMenu() {
    QMenu* edit = menuBar()->addMenu(QStringLiteral("&Edit"));
    QAction* undo = m_workbench->undoStack()->createUndoAction(this, QStringLiteral("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("undoAction"));
    QAction* redo = m_workbench->undoStack()->createRedoAction(this, QStringLiteral("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setObjectName(QStringLiteral("redoAction"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    // The document pane owns Ctrl+F (while it has focus); the menu only shows it.
    edit->addAction(QStringLiteral("&Find in Document\t%1").arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)),
                    this, [this] { m_document->showFindBar(); });
    edit->addAction(QStringLiteral("&Search Project"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), this, [this] {
        raisePanel(QStringLiteral("search"));
        m_search->queryEdit()->setFocus();
        m_search->queryEdit()->selectAll();
    });
    return {undo, redo};
}

QAction* MainWindow::buildCodeMenu() {
    QMenu* code = menuBar()->addMenu(QStringLiteral("&Code"));
    QAction* pick = code->addAction(QStringLiteral("&Code Selection…"), this, [this] { m_coding->pickAndApply(); });
    pick->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    pick->setObjectName(QStringLiteral("codeSelectionAction"));
    QAction* inVivo = code->addAction(QStringLiteral("&In-Vivo Code"), this, [this] { m_coding->inVivo(); });
    inVivo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    inVivo->setObjectName(QStringLiteral("inVivoAction"));
    QAction* turn = code->addAction(QStringLiteral("Code Whole &Turn…"), this, [this] {
        if (const qint64 id = m_coding->askForCode(QStringLiteral("Code Whole Turn"))) m_coding->codeWholeTurn(id);
    });
    turn->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    turn->setObjectName(QStringLiteral("codeTurnAction"));
    code->addSeparator();
    QAction* colours = code->addAction(QStringLiteral("Show Code &Colours"));
    colours->setCheckable(true);
    colours->setChecked(true);
    connect(colours, &QAction::toggled, this, [this](bool on) { documentView()->setCodeHighlighting(on); });
    return pick;
}

void MainWindow::buildGoAndAnalysisMenus() {
    QMenu* go = menuBar()->addMenu(QStringLiteral("&Go"));
    m_backAction = go->addAction(QStringLiteral("&Back"), QKeySequence::Back, this, &MainWindow::goBack);
    m_forwardAction = go->addAction(QStringLiteral("&Forward"), QKeySequence::Forward, this, &MainWindow::goForward);
    m_backAction->setObjectName(QStringLiteral("backAction"));
    m_forwardAction->setObjectName(QStringLiteral("forwardAction"));
    updateNavigationActions();

    QMenu* analysis = menuBar()->addMenu(QStringLiteral("&Analysis"));
    for (const auto& [label, tab] : {std::pair{QStringLiteral("Intercoder &Agreement"), QStringLiteral("agreement")},
                                     std::pair{QStringLiteral("Code &Matrix"), QStringLiteral("matrix")},
                                     std::pair{QStringLiteral("&Charts"), QStringLiteral("charts")},
                                     std::pair{QStringLiteral("Code &Query"), QStringLiteral("query")}})
        analysis->addAction(label, this, [this, tab] { showAnalysis(tab); })->setObjectName(tab + QStringLiteral("Action"));
}

void MainWindow::buildToolBar(QAction* import, QAction* undo, QAction* redo, QAction* pick) {
    QToolBar* bar = addToolBar(QStringLiteral("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(m_backAction);
    bar->addAction(m_forwardAction);
    bar->addSeparator();
    // Fixed words on the toolbar ("Undo Apply Code 'Thin evidence base'" would push the other
    // buttons about); the full text is the tooltip.
    for (QAction* full : {undo, redo}) {
        auto* shortAction = new QAction(full == undo ? QStringLiteral("Undo") : QStringLiteral("Redo"), this);
        shortAction->setObjectName(full->objectName() + QStringLiteral("Button"));
        shortAction->setEnabled(full->isEnabled());
        shortAction->setToolTip(full->text().remove(u'&'));
        connect(shortAction, &QAction::triggered, full, &QAction::trigger);
        connect(full, &QAction::changed, shortAction, [full, shortAction] {
            shortAction->setEnabled(full->isEnabled());
            shortAction->setToolTip(full->text().remove(u'&'));
        });
        bar->addAction(shortAction);
    }
    bar->addSeparator();
    bar->addAction(import);
    bar->addAction(pick);
}

void MainWindow::buildCodeShortcuts() {
    // 1–9 apply the pinned quick codes while the document has focus (elsewhere they are typing).
    for (int n = 1; n <= 9; ++n) {
        auto* action = new QAction(QStringLiteral("Quick Code %1").arg(n), documentView());
        action->setShortcut(QKeySequence(Qt::Key_0 + n));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, [this, n] { m_coding->applyQuickCode(n); });
        documentView()->addAction(action);
    }
}

void MainWindow::connectPanels() {
    DocumentView* view = documentView();
    connect(m_sources, &SourcesPanel::sourceActivated, this, &MainWindow::showSource);
    connect(m_sources, &SourcesPanel::importRequested, m_importer, &ImportController::chooseAndImport);
    connect(view, &DocumentView::uncodeRequested, m_coding, &CodingActions::uncode);
    connect(view, &DocumentView::recodeRequested, this, [this](qint64 codingId) {
        if (const qint64 id = m_coding->askForCode(QStringLiteral("Recode As"))) m_coding->recode(codingId, id);
    });
    connect(view, &DocumentView::memoRequested, m_coding, &CodingActions::editSegmentMemo);
    connect(view, &DocumentView::linkToClaimRequested, m_evidenceController, &EvidenceController::linkToClaim);
    connect(view, &DocumentView::codeSelectionRequested, m_coding, &CodingActions::pickAndApply);
    connect(view, &DocumentView::inVivoRequested, m_coding, [this](const TextLocation&) { m_coding->inVivo(); });
    connect(view, &DocumentView::codeTurnRequested, this, [this](qint64, int) {
        if (const qint64 id = m_coding->askForCode(QStringLiteral("Code Whole Turn"))) m_coding->codeWholeTurn(id);
    });

    connect(m_search, &SearchPanel::hitActivated, this, &MainWindow::navigateTo);
    connect(m_search, &SearchPanel::resultsChanged, this, &MainWindow::refreshHighlights);
    connect(m_search, &SearchPanel::codeAllHitsRequested, this, [this](const QString& query, int scope) {
        if (const qint64 id = m_coding->askForCode(QStringLiteral("Code All Hits As"))) m_coding->codeAllHits(query, scope, id);
    });
    connect(m_retrieval, &RetrievalPanel::locationActivated, this, &MainWindow::navigateTo);
    connect(m_retrieval, &RetrievalPanel::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
}

void MainWindow::connectCodebook() {
    connect(m_codebook, &CodebookPanel::selectedCodesChanged, this, [this] { m_retrieval->showCodes(m_codebook->selectedCodeIds()); });
    connect(m_codebook, &CodebookPanel::codeActivated, this, [this](qint64) {
        m_retrieval->showCodes(m_codebook->selectedCodeIds());
        raisePanel(QStringLiteral("retrieval"));
    });
    connect(m_codebook, &CodebookPanel::rangeDropped, this, [this](const TextLocation& at, qint64 codeId) {
        m_coding->applyCode(codeId, {{at.sourceId, at.start, at.end}});
    });
    connect(new CodebookController(*m_workbench, *m_codebook, this), &CodebookController::failed, this,
            &MainWindow::showFailure);
}

void MainWindow::connectEvidence() {
    connect(m_evidence, &EvidencePanel::auditRequested, this, [this](qint64 id) {
        if (Status s = auditManuscript(id); !s) showFailure(s.errorMessage());
    });
    connect(m_evidence, &EvidencePanel::locationActivated, this, &MainWindow::navigateTo);
    // A claim chosen in the list is shown where it stands in the manuscript.
    connect(m_evidence, &EvidencePanel::claimSelected, this, [this](qint64 claimId) {
        const AuditClaim* claim = m_evidence->claimModel()->claim(claimId);
        if (!claim || !m_evidence->currentManuscriptId()) return;
        showSource(m_evidence->currentManuscriptId());
        documentView()->selectRange(claim->start, claim->end);
    });
    connect(m_evidenceController, &EvidenceController::failed, this, &MainWindow::showFailure);
    auto* participants = new ParticipantsController(*m_workbench, *m_participants, *m_importer, this);
    connect(participants, &ParticipantsController::failed, this, &MainWindow::showFailure);
    connect(participants, &ParticipantsController::message, this, [this](const QString& text) { statusBar()->showMessage(text, 5000); });
}

void MainWindow::connectAnalysis() {
    // Raising the dock's tab shows no widget anew (tabbed docks stay "visible"); queued, so that
    // the dock has its place on screen when the panel asks.
    connect(m_analysisDock, &QDockWidget::visibilityChanged, m_analysis, [this](bool shown) {
        if (shown) QMetaObject::invokeMethod(m_analysis, &AnalysisPanel::catchUp, Qt::QueuedConnection);
    });
    connect(m_analysis, &AnalysisPanel::locationActivated, this, &MainWindow::navigateTo);
    connect(m_analysis, &AnalysisPanel::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    // Resolving a disagreement is an edit like any other: one step on the undo stack.
    connect(m_analysis, &AnalysisPanel::adoptRequested, this, [this](const AdoptRequest& request) {
        if (Status s = AdoptVersionCommand::push(*m_workbench, request); !s) showFailure(s.errorMessage());
        else statusBar()->showMessage(QStringLiteral("Adopted %1's version %2.").arg(request.fromCoder, request.citation), 5000);
    });
    // Coding a query's passages goes the way of Code All Hits: the picker, then one undo step.
    connect(m_analysis, &AnalysisPanel::codePassagesRequested, this,
            [this](const std::vector<CodingRepository::Range>& passages, const QString& query) {
                if (const qint64 id = m_coding->askForCode(QStringLiteral("Code All Passages As")))
                    m_coding->codeAllPassages(passages, query, id);
            });
}

Status MainWindow::openProject(const QString& path) {
    if (Status s = m_workbench->open(path); !s) return s;
    RecentProjects::add(path);
    return {};
}

Status MainWindow::newProject(const QString& path) {
    if (Status s = m_workbench->create(path); !s) return s;
    RecentProjects::add(path);
    return {};
}

void MainWindow::chooseProject() {
    const QString path = QFileDialog::getOpenFileName(this, QStringLiteral("Open Project"), QString(),
                                                      QStringLiteral("Warrant projects (*.warrant)"));
    if (path.isEmpty()) return;
    if (Status s = openProject(path); !s) QMessageBox::warning(this, QStringLiteral("Open Project"), s.errorMessage());
}

void MainWindow::chooseNewProject() {
    QString path = QFileDialog::getSaveFileName(this, QStringLiteral("New Project"), QString(),
                                                QStringLiteral("Warrant projects (*.warrant)"));
    if (path.isEmpty()) return;
    if (!path.endsWith(QStringLiteral(".warrant"))) path += QStringLiteral(".warrant");
    if (Status s = newProject(path); !s) QMessageBox::warning(this, QStringLiteral("New Project"), s.errorMessage());
}

void MainWindow::importQdpx() {
    const QString from = m_exchange->askForQdpxToImport();
    if (from.isEmpty()) return;
    const QString to = m_exchange->askForNewProject(from);
    if (to.isEmpty()) return;
    (void)importQdpxInto(from, to); // it reports its own failure to the user
}

Status MainWindow::importQdpxInto(const QString& qdpxPath, const QString& projectPath) {
    auto report = m_exchange->importProject(qdpxPath, projectPath, m_workbench->chosenCoder());
    if (!report) {
        QMessageBox::warning(this, QStringLiteral("Import REFI-QDA Project"), report.errorMessage());
        return report.error();
    }
    if (Status s = openProject(projectPath); !s) return s;
    QMessageBox::information(this, QStringLiteral("Import REFI-QDA Project"), *report);
    return {};
}

void MainWindow::exportQdpx() {
    Project* project = m_workbench->project();
    if (!project) return;
    const QString to = m_exchange->askForQdpxToExport(project->path());
    if (to.isEmpty()) return;
    auto done = m_exchange->exportProject(*project, to);
    if (!done) QMessageBox::warning(this, QStringLiteral("Export REFI-QDA Project"), done.errorMessage());
    else statusBar()->showMessage(*done, 8000);
}

void MainWindow::refreshRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = RecentProjects::list();
    for (const QString& path : recent)
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (Status s = openProject(path); !s) QMessageBox::warning(this, QStringLiteral("Open Project"), s.errorMessage());
        })->setToolTip(path);
    if (recent.isEmpty()) m_recentMenu->addAction(QStringLiteral("No recent projects"))->setEnabled(false);
}

void MainWindow::onProjectOpened() {
    Project* project = m_workbench->project();
    setWindowTitle(QStringLiteral("%1 — Warrant").arg(QFileInfo(project->path()).fileName()));
    m_history.clear();
    updateNavigationActions();
    documentView()->setProject(project);
    m_sources->setProject(project);
    m_participants->setProject(project);
    m_codebook->setProject(project);
    m_search->setProject(project);
    m_search->setSearchIndex(nullptr);
    m_retrieval->setProject(project);
    m_evidence->setProject(project);
    m_analysis->setProject(project);
    refreshSummary();
    // Open on a page, never on an empty view: the panel's current source, else the first one.
    qint64 first = m_sources->currentSourceId();
    if (!first)
        if (auto sources = SourceRepository(*project).list(); sources && !sources->empty()) first = sources->front().id;
    if (first) showSource(first);
    documentView()->setFocus();
}

void MainWindow::onProjectClosed() {
    setWindowTitle(QStringLiteral("Warrant"));
    m_search->setSearchIndex(nullptr);
    documentView()->setProject(nullptr);
    m_sources->setProject(nullptr);
    m_participants->setProject(nullptr);
    m_codebook->setProject(nullptr);
    m_search->setProject(nullptr);
    m_retrieval->setProject(nullptr);
    m_evidence->setProject(nullptr);
    m_analysis->setProject(nullptr);
    m_history.clear();
    updateNavigationActions();
    m_summary->setText(QStringLiteral("No project open: File ▸ New Project or Open Project"));
    m_coderButton->setVisible(false);
    m_indexLabel->clear();
    m_indexProgress->hide();
}

void MainWindow::onIndexState(bool ready, const QString& message) {
    m_indexLabel->setText(message);
    m_indexProgress->setVisible(!ready && !message.startsWith(QStringLiteral("Search unavailable")));
    m_search->setSearchIndex(m_workbench->searchIndex());
}

void MainWindow::onChanged(const ChangeNotice& notice) {
    // Each panel re-reads what it shows; positions and selections are kept by the panels.
    if (notice.codebookChanged || !notice.sourceIds.empty()) {
        m_codebook->reload();
        documentView()->reloadCodings();
        m_retrieval->reload();
        m_sources->reload();
    }
    if (notice.participantsChanged) {
        m_participants->reload();
        m_sources->reload();
    }
    // Figures follow every coding, code and attribute; a hidden tab re-reads when next shown.
    if (notice.codebookChanged || notice.participantsChanged || !notice.sourceIds.empty()) m_analysis->reload();
    m_evidence->refreshLinks();
    if (m_workbench->searchIndex()) m_search->refresh(); // code filters and facets follow codings
    refreshSummary();
}

void MainWindow::refreshSummary() {
    Project* project = m_workbench->project();
    if (!project) return;
    if (auto summary = ProjectSummary::of(*project))
        m_summary->setText(QStringLiteral("%1 sources · %2 participants · %3 codes · %4 codings")
                               .arg(summary->sources)
                               .arg(summary->participants)
                               .arg(summary->codes)
                               .arg(summary->codings));
    m_coderButton->setText(Workbench::chosenCoder().isEmpty()
                               ? QStringLiteral("Coder: %1 (set your name)").arg(project->coderName())
                               : QStringLiteral("Coder: %1").arg(project->coderName()));
    m_coderButton->setVisible(true);
}

void MainWindow::refreshHighlights() {
    DocumentView* view = documentView();
    std::vector<TextLocation> hits;
    for (const TextLocation& at : m_search->matchRanges())
        if (at.sourceId == view->sourceId()) hits.push_back(at);
    view->setSearchHighlights(hits);
    view->setQuoteHighlights(m_evidence->quoteLocations(view->sourceId()));
}

void MainWindow::showSource(qint64 sourceId) {
    if (!m_workbench->project() || sourceId <= 0) return;
    if (documentView()->sourceId() != sourceId) documentView()->showSource(sourceId);
    m_sources->selectSource(sourceId);
    refreshHighlights();
}

void MainWindow::navigateTo(const TextLocation& location) {
    if (!location.isValid()) return;
    // The place we leave is remembered too, so Back returns to it.
    if (auto here = documentView()->selectedRange(); here && !m_history.canGoForward()) m_history.visit(*here);
    m_history.visit(location);
    showSource(location.sourceId);
    documentView()->selectRange(location.start, location.end);
    updateNavigationActions();
}

void MainWindow::goBack() {
    if (!m_history.canGoBack()) return;
    const TextLocation at = m_history.back();
    showSource(at.sourceId);
    documentView()->selectRange(at.start, at.end);
    updateNavigationActions();
}

void MainWindow::goForward() {
    if (!m_history.canGoForward()) return;
    const TextLocation at = m_history.forward();
    showSource(at.sourceId);
    documentView()->selectRange(at.start, at.end);
    updateNavigationActions();
}

void MainWindow::updateNavigationActions() {
    if (m_backAction) m_backAction->setEnabled(m_history.canGoBack());
    if (m_forwardAction) m_forwardAction->setEnabled(m_history.canGoForward());
}

bool MainWindow::raisePanel(const QString& name) {
    QDockWidget* dock = name == QStringLiteral("search")      ? m_searchDock
                        : name == QStringLiteral("retrieval") ? m_retrievalDock
                        : name == QStringLiteral("evidence")  ? m_evidenceDock
                        : name == QStringLiteral("analysis")  ? m_analysisDock
                                                              : nullptr;
    if (!dock) return false;
    dock->show();
    dock->raise();
    return true;
}

bool MainWindow::showAnalysis(const QString& tab) {
    if (!m_analysis->showTab(tab)) return false;
    raisePanel(QStringLiteral("analysis"));
    // Tables of codes want rows; the document above keeps the rest for passages jumped to.
    const int wanted = height() / 2;
    if (m_analysisDock->height() < wanted) resizeDocks({m_analysisDock}, {wanted}, Qt::Vertical);
    m_analysis->catchUp();
    return true;
}

Status MainWindow::auditManuscript(qint64 manuscriptId) {
    auto done = m_evidenceController->audit(manuscriptId);
    if (!done) return done.error();
    refreshHighlights();
    statusBar()->showMessage(*done, 8000);
    return {};
}

void MainWindow::askForCoder() {
    Project* project = m_workbench->project();
    bool ok = false;
    const QString name = QInputDialog::getText(this, QStringLiteral("Coder"), QStringLiteral("Your name, as codings should record it:"),
                                               QLineEdit::Normal, project ? project->coderName() : Workbench::chosenCoder(), &ok);
    if (!ok || name.trimmed().isEmpty()) return;
    m_workbench->setCoder(name);
    refreshSummary();
}

void MainWindow::showFailure(const QString& message) { statusBar()->showMessage(message, 8000); }

QRect MainWindow::initialGeometry(const QRect& available) { return WindowLayout::initialGeometry(available); }

void MainWindow::resetLayout() {
    for (QDockWidget* d : findChildren<QDockWidget*>()) {
        d->setFloating(false);
        d->show();
    }
    WindowLayout::apply(*this, DockShares{}, size());
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    // The layout has given the whole change to the document; share it out as the docks stood.
    if (!isVisible() || !event->oldSize().isValid() || event->oldSize().isEmpty()) return;
    WindowLayout::apply(*this, WindowLayout::measure(*this, event->oldSize()), event->size());
}

QString MainWindow::layoutKey() const {
    // A layout per screen size: what fits 1920 × 1080 is cramped at 1024 × 700.
    const QScreen* s = screen() ? screen() : QGuiApplication::primaryScreen();
    const QRect a = s ? s->availableGeometry() : QRect(0, 0, 1280, 800);
    return QStringLiteral("window/%1x%2").arg(a.width()).arg(a.height());
}

void MainWindow::restoreLayout() {
    QSettings settings;
    const QScreen* s = screen() ? screen() : QGuiApplication::primaryScreen();
    const QRect available = s ? s->availableGeometry() : QRect(0, 0, 1280, 800);
    setGeometry(initialGeometry(available));
    restoreGeometry(settings.value(layoutKey() + QStringLiteral("/geometry")).toByteArray());
    if (!restoreState(settings.value(layoutKey() + QStringLiteral("/state")).toByteArray()))
        WindowLayout::apply(*this, DockShares{}, size());
    // A restored window never reaches past the screen it is on.
    if (!available.contains(frameGeometry())) setGeometry(geometry().intersected(available));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue(layoutKey() + QStringLiteral("/geometry"), saveGeometry());
    settings.setValue(layoutKey() + QStringLiteral("/state"), saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (m_workbench->project() && event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile()) paths << url.toLocalFile();
    if (paths.isEmpty()) return;
    event->acceptProposedAction();
    auto done = m_importer->importFiles(paths, ImportController::guessKind(paths));
    if (!done) QMessageBox::warning(this, QStringLiteral("Import Files"), done.errorMessage());
    else statusBar()->showMessage(*done, 8000);
}

} // namespace warrant
