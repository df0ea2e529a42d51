#include "AnalysisCharts.h"

#include "AgreementView.h"
#include "AnalysisPanel.h"
#include "Counted.h"
#include "analysis/AnalysisSnapshot.h"
#include "analysis/SaturationCoverage.h"
#include "store/CodebookRepository.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QStackedWidget>
#include <QSvgGenerator>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace warrant {

namespace {

// Room per category of a horizontal bar chart, so every label can be read however many codes there
// are: the chart grows and scrolls rather than squeezing its labels together.
constexpr int kCodeRow = 20;
constexpr int kPairRow = 34; // two bars (kappa, alpha) and their value labels
constexpr int kChartFrame = 150; // title, axis and legend around the bars

QChart* newChart(const QString& title) {
    auto* chart = new QChart;
    chart->setTitle(title);
    QFont font = chart->titleFont();
    font.setBold(true);
    chart->setTitleFont(font);
    chart->setAnimationOptions(QChart::NoAnimation); // what a screenshot or an export shows is final
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 12, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

// Codes by their leaf name, which reads best beside a bar; a leaf name that recurs in the
// codebook takes its whole path so that no two bars share a label.
QStringList codeLabels(const AnalysisSnapshot& snapshot, const std::vector<qint64>& ids) {
    QHash<QString, int> uses;
    for (const qint64 id : snapshot.codesInOrder()) ++uses[snapshot.codePath(id).section(u'/', -1)];
    QStringList labels;
    for (const qint64 id : ids) {
        const QString path = snapshot.codePath(id), leaf = path.section(u'/', -1);
        labels << (uses.value(leaf) > 1 ? QString(path).replace(u'/', QStringLiteral(" › ")) : leaf);
    }
    return labels;
}

// Horizontal bars draw their first category at the bottom; the codebook reads from the top.
QBarCategoryAxis* codeAxis(QStringList labels) {
    std::reverse(labels.begin(), labels.end());
    auto* axis = new QBarCategoryAxis;
    axis->append(labels);
    axis->setTruncateLabels(false); // the chart is made tall enough for each label; never "…"
    return axis;
}

QValueAxis* valueAxis(double low, double high, const QString& title, const QString& format) {
    auto* axis = new QValueAxis;
    axis->setRange(low, high);
    axis->setTitleText(title);
    axis->setLabelFormat(format);
    return axis;
}

QChart* frequencyChart(const AnalysisSnapshot& snapshot, const CoverageResult& coverage, const QHash<qint64, QString>& colours) {
    QChart* chart = newChart(AnalysisCharts::tr("Coded segments per code (a code counts its subcodes' segments too)"));
    const std::vector<qint64> ids = snapshot.codesInOrder();
    QStringList labels = codeLabels(snapshot, ids);
    // One stacked set per code, non-zero only on its own row: each bar keeps its code's colour.
    auto* series = new QHorizontalStackedBarSeries;
    int most = 0;
    const qsizetype n = qsizetype(ids.size());
    for (qsizetype i = 0; i < n && i < qsizetype(coverage.codes.size()); ++i) {
        const int segments = coverage.codes[size_t(i)].segments;
        most = std::max(most, segments);
        labels[i] += QStringLiteral("  (%1)").arg(segments);
        auto* set = new QBarSet(labels[i]);
        for (qsizetype row = 0; row < n; ++row) *set << (row == n - 1 - i ? segments : 0);
        const QColor colour(colours.value(ids[size_t(i)]));
        set->setColor(colour.isValid() ? colour : QColor(0x4a, 0x78, 0xb0));
        set->setBorderColor(set->color().darker(120));
        series->append(set);
    }
    series->setBarWidth(0.7);
    chart->addSeries(series);
    chart->legend()->hide(); // the labels name every bar
    QBarCategoryAxis* codes = codeAxis(labels);
    QValueAxis* counts = valueAxis(0, std::max(1, most) * 1.05, QString(), QStringLiteral("%d")); // the title says what
    counts->applyNiceNumbers();
    chart->addAxis(codes, Qt::AlignLeft);
    chart->addAxis(counts, Qt::AlignTop); // in view above the first bars, however far the chart scrolls
    series->attachAxis(codes);
    series->attachAxis(counts);
    return chart;
}

QBarSet* coefficientSet(const QString& name, const QColor& colour) {
    auto* set = new QBarSet(name);
    set->setColor(colour);
    set->setBorderColor(colour.darker(120));
    set->setLabelColor(QColor(0x22, 0x22, 0x22));
    return set;
}

// Kappa and alpha side by side for each code whose coefficients are defined.
QChart* agreementChart(const AnalysisSnapshot& snapshot, const AgreementReport& report, int* bars) {
    QChart* chart = newChart(AnalysisCharts::tr("Agreement per code: %1 by %2").arg(report.coders.join(QStringLiteral(", ")),
                                                                                    agreementUnitName(report.unit)));
    QBarSet* kappa = coefficientSet(report.kappaName(), QColor(0x2c, 0x7f, 0xb8));
    QBarSet* alpha = coefficientSet(AnalysisCharts::tr("Krippendorff's alpha"), QColor(0xf0, 0x9a, 0x3e));
    std::vector<qint64> ids;
    double low = 0;
    // Drawn bottom-up: the last code first, so the codebook reads from the top.
    for (auto c = report.codes.rbegin(); c != report.codes.rend(); ++c) {
        if (!c->figures.kappa && !c->figures.alpha) continue; // undefined: nothing to draw (the table says why)
        ids.insert(ids.begin(), c->codeId);
        *kappa << c->figures.kappa.value_or(0);
        *alpha << c->figures.alpha.value_or(0);
        low = std::min({low, c->figures.kappa.value_or(0), c->figures.alpha.value_or(0)});
    }
    auto* series = new QHorizontalBarSeries;
    series->append(alpha); // drawn below kappa within each code's pair
    series->append(kappa);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(2);
    series->setBarWidth(0.8);
    chart->addSeries(series);
    QBarCategoryAxis* codes = codeAxis(codeLabels(snapshot, ids));
    // Room past 1 for the value labels; below 0 only when some code agrees worse than chance.
    // Ticks at every tenth from 0, so that a grid line means the value it is labelled with.
    QValueAxis* values = valueAxis(std::floor(low * 10) / 10, 1.1, QString(), QStringLiteral("%.1f"));
    values->setTickType(QValueAxis::TicksDynamic);
    values->setTickAnchor(0);
    values->setTickInterval(0.1);
    chart->legend()->setReverseMarkers(true); // kappa first, as its bars are drawn above alpha's
    chart->addAxis(codes, Qt::AlignLeft);
    chart->addAxis(values, Qt::AlignTop);
    series->attachAxis(codes);
    series->attachAxis(values);
    *bars = int(ids.size());
    return chart;
}

QChart* saturationChart(const SaturationResult& saturation) {
    QChart* chart = newChart(AnalysisCharts::tr("Saturation: codes in use, transcript by transcript (%1)").arg(saturation.order));
    auto* fresh = new QBarSet(AnalysisCharts::tr("New codes in the transcript"));
    fresh->setColor(QColor(0x9e, 0xc9, 0xe2));
    fresh->setBorderColor(QColor(0x6a, 0xa6, 0xc8));
    auto* total = new QLineSeries;
    total->setName(AnalysisCharts::tr("Codes used so far"));
    total->setPointsVisible(true);
    total->setPen(QPen(QColor(0x1d, 0x4f, 0x91), 2.5));
    QStringList titles;
    int most = 0;
    for (const SaturationPoint& p : saturation.points) {
        *fresh << p.newCodes;
        total->append(qreal(titles.size()), p.cumulativeCodes);
        titles << p.source;
        most = std::max(most, p.cumulativeCodes);
    }
    auto* bars = new QBarSeries;
    bars->append(fresh);
    chart->addSeries(bars);
    chart->addSeries(total);
    auto* transcripts = new QBarCategoryAxis;
    transcripts->append(titles);
    transcripts->setTitleText(AnalysisCharts::tr("transcripts in interview order"));
    if (titles.size() > 12) transcripts->setLabelsAngle(-90); // upright names would overlap
    transcripts->setTruncateLabels(false); // short titles, turned: they fit where Qt would cut them
    QValueAxis* codes = valueAxis(0, std::max(1, most), AnalysisCharts::tr("codes"), QStringLiteral("%d"));
    codes->applyNiceNumbers();
    chart->addAxis(transcripts, Qt::AlignBottom);
    chart->addAxis(codes, Qt::AlignLeft);
    for (QAbstractSeries* series : {static_cast<QAbstractSeries*>(bars), static_cast<QAbstractSeries*>(total)}) {
        series->attachAxis(transcripts);
        series->attachAxis(codes);
    }
    return chart;
}

// Draws the chart as it is laid out at `size` (laid out anew for the export, then put back).
void paintChart(QChart& chart, QPainter& painter, QSize size) {
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    chart.scene()->render(&painter, QRectF(QPointF(0, 0), size), QRectF(chart.scenePos(), size), Qt::IgnoreAspectRatio);
}

Status writePng(QChart& chart, QSize size, const QString& path) {
    QImage image(size * 2, QImage::Format_ARGB32_Premultiplied); // twice the pixels: sharp in print and on slides
    image.setDevicePixelRatio(2);
    image.fill(Qt::white);
    QPainter painter(&image);
    paintChart(chart, painter, size);
    painter.end();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
        return makeError(AnalysisCharts::tr("%1: cannot write the image").arg(path));
    return {};
}

Status writeSvg(QChart& chart, QSize size, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return makeError(AnalysisCharts::tr("%1: cannot write the image").arg(path));
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(chart.title());
    svg.setDescription(AnalysisCharts::tr("Drawn by Warrant"));
    QPainter painter(&svg);
    paintChart(chart, painter, size);
    painter.end();
    if (!file.commit()) return makeError(AnalysisCharts::tr("%1: cannot write the image").arg(path));
    return {};
}

} // namespace

AnalysisCharts::AnalysisCharts(QWidget* parent) : QWidget(parent) { buildUi(); }

AnalysisCharts::~AnalysisCharts() = default;

void AnalysisCharts::buildUi() {
    m_choice = new QComboBox(this);
    m_choice->addItem(tr("Code frequencies"), int(CodeFrequencies));
    m_choice->addItem(tr("Agreement per code"), int(AgreementByCode));
    m_choice->addItem(tr("Saturation curve"), int(Saturation));
    m_export = new QPushButton(tr("Export Chart…"), this);
    m_export->setToolTip(tr("Save the chart as a PNG or SVG image"));
    connect(m_export, &QPushButton::clicked, this, &AnalysisCharts::chooseExportFile);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Chart:"), this));
    row->addWidget(m_choice);
    row->addWidget(m_note, 1);
    row->addWidget(m_export);

    m_stack = new QStackedWidget(this);
    for (int which = 0; which < ChartCount; ++which) {
        auto* view = new QChartView(this);
        view->setRenderHint(QPainter::Antialiasing);
        auto* scroll = new QScrollArea(this);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        scroll->setWidget(view);
        m_views[size_t(which)] = view;
        m_scrolls[size_t(which)] = scroll;
        m_stack->addWidget(scroll);
    }
    connect(m_choice, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_stack->setCurrentIndex(index);
        showNote();
    });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_stack, 1);
}

void AnalysisCharts::setProject(Project* project) {
    m_project = project;
    m_request = {};
    m_requestGiven = false;
    reload();
}

void AnalysisCharts::setAgreementRequest(const AgreementRequest& request) {
    m_request = request;
    m_requestGiven = true;
    reload();
}

void AnalysisCharts::reload() {
    m_stale = true;
    catchUp();
}

void AnalysisCharts::catchUp() {
    if (m_stale && AnalysisPanel::onScreen(this)) refresh();
}

void AnalysisCharts::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    catchUp();
}

void AnalysisCharts::refresh() {
    m_stale = false;
    m_notes.fill(QString());
    std::optional<AnalysisSnapshot> snapshot;
    if (m_project) {
        auto loaded = AnalysisSnapshot::load(*m_project);
        if (loaded) snapshot = std::move(*loaded);
        else m_notes.fill(loaded.errorMessage());
    }
    if (snapshot) {
        drawFrequencies(*snapshot);
        drawAgreement(*snapshot);
        drawSaturation(*snapshot);
    } else {
        for (int which = 0; which < ChartCount; ++which) install(Chart(which), newChart(QString()), 0);
    }
    showNote();
}

void AnalysisCharts::install(Chart which, QChart* chart, int minimumHeight) {
    QChartView* view = m_views[size_t(which)];
    QChart* old = view->chart();
    view->setChart(chart);
    delete old; // the view lets go of the chart it replaced
    view->setMinimumHeight(minimumHeight);
}

void AnalysisCharts::drawFrequencies(const AnalysisSnapshot& snapshot) {
    auto coverage = SaturationCoverage::coverage(snapshot);
    QHash<qint64, QString> colours;
    if (auto codes = CodebookRepository(*m_project).list())
        for (const Code& c : *codes) colours.insert(c.id, c.colour);
    if (!coverage) m_notes[CodeFrequencies] = coverage.errorMessage();
    else if (snapshot.codes().empty()) m_notes[CodeFrequencies] = tr("The codebook is empty.");
    const int bars = int(snapshot.codesInOrder().size());
    install(CodeFrequencies, coverage ? frequencyChart(snapshot, *coverage, colours) : newChart(QString()),
            bars * kCodeRow + kChartFrame);
}

void AnalysisCharts::drawAgreement(const AnalysisSnapshot& snapshot) {
    if (!m_requestGiven) m_request.coders = AgreementView::defaultCoders(snapshot); // the tab not yet opened
    if (m_request.coders.size() < 2) {
        m_notes[AgreementByCode] = tr("Check two or more coders on the Agreement tab.");
        return install(AgreementByCode, newChart(tr("Agreement per code")), 0);
    }
    auto report = IntercoderAgreement::compute(*m_project, snapshot, m_request);
    if (!report) {
        m_notes[AgreementByCode] = report.errorMessage();
        return install(AgreementByCode, newChart(tr("Agreement per code")), 0);
    }
    int bars = 0;
    QChart* chart = agreementChart(snapshot, *report, &bars);
    const int undefined = int(report->codes.size()) - bars;
    if (undefined > 0)
        m_notes[AgreementByCode] = tr("%1 left out: their coefficients are undefined (the Agreement tab says why).")
                                       .arg(counted(undefined, tr("code"), tr("codes")));
    install(AgreementByCode, chart, bars * kPairRow + kChartFrame);
}

void AnalysisCharts::drawSaturation(const AnalysisSnapshot& snapshot) {
    auto saturation = SaturationCoverage::saturation(snapshot);
    if (!saturation) {
        m_notes[Saturation] = saturation.errorMessage();
        return install(Saturation, newChart(QString()), 0);
    }
    if (saturation->points.empty()) m_notes[Saturation] = tr("No transcript is coded yet.");
    install(Saturation, saturationChart(*saturation), 0);
}

void AnalysisCharts::showNote() {
    m_note->setText(m_notes[size_t(currentChart())]);
}

void AnalysisCharts::showChart(Chart chart) { m_choice->setCurrentIndex(m_choice->findData(int(chart))); }

AnalysisCharts::Chart AnalysisCharts::currentChart() const { return Chart(std::clamp(m_choice->currentData().toInt(), 0, ChartCount - 1)); }

QChart* AnalysisCharts::chart(Chart which) const { return m_views[size_t(which)]->chart(); }

QSize AnalysisCharts::exportSize(Chart which) const {
    // As drawn, but never smaller than a page's width, and tall enough for every bar.
    const QChartView* view = m_views[size_t(which)];
    return {std::max(view->width(), 960), std::max({view->height(), view->minimumHeight(), 540})};
}

Status AnalysisCharts::exportChart(Chart which, const QString& path) {
    if (m_stale) refresh(); // exporting a chart never drawn (its tab not yet shown) draws it first
    QChart* c = chart(which);
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QStringLiteral("png") && suffix != QStringLiteral("svg"))
        return makeError(tr("%1: choose a .png or .svg file").arg(path));
    const QSize size = exportSize(which);
    const QSizeF shown = c->size();
    c->resize(size);
    Status s = suffix == QStringLiteral("png") ? writePng(*c, size, path) : writeSvg(*c, size, path);
    c->resize(shown);
    if (s) Q_EMIT message(tr("Exported the chart to %1.").arg(QFileInfo(path).fileName()));
    return s;
}

void AnalysisCharts::chooseExportFile() {
    const QString png = tr("PNG images (*.png)"), svg = tr("SVG images (*.svg)");
    QString filter = png;
    const QString names[] = {QStringLiteral("code-frequencies"), QStringLiteral("agreement"), QStringLiteral("saturation")};
    QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), names[currentChart()] + QStringLiteral(".png"),
                                                png + QStringLiteral(";;") + svg, &filter);
    if (path.isEmpty()) return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QStringLiteral("png") && suffix != QStringLiteral("svg")) path += filter == svg ? QStringLiteral(".svg") : QStringLiteral(".png");
    if (Status s = exportChart(currentChart(), path); !s) QMessageBox::warning(this, tr("Export Chart"), s.errorMessage());
}

} // namespace warrant
