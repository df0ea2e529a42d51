#include "QueryView.h"

#include "AnalysisPanel.h"
#include "Counted.h"
#include "ElidingDelegate.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace warrant {

namespace {

// The language at a glance; docs/analysis.md has it in full.
QString operatorsTip() {
    return QueryView::tr("A code query finds passages by their codings.\n"
                         "Codes: a full path or unique name, quoted with spaces (\"Pragmatic approach\", code:Funding); "
                         "subcodes count too.\n"
                         "A AND B: text coded with both    A OR B: with either    A NOT B: A's text without B's\n"
                         "A OVERLAPS B: A's passages overlapping one of B\n"
                         "A NEAR/n B: A's passages within n turns of B    A FOLLOWS[/n] B: after one of B\n"
                         "( … ) groups; AND binds tighter than OR.\n"
                         "Filters anywhere: coder:NAME, participant:R8, group:medical, ATTRIBUTE:value.\n"
                         "Enter runs the query.");
}

} // namespace

QueryView::QueryView(QWidget* parent) : QWidget(parent) {
    m_model = new QStandardItemModel(this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buildQueryRow());
    layout->addLayout(buildActions());
    buildTable();
    layout->addWidget(m_view, 1);
    updateActions();
}

QLayout* QueryView::buildQueryRow() {
    m_expression = new QLineEdit(this);
    m_expression->setObjectName(QStringLiteral("queryExpression"));
    m_expression->setPlaceholderText(tr("e.g. \"Pragmatic approach\" NEAR/1 Funding group:medical"));
    m_expression->setToolTip(operatorsTip());
    m_expression->setClearButtonEnabled(true);
    connect(m_expression, &QLineEdit::returnPressed, this, qOverload<>(&QueryView::run));
    m_run = new QPushButton(tr("Run"), this);
    m_run->setToolTip(tr("Find the passages of the query (Enter)"));
    connect(m_run, &QPushButton::clicked, this, qOverload<>(&QueryView::run));
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Query:"), this));
    row->addWidget(m_expression, 1);
    row->addWidget(m_run);
    return row;
}

QLayout* QueryView::buildActions() {
    // One line: an error or the count, never wrapping the table down; the whole text is its tooltip.
    m_status = new QLabel(tr("Type a query and press Enter."), this);
    m_status->setObjectName(QStringLiteral("queryStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status->installEventFilter(this);
    m_show = new QPushButton(tr("Show in Document"), this);
    m_show->setToolTip(tr("Open the selected passage in its transcript (or double-click it)"));
    connect(m_show, &QPushButton::clicked, this, &QueryView::showCurrent);
    m_codeAll = new QPushButton(tr("Code All…"), this);
    m_codeAll->setToolTip(tr("Code every passage with a code chosen or created by name: one undo step"));
    connect(m_codeAll, &QPushButton::clicked, this, [this] { Q_EMIT codeAllRequested(passageRanges(), m_query); });
    m_addToMatrix = new QPushButton(tr("Add to Matrix"), this);
    m_addToMatrix->setToolTip(tr("Show the query as a row of the Matrix tab, under the codes"));
    connect(m_addToMatrix, &QPushButton::clicked, this, [this] { Q_EMIT addToMatrixRequested(m_query); });
    m_export = new QPushButton(tr("Export Table…"), this);
    m_export->setToolTip(tr("Write the passages as CSV or an Excel workbook"));
    connect(m_export, &QPushButton::clicked, this, &QueryView::chooseExportFile);
    auto* row = new QHBoxLayout;
    row->addWidget(m_status, 1);
    for (QPushButton* button : {m_show, m_codeAll, m_addToMatrix, m_export}) row->addWidget(button);
    return row;
}

void QueryView::buildTable() {
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("queryPassages"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    // A long transcript title keeps its end ("…interview R8"), where titles differ.
    m_view->setItemDelegateForColumn(SourceColumn, new ElidingDelegate(Qt::ElideLeft, m_view));
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& at) {
        if (const TextLocation location = locationAt(at.row()); location.isValid()) Q_EMIT locationActivated(location);
    });
    fillTable();
}

void QueryView::setProject(Project* project) {
    m_project = project;
    m_snapshot.reset();
    // A query names another project's codes: start again.
    m_query.clear();
    m_error.clear();
    m_passages.clear();
    m_rows.clear();
    fillTable();
    showStatus(tr("Type a query and press Enter."), false);
    reload();
}

void QueryView::reload() {
    m_stale = true;
    catchUp();
}

void QueryView::catchUp() {
    if (m_stale && AnalysisPanel::onScreen(this)) refresh();
}

void QueryView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    catchUp();
}

void QueryView::refresh() {
    loadSnapshot();
    // The passages follow the codings: what was run runs again on the changed project.
    if (!m_query.isEmpty()) evaluateAndShow();
}

void QueryView::loadSnapshot() {
    m_stale = false;
    m_snapshot.reset();
    m_loadError.clear();
    if (!m_project) return;
    auto snapshot = AnalysisSnapshot::load(*m_project);
    if (snapshot) m_snapshot = std::move(*snapshot);
    else m_loadError = snapshot.errorMessage();
}

void QueryView::run() { run(m_expression->text()); }

void QueryView::run(const QString& text) {
    if (m_expression->text() != text) m_expression->setText(text);
    m_query = text.trimmed();
    // Run from a tab out of sight (a test, the screenshot) still reads the project as it is.
    if (m_project && (!m_snapshot || m_stale)) loadSnapshot();
    evaluateAndShow();
}

void QueryView::evaluateAndShow() {
    m_passages.clear();
    m_rows.clear();
    m_error.clear();
    if (Status s = evaluate(); !s) m_error = s.errorMessage();
    fillTable();
    if (!m_error.isEmpty()) showStatus(m_error, true);
    else if (m_query.isEmpty()) showStatus(tr("Type a query and press Enter."), false);
    else if (m_rows.empty()) showStatus(tr("No passage matches %1.").arg(m_query), false);
    else showStatus(counted(qsizetype(m_rows.size()), tr("passage found"), tr("passages found")), false);
}

Status QueryView::evaluate() {
    if (m_query.isEmpty() || !m_project) return {};
    if (!m_snapshot) return makeError(m_loadError.isEmpty() ? tr("the project could not be read") : m_loadError);
    auto query = CodeQuery::parse(m_query, *m_snapshot);
    if (!query) return query.error();
    auto passages = query->run(*m_snapshot);
    if (!passages) return passages.error();
    auto rows = describePassages(*m_project, *m_snapshot, *passages);
    if (!rows) return rows.error();
    m_passages = std::move(*passages);
    m_rows = std::move(*rows);
    return {};
}

void QueryView::fillTable() {
    m_model->clear();
    m_model->setHorizontalHeaderLabels({tr("Citation"), tr("Source"), tr("Text")});
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const QueryPassageRow& r = m_rows[i];
        const TextLocation location{m_passages[i].sourceId, qsizetype(r.start), qsizetype(r.end)};
        QList<QStandardItem*> items{new QStandardItem(r.citation), new QStandardItem(r.source),
                                    new QStandardItem(r.text.simplified())}; // one line per row
        items[CitationColumn]->setToolTip(r.citation);
        items[SourceColumn]->setToolTip(r.source);
        items[TextColumn]->setToolTip(QStringLiteral("%1\n%2").arg(r.text, r.citation));
        for (QStandardItem* item : items) item->setData(QVariant::fromValue(location), LocationRole);
        m_model->appendRow(items);
    }
    QHeaderView* header = m_view->horizontalHeader();
    header->setSectionResizeMode(CitationColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SourceColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(TextColumn, QHeaderView::Stretch);
    // Titles as wide as they need, up to a fifth of the table: the text is what is read.
    m_view->resizeColumnToContents(SourceColumn);
    const int cap = std::max(m_view->viewport()->width() / 5, m_view->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 18);
    if (m_view->columnWidth(SourceColumn) > cap) m_view->setColumnWidth(SourceColumn, cap);
    if (!m_rows.empty()) m_view->selectRow(0);
    updateActions();
}

void QueryView::showStatus(const QString& text, bool error) {
    m_statusText = text;
    m_status->setToolTip(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QString());
    elideStatus();
}

// The message keeps to one line beside the buttons: cut with "…" where narrow, whole in the tooltip.
void QueryView::elideStatus() {
    m_status->setText(m_status->fontMetrics().elidedText(m_statusText, Qt::ElideRight, m_status->width()));
}

bool QueryView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_status && event->type() == QEvent::Resize) elideStatus();
    return QWidget::eventFilter(watched, event);
}

void QueryView::updateActions() {
    const bool found = !m_rows.empty();
    for (QPushButton* button : {m_show, m_codeAll, m_export}) button->setEnabled(found);
    // A query that finds nothing now is still a row worth watching as coding goes on.
    m_addToMatrix->setEnabled(m_error.isEmpty() && !m_query.isEmpty() && m_snapshot.has_value());
}

TextLocation QueryView::locationAt(int row) const {
    return row >= 0 && row < m_model->rowCount() ? m_model->index(row, 0).data(LocationRole).value<TextLocation>() : TextLocation{};
}

std::vector<CodingRepository::Range> QueryView::passageRanges() const {
    std::vector<CodingRepository::Range> ranges;
    for (const QueryPassage& p : m_passages) ranges.push_back({p.sourceId, qsizetype(p.start), qsizetype(p.end)});
    return ranges;
}

void QueryView::showCurrent() {
    const QModelIndex at = m_view->currentIndex();
    if (const TextLocation location = locationAt(at.isValid() ? at.row() : 0); location.isValid()) Q_EMIT locationActivated(location);
}

Status QueryView::exportTo(const QString& path) {
    if (m_rows.empty()) return makeError(m_error.isEmpty() ? tr("nothing to export yet") : m_error);
    auto done = AnalysisPanel::exportTables({passagesTable(m_rows)}, path);
    if (!done) return done.error();
    Q_EMIT message(*done);
    return {};
}

void QueryView::chooseExportFile() {
    const QString path = AnalysisPanel::askTablePath(this, tr("Export Query"), QStringLiteral("query"));
    if (path.isEmpty()) return;
    if (Status s = exportTo(path); !s) QMessageBox::warning(this, tr("Export Query"), s.errorMessage());
}

} // namespace warrant
