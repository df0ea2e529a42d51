#pragma once

#include "NavigationHistory.h"
#include "Result.h"
#include "TextLocation.h"

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QToolButton;
class QMenu;
class QProgressBar;

namespace warrant {

class AnalysisPanel;
class CodebookPanel;
class CodingActions;
class ExchangeController;
class DocumentPane;
class DocumentView;
class EvidenceController;
class EvidencePanel;
class ImportController;
class ParticipantsPanel;
class RetrievalPanel;
class SearchPanel;
class SourcesPanel;
class Workbench;
struct ChangeNotice;

// The workbench window: sources and participants on the left, the document in the centre, the
// codebook on the right, search, retrieval and evidence below. It lays out the panels and
// connects their requests to undoable commands; every rule lives in core.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Status openProject(const QString& path);
    Status newProject(const QString& path);
    Workbench& workbench() const { return *m_workbench; }

    DocumentView* documentView() const;
    SourcesPanel* sourcesPanel() const { return m_sources; }
    ParticipantsPanel* participantsPanel() const { return m_participants; }
    CodebookPanel* codebookPanel() const { return m_codebook; }
    SearchPanel* searchPanel() const { return m_search; }
    RetrievalPanel* retrievalPanel() const { return m_retrieval; }
    EvidencePanel* evidencePanel() const { return m_evidence; }
    AnalysisPanel* analysisPanel() const { return m_analysis; }
    CodingActions* codingActions() const { return m_coding; }
    // Where the first window opens on a screen with this available area: within it, centred.
    static QRect initialGeometry(const QRect& available);
    // Creates a project from a REFI-QDA file and opens it; the failure was already shown.
    Status importQdpxInto(const QString& qdpxPath, const QString& projectPath);
    // Every panel docked and shown, each dock area at its default share of the window.
    void resetLayout();
    ImportController* importer() const { return m_importer; }

    void showSource(qint64 sourceId);
    // Shows the source, selects the range and remembers the jump for Back/Forward.
    void navigateTo(const TextLocation& location);
    // Brings a bottom panel to the front: "search", "retrieval", "evidence" or "analysis".
    bool raisePanel(const QString& name);
    // Brings the Analysis panel to the front at a tab ("agreement", "matrix", "charts"), with room
    // for its tables: the bottom area takes at least half the window.
    bool showAnalysis(const QString& tab);
    // Runs the audit of a manuscript (in the background) and shows its report.
    Status auditManuscript(qint64 manuscriptId);

protected:
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildPanels();
    void buildMenus();
    QAction* buildFileMenu();                    // returns Import Files, for the toolbar
    std::pair<QAction*, QAction*> buildEditMenu(); // undo, redo
    QAction* buildCodeMenu();                    // returns Code Selection
    void buildGoAndAnalysisMenus();
    void buildToolBar(QAction* import, QAction* undo, QAction* redo, QAction* pick);
    void buildCodeShortcuts();
    void connectPanels();
    void connectCodebook();
    void connectEvidence();
    void connectAnalysis();
    void onProjectOpened();
    void onProjectClosed();
    void onChanged(const ChangeNotice& notice);
    void onIndexState(bool ready, const QString& message);
    void refreshSummary();
    void askForCoder();
    QString layoutKey() const;
    void refreshHighlights();
    void refreshRecentMenu();
    void chooseProject();
    void chooseNewProject();
    void goBack();
    void goForward();
    void updateNavigationActions();
    void showFailure(const QString& message);
    void restoreLayout();
    void importQdpx();
    void exportQdpx();

    Workbench* m_workbench = nullptr;
    ExchangeController* m_exchange = nullptr;
    DocumentPane* m_document = nullptr;
    SourcesPanel* m_sources = nullptr;
    ParticipantsPanel* m_participants = nullptr;
    CodebookPanel* m_codebook = nullptr;
    SearchPanel* m_search = nullptr;
    RetrievalPanel* m_retrieval = nullptr;
    EvidencePanel* m_evidence = nullptr;
    AnalysisPanel* m_analysis = nullptr;
    CodingActions* m_coding = nullptr;
    ImportController* m_importer = nullptr;
    EvidenceController* m_evidenceController = nullptr;
    QDockWidget* m_searchDock = nullptr;
    QDockWidget* m_retrievalDock = nullptr;
    QDockWidget* m_evidenceDock = nullptr;
    QDockWidget* m_analysisDock = nullptr;
    QMenu* m_recentMenu = nullptr;
    QAction* m_backAction = nullptr;
    QToolButton* m_coderButton = nullptr;
    QAction* m_forwardAction = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_indexLabel = nullptr;
    QProgressBar* m_indexProgress = nullptr;
    NavigationHistory m_history;
};

} // namespace warrant
