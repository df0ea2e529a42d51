#include "AnalysisPanel.h"

#include "AgreementView.h"
#include "AnalysisCharts.h"
#include "MatrixView.h"
#include "QueryView.h"
#include "analysis/TableExport.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QTabWidget>
#include <QVBoxLayout>

namespace warrant {

AnalysisPanel::AnalysisPanel(QWidget* parent) : QWidget(parent) {
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_agreement = new AgreementView(this);
    m_matrix = new MatrixView(this);
    m_charts = new AnalysisCharts(this);
    m_query = new QueryView(this);
    m_tabs->addTab(m_agreement, tr("Agreement"));
    m_tabs->addTab(m_matrix, tr("Matrix"));
    m_tabs->addTab(m_charts, tr("Charts"));
    m_tabs->addTab(m_query, tr("Query"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    connect(m_agreement, &AgreementView::locationActivated, this, &AnalysisPanel::locationActivated);
    connect(m_agreement, &AgreementView::adoptRequested, this, &AnalysisPanel::adoptRequested);
    connect(m_agreement, &AgreementView::message, this, &AnalysisPanel::message);
    // The agreement chart compares the coders, unit and code chosen on the Agreement tab.
    connect(m_agreement, &AgreementView::requestChanged, m_charts, &AnalysisCharts::setAgreementRequest);
    connect(m_matrix, &MatrixView::locationActivated, this, &AnalysisPanel::locationActivated);
    connect(m_matrix, &MatrixView::message, this, &AnalysisPanel::message);
    connect(m_charts, &AnalysisCharts::message, this, &AnalysisPanel::message);
    connect(m_query, &QueryView::locationActivated, this, &AnalysisPanel::locationActivated);
    connect(m_query, &QueryView::codeAllRequested, this, &AnalysisPanel::codePassagesRequested);
    connect(m_query, &QueryView::message, this, &AnalysisPanel::message);
    // The query row is computed with the matrix's own columns and count; the user sees it there.
    connect(m_query, &QueryView::addToMatrixRequested, this, [this](const QString& query) {
        m_matrix->addQueryRow(query);
        m_tabs->setCurrentWidget(m_matrix);
    });
    setEnabled(false);
}

void AnalysisPanel::setProject(Project* project) {
    setEnabled(project != nullptr);
    m_agreement->setProject(project);
    m_matrix->setProject(project);
    m_charts->setProject(project);
    m_query->setProject(project);
}

void AnalysisPanel::reload() {
    m_agreement->reload();
    m_matrix->reload();
    m_charts->reload();
    m_query->reload();
}

void AnalysisPanel::catchUp() {
    m_agreement->catchUp();
    m_matrix->catchUp();
    m_charts->catchUp();
    m_query->catchUp();
}

bool AnalysisPanel::onScreen(const QWidget* widget) { return widget->isVisible() && !widget->visibleRegion().isEmpty(); }

bool AnalysisPanel::showTab(const QString& name) {
    QWidget* tab = name == QStringLiteral("agreement") ? static_cast<QWidget*>(m_agreement)
                   : name == QStringLiteral("matrix")  ? static_cast<QWidget*>(m_matrix)
                   : name == QStringLiteral("charts")  ? static_cast<QWidget*>(m_charts)
                   : name == QStringLiteral("query")   ? static_cast<QWidget*>(m_query)
                                                       : nullptr;
    if (!tab) return false;
    m_tabs->setCurrentWidget(tab);
    return true;
}

QString AnalysisPanel::rowLabel(const QString& codePath) {
    const qsizetype depth = codePath.count(u'/');
    return QString(depth * 4, u' ') + codePath.section(u'/', -1);
}

QString AnalysisPanel::askTablePath(QWidget* parent, const QString& title, const QString& suggestedName) {
    const QString csv = tr("CSV files (*.csv)"), xlsx = tr("Excel workbooks (*.xlsx)");
    QString filter = xlsx;
    QString path = QFileDialog::getSaveFileName(parent, title, suggestedName + QStringLiteral(".xlsx"),
                                                xlsx + QStringLiteral(";;") + csv, &filter);
    if (path.isEmpty()) return {};
    // TableExport chooses the format by suffix: give the one the chosen filter names.
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QStringLiteral("csv") && suffix != QStringLiteral("xlsx"))
        path += filter == csv ? QStringLiteral(".csv") : QStringLiteral(".xlsx");
    return path;
}

Result<QString> AnalysisPanel::exportTables(const std::vector<AnalysisTable>& tables, const QString& path) {
    if (tables.empty()) return makeError(tr("nothing to export yet"));
    if (Status s = TableExport::write(tables, path); !s) return s.error();
    return tr("Exported the %1 table to %2.").arg(tables.front().title.toLower(), QFileInfo(path).fileName());
}

} // namespace warrant
