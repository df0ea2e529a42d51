#include "EvidencePanel.h"

#include "trace/AuditStore.h"

#include "ClaimDetailView.h"
#include "ClaimListModel.h"
#include "ClaimStatus.h"
#include "VerdictBadge.h"
#include "VerdictBadgeDelegate.h"
#include "store/ClaimRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"
#include "text/TextOffsets.h"
#include "trace/TurnTexts.h"
#include "trace/report/AuditFacts.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QScrollArea>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

namespace warrant {

namespace {

const QString kProblemsFilter = QStringLiteral(":problems");
constexpr int kChoiceChars = 80;

// The same location details the auditor gives its evidence, for links read back after a change.
EvidenceLocation locationOf(TurnTexts& turns, const EvidenceLink& link) {
    EvidenceLocation l;
    l.sourceId = link.sourceId;
    l.start = link.start;
    l.end = link.end;
    if (const TurnText* t = turns.at(link.sourceId, link.start)) {
        l.participant = t->participant;
        l.interviewer = t->interviewer;
        l.source = t->source;
        l.turn = t->number;
        l.context = t->text;
        const TextOffsets offsets(t->text);
        const qsizetype a = offsets.utf16FromCodePoint(link.start - t->start);
        const qsizetype b = offsets.utf16FromCodePoint(link.end - t->start);
        l.text = t->text.mid(a, b - a);
    }
    return l;
}

bool overlaps(const EvidenceLocation& a, const EvidenceLocation& b) {
    return a.sourceId == b.sourceId && a.start < b.end && b.start < a.end;
}


} // namespace

EvidencePanel::EvidencePanel(QWidget* parent) : QWidget(parent) {
    m_manuscripts = new QComboBox(this);
    m_manuscripts->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_manuscripts->setMinimumContentsLength(16);
    m_audit = new QPushButton(tr("Audit"), this);
    m_audit->setToolTip(tr("Check the manuscript's quotations and claims against the interviews"));
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(120);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_filter = new QComboBox(this);
    m_counts = new QLabel(this);

    m_model = new ClaimListModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_claimView = new QTreeView(this);
    m_claimView->setModel(m_proxy);
    m_claimView->setRootIsDecorated(false);
    m_claimView->setUniformRowHeights(true);
    m_claimView->setAlternatingRowColors(true);
    m_claimView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_claimView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_claimView->setTextElideMode(Qt::ElideRight); // a claim reads from its start
    m_claimView->setItemDelegateForColumn(ClaimListModel::StatusColumn,
                                          new VerdictBadgeDelegate(m_claimView));
    m_claimView->header()->setSectionResizeMode(ClaimListModel::StatusColumn, QHeaderView::ResizeToContents);
    m_claimView->header()->setSectionResizeMode(ClaimListModel::SectionColumn, QHeaderView::ResizeToContents);
    m_claimView->header()->setSectionResizeMode(ClaimListModel::ClaimColumn, QHeaderView::Stretch);
    m_claimView->header()->setStretchLastSection(false);
    m_claimView->header()->resizeSection(ClaimListModel::CitationsColumn,
                                         m_claimView->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 10);
    // Segments and search hits dragged here are linked to the claim they are dropped on.
    m_claimView->setAcceptDrops(true);
    m_claimView->setDragDropMode(QAbstractItemView::DropOnly);
    m_claimView->setDragDropOverwriteMode(true);
    m_claimView->setDropIndicatorShown(true);

    m_detail = new ClaimDetailView(this);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Manuscript:"), this));
    top->addWidget(m_manuscripts, 1);
    top->addWidget(m_audit);
    top->addWidget(m_progress);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter);
    filterRow->addWidget(m_counts, 1);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_claimView);
    // The claim's details scroll inside the panel instead of setting its height.
    auto* detailScroll = new QScrollArea(this);
    detailScroll->setWidget(m_detail);
    detailScroll->setWidgetResizable(true);
    detailScroll->setFrameShape(QFrame::NoFrame);
    splitter->addWidget(detailScroll);
    splitter->setChildrenCollapsible(false);
    // The list gets the larger share: its badges and claim texts need width; the detail scrolls.
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    m_claimView->setMinimumWidth(m_claimView->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 36);
    detailScroll->setMinimumWidth(m_claimView->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 30);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(filterRow);
    layout->addWidget(splitter, 1);

    connect(m_audit, &QPushButton::clicked, this, &EvidencePanel::requestAudit);
    // Choosing a manuscript shows its last stored audit, or audits it when it has none.
    connect(m_manuscripts, &QComboBox::activated, this, [this] {
        if (!showStoredReport()) requestAudit();
    });
    connect(m_filter, &QComboBox::activated, this, &EvidencePanel::applyFilter);
    connect(m_claimView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EvidencePanel::currentRowChanged);
    connect(m_model, &ClaimListModel::rangeDropped, this,
            [this](qint64 claimId, const TextLocation& location) {
                Q_EMIT linkRequested(claimId, location, evidenceStanceName(EvidenceStance::Supports));
            });
    connect(m_detail, &ClaimDetailView::locationActivated, this, &EvidencePanel::locationActivated);
    connect(m_detail, &ClaimDetailView::linkRequested, this, &EvidencePanel::linkRequested);
    connect(m_detail, &ClaimDetailView::unlinkRequested, this, &EvidencePanel::unlinkRequested);
    connect(m_detail, &ClaimDetailView::stanceChangeRequested, this, &EvidencePanel::stanceChangeRequested);

    rebuildFilter();
    updateCounts();
    m_audit->setEnabled(false);
}

EvidencePanel::~EvidencePanel() = default;

void EvidencePanel::setProject(Project* project) {
    m_project = project;
    m_suggestions.clear();
    m_model->setClaims({});
    rebuildFilter();
    reloadManuscripts();
    currentRowChanged();
    updateCounts();
    showStoredReport();
}

bool EvidencePanel::showStoredReport() {
    if (!m_project || currentManuscriptId() <= 0) return false;
    auto stored = AuditStore(*m_project).lastReport(currentManuscriptId());
    if (!stored || !*stored) return false;
    setReport(**stored, ClaimChoice::KeepNone);
    return true;
}

void EvidencePanel::reloadManuscripts() {
    m_manuscripts->clear();
    if (m_project) {
        if (auto sources = SourceRepository(*m_project).list())
            for (const Source& s : *sources)
                if (s.kind == SourceKind::Manuscript) m_manuscripts->addItem(s.title, s.id);
    }
    m_audit->setEnabled(!m_busy && m_manuscripts->count() > 0);
}

void EvidencePanel::setReport(const AuditReport& report, ClaimChoice choice) {
    const qint64 previous = currentClaimId();
    const int manuscript = m_manuscripts->findText(report.manuscript);
    if (manuscript >= 0) m_manuscripts->setCurrentIndex(manuscript);
    m_suggestions.clear();
    for (const AuditClaim& claim : report.claims)
        for (const AuditEvidence& e : claim.evidence)
            if (AuditFacts::isSuggestion(e)) m_suggestions[claim.id].push_back(e);
    m_model->setClaims(report.claims);
    rebuildFilter();
    applyFilter();
    m_shownClaim = -1; // the claim may have the same id but new findings: show it afresh
    if (m_model->rowOf(previous) >= 0)
        selectClaim(previous);
    else if (m_proxy->rowCount() > 0 && choice == ClaimChoice::First)
        m_claimView->setCurrentIndex(m_proxy->index(0, 0));
    currentRowChanged();
    updateCounts();
}

void EvidencePanel::setBusy(bool busy) {
    m_busy = busy;
    m_progress->setVisible(busy);
    m_manuscripts->setEnabled(!busy);
    m_audit->setEnabled(!busy && m_manuscripts->count() > 0);
    m_audit->setText(busy ? tr("Auditing\u2026") : tr("Audit"));
}

void EvidencePanel::refreshLinks() {
    if (!m_project) return;
    ClaimRepository repository(*m_project);
    TurnTexts turns(*m_project);
    for (const AuditClaim& claim : m_model->claims()) {
        auto links = repository.links(claim.id);
        if (!links) continue;
        std::vector<AuditEvidence> evidence;
        for (const EvidenceLink& link : *links)
            evidence.push_back(
                {link.id, link.segmentId, link.stance, link.origin, locationOf(turns, link), 1.0});
        // The report's suggestions stay until a link covers them.
        const auto suggestions = m_suggestions.find(claim.id);
        if (suggestions != m_suggestions.end()) {
            for (const AuditEvidence& e : suggestions->second) {
                const bool linked =
                    std::any_of(evidence.begin(), evidence.end(),
                                [&](const AuditEvidence& l) { return overlaps(l.location, e.location); });
                if (!linked) evidence.push_back(e);
            }
        }
        m_model->setEvidence(claim.id, std::move(evidence));
    }
    // The shown claim's evidence is redrawn, but it is not chosen again: an edit elsewhere (a
    // coding in a transcript) must not move the document view to the manuscript.
    m_detail->showClaim(m_model->claim(currentClaimId()));
    rebuildFilter();
    updateCounts();
}

qint64 EvidencePanel::currentManuscriptId() const {
    return m_manuscripts->currentData().toLongLong();
}

qint64 EvidencePanel::currentClaimId() const {
    const QModelIndex current = m_claimView->currentIndex();
    return current.isValid() ? current.data(ClaimListModel::ClaimIdRole).toLongLong() : 0;
}

void EvidencePanel::selectClaim(qint64 claimId) {
    const int row = m_model->rowOf(claimId);
    if (row < 0) return;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
        m_filter->setCurrentIndex(0);
        applyFilter();
        index = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    m_claimView->setCurrentIndex(index);
    m_claimView->scrollTo(index);
}

std::vector<TextLocation> EvidencePanel::quoteLocations(qint64 sourceId) const {
    std::vector<TextLocation> locations;
    for (const AuditClaim& claim : m_model->claims())
        for (const AuditQuote& q : claim.quotes)
            if (q.found && q.found->sourceId == sourceId && isVerified(q.verdict))
                locations.push_back({q.found->sourceId, q.found->start, q.found->end});
    return locations;
}

std::vector<std::pair<qint64, QString>> EvidencePanel::claimChoices() const {
    std::vector<std::pair<qint64, QString>> choices;
    for (const AuditClaim& claim : m_model->claims())
        choices.emplace_back(claim.id, AuditFacts::shorten(claim.text, kChoiceChars));
    return choices;
}

void EvidencePanel::rebuildFilter() {
    const QString chosen = m_filter->currentData().toString();
    const std::map<QString, int> counts = m_model->statusCounts();
    m_filter->clear();
    m_filter->addItem(tr("All claims (%1)").arg(m_model->rowCount()), QString());
    m_filter->addItem(tr("Problems only (%1)").arg(m_model->problemCount()), kProblemsFilter);
    for (const QString& status : ClaimStatus::names()) {
        const auto it = counts.find(status);
        if (it != counts.end())
            m_filter->addItem(QStringLiteral("%1 (%2)").arg(VerdictBadge::label(status)).arg(it->second),
                              status);
    }
    const int keep = m_filter->findData(chosen);
    m_filter->setCurrentIndex(keep >= 0 ? keep : 0);
}

void EvidencePanel::applyFilter() {
    const QString chosen = m_filter->currentData().toString();
    if (chosen.isEmpty()) {
        m_proxy->setFilterRole(Qt::DisplayRole);
        m_proxy->setFilterRegularExpression(QRegularExpression());
    } else if (chosen == kProblemsFilter) {
        m_proxy->setFilterRole(ClaimListModel::ProblemRole);
        m_proxy->setFilterRegularExpression(QRegularExpression(QStringLiteral("^true$")));
    } else {
        m_proxy->setFilterRole(ClaimListModel::StatusRole);
        m_proxy->setFilterRegularExpression(
            QRegularExpression(QRegularExpression::anchoredPattern(QRegularExpression::escape(chosen))));
    }
    currentRowChanged();
    updateCounts();
}

void EvidencePanel::updateCounts() {
    const int all = m_model->rowCount();
    if (all == 0) {
        m_counts->setText(m_project ? tr("No audit shown: press Audit.") : QString());
        return;
    }
    QString text = tr("%1 claims \u00b7 %2 with problems").arg(all).arg(m_model->problemCount());
    if (m_proxy->rowCount() != all) text += tr(" \u00b7 %1 shown").arg(m_proxy->rowCount());
    m_counts->setText(text);
}

void EvidencePanel::currentRowChanged() {
    const qint64 id = currentClaimId();
    if (id == m_shownClaim) return;
    m_shownClaim = id;
    m_detail->showClaim(m_model->claim(id));
    Q_EMIT claimSelected(id);
}

void EvidencePanel::requestAudit() {
    const qint64 id = currentManuscriptId();
    if (id > 0 && !m_busy) Q_EMIT auditRequested(id);
}

} // namespace warrant
