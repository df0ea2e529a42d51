#include "ScreenshotRunner.h"

#include "AgreementView.h"
#include "AnalysisCharts.h"
#include "AnalysisPanel.h"
#include "ClaimListModel.h"
#include "CodebookPanel.h"
#include "DisagreementBrowser.h"
#include "DocumentView.h"
#include "EvidencePanel.h"
#include "MainWindow.h"
#include "MatrixView.h"
#include "QueryView.h"
#include "RetrievalModel.h"
#include "RetrievalPanel.h"
#include "SearchPanel.h"
#include "SourcesPanel.h"
#include "Workbench.h"
#include "store/CodebookRepository.h"
#include "store/CodingRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"

#include <QApplication>
#include <QLineEdit>
#include <QPixmap>
#include <QStandardItemModel>
#include <QTableView>

namespace warrant {

namespace {

// The transcript with the most codings: the richest page to show.
qint64 mostCodedSource(Project& project) {
    auto segments = CodingRepository(project).segments({});
    if (!segments) return 0;
    std::map<qint64, int> counts;
    for (const CodedSegment& s : *segments) ++counts[s.sourceId];
    qint64 best = 0;
    int most = -1;
    for (const auto& [id, n] : counts)
        if (n > most) std::tie(best, most) = std::tie(id, n);
    return best;
}

qint64 firstManuscript(Project& project) {
    auto sources = SourceRepository(project).list();
    if (sources)
        for (const Source& s : *sources)
            if (s.kind == SourceKind::Manuscript) return s.id;
    return 0;
}

// The code the coders disagree on most: the richest disagreement list to show.
qint64 mostDisputedCode(const AgreementReport& report) {
    qint64 best = 0, most = -1;
    for (const CodeAgreement& c : report.codes)
        if (const qint64 differ = c.figures.firstOnly + c.figures.secondOnly; differ > most) {
            best = c.codeId;
            most = differ;
        }
    return best;
}

void prepareAgreement(MainWindow& window) {
    AgreementView* agreement = window.analysisPanel()->agreementView();
    if (!agreement->report()) return;
    agreement->selectCode(mostDisputedCode(*agreement->report()));
    // The first disagreement, shown in its transcript as "Show in Document" would.
    DisagreementBrowser* browser = agreement->disagreements();
    if (!browser->disagreements().empty()) {
        const Disagreement& d = browser->disagreements().front();
        window.navigateTo(TextLocation{d.sourceId, qsizetype(d.start), qsizetype(d.end)});
    }
}

void prepareMatrix(MainWindow& window) {
    MatrixView* matrix = window.analysisPanel()->matrixView();
    matrix->setColumns(QStringLiteral("group"));
    const auto& result = matrix->result();
    if (!result || result->cells.empty()) return;
    // The fullest cell of the first code row that has one: a list of segments worth reading.
    for (size_t row = 0; row < result->cells.size(); ++row) {
        const auto& cells = result->cells[row];
        const auto most = std::max_element(cells.begin(), cells.end());
        if (most == cells.end() || *most == 0) continue;
        matrix->matrixTable()->setCurrentIndex(matrix->cellIndex(int(row), int(most - cells.begin())));
        // Its first segment, shown in its transcript as a double-click would.
        if (matrix->segmentsModel()->rowCount() > 0) {
            matrix->segmentsView()->selectRow(0);
            window.navigateTo(matrix->segmentsModel()->locationAt(0));
        }
        return;
    }
}

Status prepareAnalysis(MainWindow& window, const QString& view) {
    window.showAnalysis(view);
    QApplication::processEvents(); // the tab draws its figures when first shown
    if (view == QStringLiteral("agreement")) prepareAgreement(window);
    if (view == QStringLiteral("matrix")) prepareMatrix(window);
    // The saturation curve: a whole chart in view, where the bar charts scroll through the codebook.
    if (view == QStringLiteral("charts")) window.analysisPanel()->chartsView()->showChart(AnalysisCharts::Saturation);
    // A proximity query with a filter: the language at work, and a table of passages to read.
    if (view == QStringLiteral("query")) {
        QueryView* query = window.analysisPanel()->queryView();
        query->run(QStringLiteral("\"Pragmatic approach\" NEAR/1 Funding"));
        if (!query->passageRows().empty()) window.navigateTo(query->locationAt(0));
    }
    return {};
}

Status prepare(MainWindow& window, const QString& view) {
    Project* project = window.workbench().project();
    if (!project) return {}; // the empty window
    window.workbench().waitForIndex();
    if (view == QStringLiteral("coding")) {
        if (const qint64 id = mostCodedSource(*project)) {
            window.showSource(id);
            auto segments = CodingRepository(*project).segments([&] {
                SegmentFilter f;
                f.sourceId = id;
                return f;
            }());
            if (segments && !segments->empty()) {
                // The selected segment's code, its definition and its other segments, as when coding.
                window.codebookPanel()->selectCode(segments->front().codeId);
                window.documentView()->selectRange(segments->front().start, segments->front().end);
            }
        }
        window.raisePanel(QStringLiteral("retrieval"));
        return {};
    }
    if (view == QStringLiteral("search")) {
        window.raisePanel(view);
        window.searchPanel()->queryEdit()->setText(QStringLiteral("cluster NEAR/5 policy"));
        window.searchPanel()->runQuery(window.searchPanel()->queryEdit()->text());
        const auto hits = window.searchPanel()->matchRanges();
        if (!hits.empty()) window.navigateTo(hits.front());
        return {};
    }
    if (view == QStringLiteral("retrieval")) {
        auto codes = CodebookRepository(*project).list();
        if (codes && !codes->empty()) window.codebookPanel()->selectCode(codes->front().id);
        window.raisePanel(view);
        // The first retrieved segment, shown in its transcript as a double-click would.
        RetrievalModel* rows = window.retrievalPanel()->model();
        if (rows->rowCount() > 0) {
            window.retrievalPanel()->tableView()->selectRow(0);
            window.navigateTo(rows->locationAt(0));
        }
        return {};
    }
    if (view == QStringLiteral("evidence")) {
        window.raisePanel(view);
        if (const qint64 id = firstManuscript(*project)) {
            if (Status s = window.auditManuscript(id); !s) return s;
            window.showSource(id);
            // A claim whose quotation was altered shows the most: verdict, diff and the place said.
            ClaimListModel* claims = window.evidencePanel()->claimModel();
            for (int row = 0; row < claims->rowCount(); ++row) {
                const QModelIndex at = claims->index(row, 0);
                if (at.data(ClaimListModel::StatusRole).toString() == QStringLiteral("altered")) {
                    window.evidencePanel()->selectClaim(at.data(ClaimListModel::ClaimIdRole).toLongLong());
                    break;
                }
            }
        }
        return {};
    }
    if (view == QStringLiteral("agreement") || view == QStringLiteral("matrix") || view == QStringLiteral("charts") ||
        view == QStringLiteral("query"))
        return prepareAnalysis(window, view);
    return makeError(QStringLiteral("unknown view '%1' (available: coding, search, retrieval, evidence, agreement, matrix, charts, query)").arg(view));
}

} // namespace

Result<QSize> ScreenshotRunner::parseSize(const QString& text) {
    const QStringList parts = text.toLower().split(QLatin1Char('x'));
    bool wide = false, high = false;
    const int width = parts.size() == 2 ? parts[0].toInt(&wide) : 0;
    const int height = parts.size() == 2 ? parts[1].toInt(&high) : 0;
    if (!wide || !high || width < 320 || height < 240 || width > 8000 || height > 8000)
        return makeError(QStringLiteral("--size '%1': expected WIDTHxHEIGHT such as 1024x700").arg(text));
    return QSize(width, height);
}

Status ScreenshotRunner::capture(MainWindow& window, const QString& view, const QString& pngPath, QSize size) {
    window.resize(size);
    window.show();
    QApplication::processEvents();
    window.resetLayout(); // as a first start at this size shows it, whatever was saved
    QApplication::processEvents();
    if (Status s = prepare(window, view); !s) return s;
    QApplication::processEvents();
    const QPixmap image = window.grab();
    if (image.isNull() || !image.save(pngPath, "PNG"))
        return makeError(QStringLiteral("%1: cannot write the screenshot").arg(pngPath));
    return {};
}

} // namespace warrant
