#include "AgreementView.h"

#include "AnalysisPanel.h"
#include "DisagreementBrowser.h"
#include "analysis/Disagreements.h"

#include <QCollator>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace warrant {

namespace {

// Why a coefficient has no value, in words a reader of the table can check.
QString undefinedWhy(const AgreementFigures& f, const QString& what) {
    if (f.units == 0)
        return AgreementView::tr("%1 is undefined: there are no units to compare (the coders have no coded source in common).").arg(what);
    const QString how = f.both == f.units ? AgreementView::tr("every coder applied the code to every unit")
                                          : AgreementView::tr("no coder applied the code to any unit");
    return AgreementView::tr("%1 is undefined: %2, so the coders agree by chance alone on every unit and the "
                             "coefficient is 0/0. Percent agreement still says how often they agreed.").arg(what, how);
}

QStandardItem* countItem(qint64 value) {
    auto* item = new QStandardItem(QString::number(value));
    item->setData(value, AgreementView::ValueRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

// A coefficient as the table shows it; undefined is a dash, never a misleading 0.
QStandardItem* coefficientItem(const std::optional<double>& value, const QString& text, const QString& whyUndefined) {
    auto* item = new QStandardItem(value ? text : QStringLiteral("—"));
    if (value) item->setData(*value, AgreementView::ValueRole);
    else item->setToolTip(whyUndefined);
    item->setTextAlignment((value ? Qt::AlignRight : Qt::AlignHCenter) | Qt::AlignVCenter);
    return item;
}

QList<QStandardItem*> figureRow(const QString& name, qint64 codeId, const AgreementFigures& f, const QString& kappaName) {
    auto* code = new QStandardItem(AnalysisPanel::rowLabel(name));
    code->setData(codeId, AgreementView::CodeIdRole);
    code->setToolTip(name);
    const auto percent = f.percentAgreement ? QString::number(*f.percentAgreement * 100, 'f', 1) + u'%' : QString();
    return {code,
            countItem(f.both),
            countItem(f.firstOnly),
            countItem(f.secondOnly),
            countItem(f.neither),
            coefficientItem(f.percentAgreement, percent, undefinedWhy(f, AgreementView::tr("Percent agreement"))),
            coefficientItem(f.kappa, f.kappa ? QString::number(*f.kappa, 'f', 3) : QString(), undefinedWhy(f, kappaName)),
            coefficientItem(f.alpha, f.alpha ? QString::number(*f.alpha, 'f', 3) : QString(),
                            undefinedWhy(f, AgreementView::tr("Krippendorff's alpha")))};
}

} // namespace

AgreementView::AgreementView(QWidget* parent) : QWidget(parent) {
    m_model = new QStandardItemModel(this);
    buildUi();
    setHeaders();
}

void AgreementView::buildUi() {
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("agreementTable"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (m_filling) return;
        m_selectedCode = selectedCodeId();
        showDisagreements();
    });
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* figures = new QWidget(this);
    auto* figuresLayout = new QVBoxLayout(figures);
    figuresLayout->setContentsMargins(0, 0, 0, 0);
    figuresLayout->addWidget(m_table, 1);
    figuresLayout->addWidget(m_summary);

    m_browser = new DisagreementBrowser(this);
    connect(m_browser, &DisagreementBrowser::locationActivated, this, &AgreementView::locationActivated);
    connect(m_browser, &DisagreementBrowser::adoptRequested, this, &AgreementView::adoptRequested);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(figures);
    splitter->addWidget(m_browser);
    // The figures need the room of eight columns; the passages read well a little narrower.
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({3000, 2000});

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buildControls());
    layout->addWidget(splitter, 1);
}

QLayout* AgreementView::buildControls() {
    m_coders = new QListWidget(this);
    m_coders->setObjectName(QStringLiteral("agreementCoders"));
    m_coders->setToolTip(tr("The coders to compare: two or more"));
    // One row of checkable names beside the other choices; many coders wrap and scroll.
    m_coders->setFlow(QListView::LeftToRight);
    m_coders->setWrapping(true);
    m_coders->setResizeMode(QListView::Adjust); // lay the names out again at the width it is given
    m_coders->setSpacing(1);
    m_coders->setFixedHeight(m_coders->fontMetrics().height() + 12 + 2 * m_coders->frameWidth());
    m_coders->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_coders, &QListWidget::itemChanged, this, [this] {
        m_codersChosen = true;
        m_checked = request().coders;
        recompute();
    });
    m_unit = new QComboBox(this);
    m_unit->setToolTip(tr("What the coders are compared on: each speaker turn, each sentence or each character"));
    for (const AgreementUnit unit : {AgreementUnit::Turn, AgreementUnit::Sentence, AgreementUnit::Character})
        m_unit->addItem(agreementUnitName(unit), int(unit));
    connect(m_unit, &QComboBox::currentIndexChanged, this, &AgreementView::recompute);
    m_code = new QComboBox(this);
    m_code->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_code->setMinimumContentsLength(16);
    connect(m_code, &QComboBox::currentIndexChanged, this, &AgreementView::recompute);
    m_export = new QPushButton(tr("Export Table…"), this);
    m_export->setToolTip(tr("Write these figures as CSV or an Excel workbook"));
    connect(m_export, &QPushButton::clicked, this, &AgreementView::chooseExportFile);

    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Coders:"), this));
    row->addWidget(m_coders, 1);
    row->addWidget(new QLabel(tr("Unit:"), this));
    row->addWidget(m_unit);
    row->addWidget(new QLabel(tr("Code:"), this));
    row->addWidget(m_code, 1);
    row->addWidget(m_export);
    return row;
}

void AgreementView::setProject(Project* project) {
    m_project = project;
    m_snapshot.reset();
    m_report.reset();
    m_checked.clear();
    m_codersChosen = false;
    m_selectedCode = 0;
    m_coders->clear();
    m_browser->setProject(project);
    reload();
    if (m_stale) fillTable(); // nothing of the old project stays on show
}

void AgreementView::reload() {
    m_stale = true;
    catchUp();
}

void AgreementView::catchUp() {
    if (m_stale && AnalysisPanel::onScreen(this)) refresh();
}

void AgreementView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    catchUp();
}

void AgreementView::refresh() {
    m_stale = false;
    m_snapshot.reset();
    m_loadError.clear();
    if (m_project) {
        auto snapshot = AnalysisSnapshot::load(*m_project);
        if (snapshot) m_snapshot = std::move(*snapshot);
        else m_loadError = snapshot.errorMessage();
    }
    fillCoders();
    fillCodes();
    recompute();
}

namespace {

// The project's coders by name, in natural order.
QStringList codersByName(const AnalysisSnapshot& snapshot) {
    QStringList names;
    for (const qint64 id : snapshot.coderIds()) names << snapshot.coderName(id);
    QCollator natural;
    natural.setNumericMode(true);
    natural.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(names.begin(), names.end(), [&](const QString& a, const QString& b) { return natural.compare(a, b) < 0; });
    return names;
}

} // namespace

QStringList AgreementView::defaultCoders(const AnalysisSnapshot& snapshot) {
    QSet<qint64> active;
    for (const AnalysisCoding& c : snapshot.codings()) active.insert(c.coderId);
    QStringList names;
    for (const QString& name : codersByName(snapshot))
        if (active.contains(snapshot.findCoder(name))) names << name;
    return names;
}

void AgreementView::fillCoders() {
    const QSignalBlocker block(m_coders);
    m_coders->clear();
    if (!m_snapshot) return;
    const QStringList on = m_codersChosen ? m_checked : defaultCoders(*m_snapshot);
    for (const QString& name : codersByName(*m_snapshot)) {
        auto* item = new QListWidgetItem(name, m_coders);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(on.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
    m_checked = request().coders;
}

void AgreementView::fillCodes() {
    const QString previous = m_code->currentData().toString();
    const QSignalBlocker block(m_code);
    m_code->clear();
    m_code->addItem(tr("All codes"), QString());
    if (m_snapshot)
        for (const qint64 id : m_snapshot->codesInOrder()) m_code->addItem(m_snapshot->codePath(id), m_snapshot->codePath(id));
    const int at = m_code->findData(previous);
    m_code->setCurrentIndex(at >= 0 ? at : 0);
}

AgreementRequest AgreementView::request() const {
    AgreementRequest r;
    for (int row = 0; row < m_coders->count(); ++row)
        if (m_coders->item(row)->checkState() == Qt::Checked) r.coders << m_coders->item(row)->text();
    if (const QString code = m_code->currentData().toString(); !code.isEmpty()) r.codes << code;
    r.unit = AgreementUnit(m_unit->currentData().toInt());
    return r;
}

void AgreementView::checkCoders(const QStringList& names) {
    {
        const QSignalBlocker block(m_coders);
        for (int row = 0; row < m_coders->count(); ++row)
            m_coders->item(row)->setCheckState(names.contains(m_coders->item(row)->text()) ? Qt::Checked : Qt::Unchecked);
    }
    m_codersChosen = true;
    m_checked = request().coders;
    recompute();
}

void AgreementView::recompute() {
    m_report.reset();
    m_error.clear();
    const AgreementRequest r = request();
    if (!m_project) m_error = tr("No project is open.");
    else if (!m_snapshot) m_error = m_loadError;
    else if (r.coders.size() < 2) m_error = tr("Check two or more coders to compare them.");
    else if (auto report = IntercoderAgreement::compute(*m_project, *m_snapshot, r)) m_report = std::move(*report);
    else m_error = report.errorMessage();
    fillTable();
    showSummary();
    // A single code asked for is the one to look into.
    if (m_report && !r.codes.isEmpty() && m_report->codes.size() == 1) m_selectedCode = m_report->codes.front().codeId;
    if (!selectCode(m_selectedCode)) showDisagreements();
    m_export->setEnabled(m_report.has_value());
    Q_EMIT requestChanged(r);
}

void AgreementView::setHeaders() {
    const QString first = m_report ? m_report->coders.value(0) : tr("First"), second = m_report ? m_report->coders.value(1) : tr("Second");
    const QString kappa = m_report ? m_report->kappaName() : tr("Kappa");
    const bool many = m_report && m_report->coders.size() > 2;
    const QString pairNote = many ? tr(" (of the first two coders; the coefficients use every coder)") : QString();
    const std::vector<std::pair<QString, QString>> headers = {
        {tr("Code"), tr("The code's own codings (not its subcodes')")},
        {tr("Both"), tr("Units %1 and %2 both coded").arg(first, second) + pairNote},
        // On two lines: a coder's name is often the widest thing in its column.
        {tr("%1\nonly").arg(first), tr("Units only %1 coded").arg(first) + pairNote},
        {tr("%1\nonly").arg(second), tr("Units only %1 coded").arg(second) + pairNote},
        {tr("Neither"), tr("Units neither coded") + pairNote},
        {tr("Agree"), tr("Percent agreement: units where every coder agrees")},
        {QStringLiteral("κ"), kappa},
        {QStringLiteral("α"), tr("Krippendorff's alpha (nominal)")}};
    m_model->setColumnCount(ColumnCount);
    for (int column = 0; column < ColumnCount; ++column) {
        m_model->setHeaderData(column, Qt::Horizontal, headers[size_t(column)].first);
        m_model->setHeaderData(column, Qt::Horizontal, headers[size_t(column)].second, Qt::ToolTipRole);
    }
}

void AgreementView::fillTable() {
    m_filling = true;
    m_model->removeRows(0, m_model->rowCount());
    setHeaders();
    if (m_report) {
        const QString kappa = m_report->kappaName();
        for (const CodeAgreement& c : m_report->codes) m_model->appendRow(figureRow(c.code, c.codeId, c.figures, kappa));
        QList<QStandardItem*> pooled = figureRow(tr("All codes (pooled)"), 0, m_report->total, kappa);
        for (QStandardItem* item : pooled) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
        m_model->appendRow(pooled);
    }
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(CodeColumn, QHeaderView::Stretch);
    for (int column = BothColumn; column < ColumnCount; ++column) header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_filling = false;
}

void AgreementView::showSummary() {
    if (!m_report) {
        m_summary->setText(m_error);
        m_summary->setToolTip(QString());
        return;
    }
    const AgreementReport& r = *m_report;
    const qint64 units = r.codes.empty() ? 0 : r.codes.front().figures.units;
    const auto shown = [](const std::optional<double>& v) { return v ? QString::number(*v, 'f', 3) : QStringLiteral("—"); };
    const QString percent = r.total.percentAgreement ? QString::number(*r.total.percentAgreement * 100, 'f', 1) + u'%' : QStringLiteral("—");
    // The pooled figures stay in view however far the table is scrolled.
    m_summary->setText(tr("<b>All codes: %1 agree · κ %2 · α %3 · cu-α %4</b><br>%5 %6s in %7 sources · κ: %8 · α: Krippendorff's (nominal)")
                           .arg(percent, shown(r.total.kappa), shown(r.total.alpha), shown(r.cuAlpha))
                           .arg(units).arg(agreementUnitName(r.unit)).arg(r.sources.size()).arg(r.kappaName()));
    m_summary->setToolTip(r.cuAlpha ? tr("cu-α compares the combination of codes each coder gave each unit anyone coded")
                                    : tr("cu-α is undefined: no unit was coded, or every coder gave every unit the same codes"));
}

qint64 AgreementView::selectedCodeId() const {
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_model->index(current.row(), CodeColumn).data(CodeIdRole).toLongLong() : 0;
}

bool AgreementView::selectCode(qint64 codeId) {
    if (codeId <= 0) return false;
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_model->index(row, CodeColumn).data(CodeIdRole).toLongLong() == codeId) {
            const QModelIndex at = m_model->index(row, CodeColumn);
            m_selectedCode = codeId;
            // A row made current lists its disagreements; one current already lists them anew.
            if (m_table->selectionModel()->currentIndex().row() == row) showDisagreements();
            else m_table->selectionModel()->setCurrentIndex(at, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_table->scrollTo(at);
            return true;
        }
    return false;
}

void AgreementView::showDisagreements() {
    const qint64 code = selectedCodeId();
    if (!m_report || !m_snapshot || !m_project) return m_browser->clear(m_error);
    if (!code) return m_browser->clear(tr("Select a code in the table to see where the coders differ."));
    const QString path = m_snapshot->codePath(code);
    auto list = Disagreements::list(*m_project, *m_snapshot, m_report->coders, path, m_report->unit);
    if (!list) return m_browser->clear(list.errorMessage());
    m_browser->showDisagreements(code, path, std::move(*list));
}

Status AgreementView::exportTo(const QString& path) {
    if (!m_report) return makeError(m_error.isEmpty() ? tr("nothing to export yet") : m_error);
    auto done = AnalysisPanel::exportTables({m_report->table()}, path);
    if (!done) return done.error();
    Q_EMIT message(*done);
    return {};
}

void AgreementView::chooseExportFile() {
    const QString path = AnalysisPanel::askTablePath(this, tr("Export Agreement"), QStringLiteral("agreement"));
    if (path.isEmpty()) return;
    if (Status s = exportTo(path); !s) QMessageBox::warning(this, tr("Export Agreement"), s.errorMessage());
}

} // namespace warrant
