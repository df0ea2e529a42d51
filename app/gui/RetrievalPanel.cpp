#include "RetrievalPanel.h"

#include "ElidingDelegate.h"

#include "Counted.h"

#include <QFileInfo>

#include "RetrievalModel.h"
#include "ops/SegmentCsvWriter.h"
#include "store/CodebookRepository.h"
#include "store/CodingRepository.h"
#include "store/ParticipantRepository.h"
#include "store/SourceRepository.h"
#include "text/TextOffsets.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>
#include <set>

namespace warrant {

namespace {
// Context shown around a segment that lies outside any speaker turn (documents).
constexpr qsizetype kContextChars = 400;

// Refills a filter combo ("All" first) and keeps the previous choice when it is still offered.
void refill(QComboBox* combo, const QStringList& values) {
    const QString previous = combo->currentData().toString();
    const QSignalBlocker block(combo);
    combo->clear();
    combo->addItem(RetrievalPanel::tr("All"), QString());
    for (const QString& v : values)
        combo->addItem(v, v);
    const int index = combo->findData(previous);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}
} // namespace

RetrievalPanel::RetrievalPanel(QWidget* parent) : QWidget(parent) {
    m_model = new RetrievalModel(this);
    buildUi();
    setEnabled(false);
}

RetrievalPanel::~RetrievalPanel() = default;

void RetrievalPanel::buildUi() {
    m_participantCombo = new QComboBox(this);
    m_attributeCombo = new QComboBox(this);
    m_valueCombo = new QComboBox(this);
    m_coderCombo = new QComboBox(this);
    for (QComboBox* combo : {m_participantCombo, m_attributeCombo, m_valueCombo, m_coderCombo}) {
        combo->addItem(tr("All"), QString());
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    }
    connect(m_participantCombo, &QComboBox::currentIndexChanged, this, &RetrievalPanel::reloadSegments);
    connect(m_attributeCombo, &QComboBox::currentIndexChanged, this, [this] {
        reloadValues();
        reloadSegments();
    });
    connect(m_valueCombo, &QComboBox::currentIndexChanged, this, &RetrievalPanel::reloadSegments);
    connect(m_coderCombo, &QComboBox::currentIndexChanged, this, &RetrievalPanel::reloadSegments);

    m_exportButton = new QPushButton(tr("Export CSV…"), this);
    connect(m_exportButton, &QPushButton::clicked, this, &RetrievalPanel::chooseExportFile);

    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Participant:"), this));
    filters->addWidget(m_participantCombo);
    filters->addWidget(new QLabel(tr("Attribute:"), this));
    filters->addWidget(m_attributeCombo);
    filters->addWidget(m_valueCombo);
    filters->addStretch(1);

    // Two short rows rather than one that a narrow panel crushes; the count shares the second.
    m_summary = new QLabel(this);
    auto* summaryRow = new QHBoxLayout;
    summaryRow->addWidget(m_summary, 1);
    summaryRow->addWidget(new QLabel(tr("Coder:"), this));
    summaryRow->addWidget(m_coderCombo);
    summaryRow->addWidget(m_exportButton);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setDragEnabled(true);
    m_table->setDragDropMode(QAbstractItemView::DragOnly);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(RetrievalModel::TextColumn, QHeaderView::Stretch);
    for (const int column : {RetrievalModel::ParticipantColumn, RetrievalModel::SourceColumn,
                             RetrievalModel::TurnColumn, RetrievalModel::CoderColumn})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    // A code path can be long: it elides from the left so its leaf stays; the tooltip has it all.
    m_table->setItemDelegateForColumn(RetrievalModel::CodeColumn, new ElidingDelegate(Qt::ElideLeft, m_table));
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        const TextLocation location = m_model->locationAt(index.row());
        if (location.isValid()) Q_EMIT locationActivated(location);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showContext(current.row()); });

    m_context = new QTextBrowser(this);
    m_context->setPlaceholderText(tr("Select a segment to read it in its turn."));

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_context);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addLayout(summaryRow);
    layout->addWidget(splitter, 1);
}

void RetrievalPanel::setProject(Project* project) {
    m_project = project;
    m_codeIds.clear();
    m_expandedIds.clear();
    setEnabled(project != nullptr);
    reload();
}

void RetrievalPanel::showCodes(const std::vector<qint64>& codeIds) {
    m_codeIds = codeIds;
    reload();
}

void RetrievalPanel::reload() {
    m_error.clear();
    m_sourceTexts.clear();
    m_expandedIds.clear();
    if (m_project) {
        CodebookRepository codebook(*m_project);
        for (qint64 id : m_codeIds) {
            auto ids = codebook.withDescendants(id);
            if (!ids) {
                setError(ids.errorMessage());
                continue;
            }
            for (qint64 d : *ids)
                if (std::find(m_expandedIds.begin(), m_expandedIds.end(), d) == m_expandedIds.end())
                    m_expandedIds.push_back(d);
        }
    }
    reloadFilters();
    reloadSegments();
}

void RetrievalPanel::reloadFilters() {
    QStringList participants, attributes, coders;
    if (m_project) {
        auto list = ParticipantRepository(*m_project).list();
        if (list)
            for (const Participant& p : *list)
                participants << p.code;
        else
            setError(list.errorMessage());
        auto names = ParticipantRepository(*m_project).attributeNames();
        if (names)
            for (const QString& n : *names)
                attributes << n;
        else
            setError(names.errorMessage());
        // Coders who coded these codes at all: others could only ever show an empty table.
        if (!m_expandedIds.empty()) {
            SegmentFilter filter;
            filter.codeIds = m_expandedIds;
            auto all = CodingRepository(*m_project).segments(filter);
            if (all) {
                std::set<QString> names;
                for (const CodedSegment& s : *all)
                    names.insert(s.coder);
                for (const QString& n : names)
                    coders << n;
            } else {
                setError(all.errorMessage());
            }
        }
    }
    refill(m_participantCombo, participants);
    refill(m_attributeCombo, attributes);
    refill(m_coderCombo, coders);
    reloadValues();
}

void RetrievalPanel::reloadValues() {
    QStringList values;
    const QString attribute = m_attributeCombo->currentData().toString();
    if (m_project && !attribute.isEmpty()) {
        auto list = ParticipantRepository(*m_project).list();
        if (list) {
            std::set<QString> distinct;
            for (const Participant& p : *list)
                if (const QString v = p.attribute(attribute); !v.isEmpty()) distinct.insert(v);
            for (const QString& v : distinct)
                values << v;
        } else {
            setError(list.errorMessage());
        }
    }
    refill(m_valueCombo, values);
    m_valueCombo->setEnabled(!attribute.isEmpty());
}

void RetrievalPanel::reloadSegments() {
    std::vector<CodedSegment> rows;
    if (m_project && !m_expandedIds.empty()) {
        SegmentFilter filter;
        filter.codeIds = m_expandedIds;
        filter.participantCode = m_participantCombo->currentData().toString();
        filter.coder = m_coderCombo->currentData().toString();
        const QString value = m_valueCombo->currentData().toString();
        if (!value.isEmpty()) {
            filter.attributeName = m_attributeCombo->currentData().toString();
            filter.attributeValue = value;
        }
        auto segments = CodingRepository(*m_project).segments(filter);
        if (segments)
            rows = std::move(*segments);
        else
            setError(segments.errorMessage());
    }
    m_model->setSegments(std::move(rows));
    m_context->clear();
    m_exportButton->setEnabled(m_model->rowCount() > 0);
    if (!m_error.isEmpty())
        m_summary->setText(m_error);
    else if (m_codeIds.empty())
        m_summary->setText(tr("Choose a code to see its segments."));
    else
        m_summary->setText(counted(m_model->rowCount(), QStringLiteral("coded segment"), QStringLiteral("coded segments")));
    // The code path as wide as it needs, up to a third of the table: the text is what is read.
    m_table->resizeColumnToContents(RetrievalModel::CodeColumn);
    const int codeWidthCap = std::max(m_table->viewport()->width() / 3, m_table->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 30);
    if (m_table->columnWidth(RetrievalModel::CodeColumn) > codeWidthCap)
        m_table->setColumnWidth(RetrievalModel::CodeColumn, codeWidthCap);
}

QString RetrievalPanel::sourceText(qint64 sourceId) {
    if (auto cached = m_sourceTexts.constFind(sourceId); cached != m_sourceTexts.constEnd()) return *cached;
    QString text;
    if (m_project) {
        auto source = SourceRepository(*m_project).get(sourceId);
        if (source && source->has_value()) text = (*source)->text;
    }
    m_sourceTexts.insert(sourceId, text);
    return text;
}

void RetrievalPanel::showContext(int row) {
    const CodedSegment* s = m_model->segmentAt(row);
    if (!s || !m_project) {
        m_context->clear();
        return;
    }
    const QString text = sourceText(s->sourceId);
    // The turn the segment starts in; outside turns, a window of text around it.
    qsizetype from = std::max<qsizetype>(0, s->start - kContextChars);
    qsizetype to = s->end + kContextChars;
    QString where = s->sourceTitle;
    if (auto turn = SourceRepository(*m_project).turnAt(s->sourceId, s->start); turn && turn->has_value()) {
        from = std::min((*turn)->start, s->start);
        to = std::max((*turn)->end, s->end);
        where = tr("%1, turn %2 (%3)").arg(s->sourceTitle).arg((*turn)->number).arg((*turn)->speakerLabel);
    }
    const TextOffsets offsets(text);
    const auto mid = [&](qsizetype a, qsizetype b) {
        const qsizetype u = offsets.utf16FromCodePoint(a);
        return text.mid(u, offsets.utf16FromCodePoint(b) - u)
            .toHtmlEscaped()
            .replace(u'\n', QStringLiteral("<br>"));
    };
    const QString html = QStringLiteral("<p><i>%1</i> — %2</p><p>%3<b>%4</b>%5</p>")
                             .arg(where.toHtmlEscaped(), s->codePath.toHtmlEscaped(), mid(from, s->start),
                                  mid(s->start, s->end), mid(s->end, to));
    m_context->setHtml(html);
}

Status RetrievalPanel::exportCsv(const QString& path) const {
    return SegmentCsvWriter::write(path, m_model->segments());
}

void RetrievalPanel::chooseExportFile() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Segments"), QStringLiteral("segments.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    if (Status s = exportTo(path); !s) QMessageBox::warning(this, tr("Export Segments"), s.errorMessage());
}

Status RetrievalPanel::exportTo(const QString& path) {
    if (Status s = exportCsv(path); !s) return s;
    Q_EMIT message(QStringLiteral("Exported %1 to %2.")
                       .arg(counted(m_model->rowCount(), QStringLiteral("coded segment"), QStringLiteral("coded segments")),
                            QFileInfo(path).fileName()));
    return {};
}

void RetrievalPanel::setError(const QString& message) {
    if (m_error.isEmpty()) m_error = message;
}

} // namespace warrant
