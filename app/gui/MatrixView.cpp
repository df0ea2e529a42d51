#include "MatrixView.h"

#include "AnalysisPanel.h"
#include "Counted.h"
#include "ElidingDelegate.h"
#include "FrozenColumnTable.h"
#include "ParticipantTableModel.h"
#include "RetrievalModel.h"
#include "analysis/CodeQuery.h"
#include "store/CodingRepository.h"
#include "store/ParticipantRepository.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace warrant {

namespace {

// Shades from near white to a deep blue: darker is more. Lightness alone carries the value, so
// the scale reads the same to colour-blind eyes and in greyscale print.
QColor heat(double share) {
    const QColor low(0xf3, 0xf7, 0xfc), high(0x1d, 0x4f, 0x91);
    const auto mix = [share](int a, int b) { return int(a + (b - a) * std::clamp(share, 0.0, 1.0) + 0.5); };
    return QColor(mix(low.red(), high.red()), mix(low.green(), high.green()), mix(low.blue(), high.blue()));
}

// Text that stays readable on its shade.
QColor textOn(const QColor& background) {
    const double luminance = 0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue();
    return luminance < 150 ? QColor(Qt::white) : QColor(0x1a, 0x1a, 0x1a);
}

QStandardItem* cellItem(qint64 value, qint64 most, const QString& tip) {
    auto* item = new QStandardItem(QString::number(value));
    item->setData(value, MatrixView::ValueRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setToolTip(tip);
    const QColor shade = heat(most > 0 ? double(value) / double(most) : 0.0);
    item->setBackground(shade);
    item->setForeground(value == 0 ? QColor(0x9a, 0x9a, 0x9a) : textOn(shade)); // zeros recede
    return item;
}

// A row's first cell: a code by its name under its parent; a query as typed, set apart in italics.
QStandardItem* rowHeader(const QString& label, bool query) {
    auto* item = new QStandardItem(query ? label : AnalysisPanel::rowLabel(label));
    item->setToolTip(query ? MatrixView::tr("Query: %1").arg(label) : label);
    if (query) {
        QFont font = item->font();
        font.setItalic(true);
        item->setFont(font);
    }
    return item;
}

// A segment coded by several coders or codes is one row, naming them all.
void mergeInto(CodedSegment& row, const CodedSegment& other) {
    if (!row.coder.split(QStringLiteral(", ")).contains(other.coder)) row.coder += QStringLiteral(", ") + other.coder;
    if (!row.codePath.split(QStringLiteral("; ")).contains(other.codePath)) row.codePath += QStringLiteral("; ") + other.codePath;
}

} // namespace

MatrixView::MatrixView(QWidget* parent) : QWidget(parent) {
    m_model = new QStandardItemModel(this);
    m_segments = new RetrievalModel(this);
    buildUi();
}

void MatrixView::buildUi() {
    m_table = new FrozenColumnTable(this);
    m_table->setObjectName(QStringLiteral("matrixTable"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    // Code names on one line, in the frozen column too (which would wrap them).
    m_table->frozenView()->setWordWrap(false);
    // Clicking a cell, or moving to it by keyboard, lists what it counts.
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& at) { showCell(at.row(), at.column() - 1); });

    m_cellLabel = new QLabel(tr("Click a cell to list its segments."), this);
    m_cellLabel->setWordWrap(true);
    m_segmentsView = new QTableView(this);
    m_segmentsView->setObjectName(QStringLiteral("matrixSegments"));
    m_segmentsView->setModel(m_segments);
    m_segmentsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_segmentsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_segmentsView->setWordWrap(false);
    m_segmentsView->verticalHeader()->hide();
    m_segmentsView->verticalHeader()->setDefaultSectionSize(m_segmentsView->fontMetrics().height() + 8);
    QHeaderView* header = m_segmentsView->horizontalHeader();
    header->setSectionResizeMode(RetrievalModel::TextColumn, QHeaderView::Stretch);
    for (const int column : {RetrievalModel::ParticipantColumn, RetrievalModel::SourceColumn, RetrievalModel::TurnColumn,
                             RetrievalModel::CoderColumn})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_segmentsView->setItemDelegateForColumn(RetrievalModel::CodeColumn, new ElidingDelegate(Qt::ElideLeft, m_segmentsView));
    connect(m_segmentsView, &QTableView::activated, this, [this](const QModelIndex& at) {
        if (const TextLocation location = m_segments->locationAt(at.row()); location.isValid()) Q_EMIT locationActivated(location);
    });

    auto* below = new QWidget(this);
    auto* belowLayout = new QVBoxLayout(below);
    belowLayout->setContentsMargins(0, 0, 0, 0);
    belowLayout->addWidget(m_cellLabel);
    belowLayout->addWidget(m_segmentsView, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_table);
    splitter->addWidget(below);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buildControls());
    layout->addWidget(splitter, 1);
}

QLayout* MatrixView::buildControls() {
    m_columns = new QComboBox(this);
    m_columns->setToolTip(tr("What the columns are: the speaker of each segment, their group or another attribute, "
                             "the coder, or the source"));
    m_count = new QComboBox(this);
    m_count->setToolTip(tr("What a cell counts: coded segments, the participants who said them (cases), or their words"));
    for (const MatrixCount count : {MatrixCount::Segments, MatrixCount::Cases, MatrixCount::Words})
        m_count->addItem(ParticipantTableModel::attributeLabel(matrixCountName(count)), int(count));
    connect(m_columns, &QComboBox::currentIndexChanged, this, &MatrixView::recompute);
    connect(m_count, &QComboBox::currentIndexChanged, this, &MatrixView::recompute);
    m_export = new QPushButton(tr("Export Table…"), this);
    m_export->setToolTip(tr("Write the matrix as CSV or an Excel workbook"));
    connect(m_export, &QPushButton::clicked, this, &MatrixView::chooseExportFile);
    m_removeQueries = new QPushButton(tr("Remove Query Rows"), this);
    m_removeQueries->setToolTip(tr("Take the rows added from the Query tab out of the matrix"));
    m_removeQueries->hide(); // until a query is added
    connect(m_removeQueries, &QPushButton::clicked, this, &MatrixView::removeQueryRows);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Codes by:"), this));
    row->addWidget(m_columns);
    row->addWidget(new QLabel(tr("Count:"), this));
    row->addWidget(m_count);
    row->addStretch(1);
    row->addWidget(m_removeQueries);
    row->addWidget(m_export);
    return row;
}

void MatrixView::setProject(Project* project) {
    m_project = project;
    m_snapshot.reset();
    m_result.reset();
    m_queries.clear(); // queries name this project's codes
    m_removeQueries->hide();
    {
        const QSignalBlocker block(m_columns);
        m_columns->clear(); // the next project has its own attributes; its group is the first choice
    }
    reload();
    if (m_stale) fillTable();
}

void MatrixView::reload() {
    m_stale = true;
    catchUp();
}

void MatrixView::catchUp() {
    if (m_stale && AnalysisPanel::onScreen(this)) refresh();
}

void MatrixView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    catchUp();
}

void MatrixView::refresh() {
    m_stale = false;
    m_snapshot.reset();
    m_error.clear();
    if (m_project) {
        auto snapshot = AnalysisSnapshot::load(*m_project);
        if (snapshot) m_snapshot = std::move(*snapshot);
        else m_error = snapshot.errorMessage();
    }
    fillColumnChoices();
    recompute();
}

void MatrixView::fillColumnChoices() {
    const QString previous = m_columns->currentData().toString();
    const QSignalBlocker block(m_columns);
    m_columns->clear();
    m_columns->addItem(tr("Participant"), QStringLiteral("participant"));
    if (m_project)
        if (auto names = ParticipantRepository(*m_project).attributeNames())
            for (const QString& name : *names) m_columns->addItem(ParticipantTableModel::attributeLabel(name), name);
    m_columns->addItem(tr("Coder"), QStringLiteral("coder"));
    m_columns->addItem(tr("Source"), QStringLiteral("source"));
    // Groups are what a matrix is most often read by.
    int at = m_columns->findData(previous);
    if (at < 0) at = m_columns->findData(QStringLiteral("group"), Qt::UserRole, Qt::MatchFixedString);
    m_columns->setCurrentIndex(std::max(at, 0));
}

bool MatrixView::setColumns(const QString& kind) {
    const int at = m_columns->findData(kind, Qt::UserRole, Qt::MatchFixedString);
    if (at < 0) return false;
    m_columns->setCurrentIndex(at);
    if (m_stale) refresh();
    return true;
}

void MatrixView::setCount(MatrixCount count) { m_count->setCurrentIndex(m_count->findData(int(count))); }

MatrixRequest MatrixView::request() const {
    return MatrixRequest{{}, m_columns->currentData().toString(), MatrixCount(m_count->currentData().toInt())};
}

void MatrixView::addQueryRow(const QString& query) {
    const QString text = query.trimmed();
    if (text.isEmpty()) return;
    if (!m_queries.contains(text)) m_queries << text;
    m_removeQueries->show();
    if (m_stale || !m_snapshot) refresh();
    else recompute();
    Q_EMIT message(tr("Added the query %1 to the matrix.").arg(text));
}

void MatrixView::removeQueryRows() {
    m_queries.clear();
    m_removeQueries->hide();
    recompute();
}

Result<MatrixRow> MatrixView::queryRow(const QString& query, const AnalysisSnapshot& snapshot) {
    return CodeMatrix::queryRow(query, snapshot);
}

Result<std::vector<MatrixRow>> MatrixView::matrixRows() {
    // Every code, in codebook order, as the CLI's matrix: row r is codesInOrder()[r] with its subcodes.
    std::vector<MatrixRow> rows;
    for (const qint64 id : m_snapshot->codesInOrder()) {
        rows.push_back({m_snapshot->codePath(id), m_snapshot->withDescendants(id), {}});
        m_rowCodes.push_back(rows.back().codeIds);
    }
    m_codeRows = rows.size();
    for (const QString& text : m_queries) {
        auto row = queryRow(text, *m_snapshot);
        if (!row) return makeError(tr("query %1: %2").arg(text, row.errorMessage()));
        rows.push_back(std::move(*row));
        m_rowCodes.emplace_back(); // a query's cell lists its passages' segments, whatever their code
    }
    return rows;
}

void MatrixView::recompute() {
    m_result.reset();
    m_rowCodes.clear();
    if (m_project && m_snapshot) {
        auto rows = matrixRows();
        auto result = rows ? CodeMatrix::compute(*m_project, *m_snapshot, *rows, request().columns, request().count)
                           : Result<CodeMatrixResult>(rows.error());
        if (result) m_result = std::move(*result);
        else m_error = result.errorMessage();
    }
    fillTable();
    m_export->setEnabled(m_result.has_value());
}

void MatrixView::fillTable() {
    m_model->clear();
    m_segments->setSegments({});
    m_cellLabel->setText(m_result ? tr("Click a cell to list its segments.") : m_error);
    if (!m_result) return;
    const CodeMatrixResult& r = *m_result;
    m_model->setHorizontalHeaderLabels(QStringList{tr("Code")} + r.columns);
    for (int column = 0; column < r.columns.size(); ++column)
        m_model->setHeaderData(column + 1, Qt::Horizontal, r.columns[column], Qt::ToolTipRole);
    qint64 most = 0;
    for (const auto& row : r.cells) for (const qint64 v : row) most = std::max(most, v);
    for (size_t row = 0; row < r.cells.size(); ++row) {
        QStandardItem* code = rowHeader(r.rows.value(int(row)), row >= m_codeRows);
        QList<QStandardItem*> items{code};
        for (size_t column = 0; column < r.cells[row].size(); ++column)
            items << cellItem(r.cells[row][column], most, QStringLiteral("%1 × %2: %3 %4").arg(r.rows.value(int(row)), r.columns.value(int(column)))
                                                              .arg(r.cells[row][column]).arg(r.count));
        m_model->appendRow(items);
    }
    sizeColumns();
}

void MatrixView::sizeColumns() {
    m_table->resizeColumnsToContents();
    // Count columns share one width where they can, so the shading reads as a grid.
    const int digits = m_table->fontMetrics().horizontalAdvance(QStringLiteral("00000"));
    for (int column = 1; column < m_model->columnCount(); ++column)
        m_table->setColumnWidth(column, std::max(m_table->columnWidth(column), digits));
    // The code's name as wide as it needs, up to a third of the table: the counts are what is read.
    const int cap = std::max(m_table->viewport()->width() / 3, m_table->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 36);
    if (m_table->columnWidth(0) > cap) m_table->setColumnWidth(0, cap);
}

QTableView* MatrixView::matrixTable() const { return m_table; }

QModelIndex MatrixView::cellIndex(int row, int column) const { return m_model->index(row, column + 1); }

void MatrixView::showCell(int row, int column) {
    if (!m_result || !m_project || row < 0 || column < 0 || size_t(row) >= m_result->segments.size() ||
        size_t(column) >= m_result->segments[size_t(row)].size() || size_t(row) >= m_rowCodes.size())
        return m_segments->setSegments({});
    const std::vector<qint64>& ids = m_result->segments[size_t(row)][size_t(column)];
    const QSet<qint64> wanted(ids.begin(), ids.end());
    SegmentFilter filter;
    filter.codeIds = m_rowCodes[size_t(row)];
    auto codings = CodingRepository(*m_project).segments(filter);
    if (!codings) return m_cellLabel->setText(codings.errorMessage());
    std::vector<CodedSegment> rows;
    QHash<qint64, size_t> rowOf;
    for (const CodedSegment& s : *codings) {
        if (!wanted.contains(s.segmentId)) continue;
        if (auto it = rowOf.constFind(s.segmentId); it != rowOf.constEnd()) {
            mergeInto(rows[*it], s);
        } else {
            rowOf.insert(s.segmentId, rows.size());
            rows.push_back(s);
        }
    }
    const qint64 value = m_result->cells[size_t(row)][size_t(column)];
    m_cellLabel->setText(tr("%1 × %2: %3").arg(m_result->rows.value(row), m_result->columns.value(column),
                                                 m_result->count == QStringLiteral("segments")
                                                     ? counted(qsizetype(rows.size()), tr("segment"), tr("segments"))
                                                     : tr("%1 %2, from %3").arg(value).arg(m_result->count,
                                                           counted(qsizetype(rows.size()), tr("segment"), tr("segments")))));
    m_segments->setSegments(std::move(rows));
    m_segmentsView->resizeColumnToContents(RetrievalModel::CodeColumn);
    const int cap = std::max(m_segmentsView->viewport()->width() / 4, m_segmentsView->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 20);
    if (m_segmentsView->columnWidth(RetrievalModel::CodeColumn) > cap) m_segmentsView->setColumnWidth(RetrievalModel::CodeColumn, cap);
}

Status MatrixView::exportTo(const QString& path) {
    if (!m_result) return makeError(m_error.isEmpty() ? tr("nothing to export yet") : m_error);
    auto done = AnalysisPanel::exportTables({m_result->table()}, path);
    if (!done) return done.error();
    Q_EMIT message(*done);
    return {};
}

void MatrixView::chooseExportFile() {
    const QString path = AnalysisPanel::askTablePath(this, tr("Export Matrix"), QStringLiteral("matrix"));
    if (path.isEmpty()) return;
    if (Status s = exportTo(path); !s) QMessageBox::warning(this, tr("Export Matrix"), s.errorMessage());
}

} // namespace warrant
