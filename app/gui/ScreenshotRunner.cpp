#include "ScreenshotRunner.h"

#include "ClaimListModel.h"
#include "CodebookPanel.h"
#include "DocumentView.h"
#include "EvidencePanel.h"
#include "MainWindow.h"
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
    return makeError(QStringLiteral("unknown view '%1' (available: coding, search, retrieval, evidence)").arg(view));
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
