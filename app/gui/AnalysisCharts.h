#pragma once

#include "Result.h"
#include "analysis/IntercoderAgreement.h"

#include <QWidget>

#include <array>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QStackedWidget;

namespace warrant {

class AnalysisSnapshot;
class Project;

// Charts of core's figures (Qt Charts): coded segments per code, agreement per code (kappa and
// alpha of the coders chosen on the Agreement tab) and the saturation curve. Each one exports
// to PNG or SVG as drawn.
class AnalysisCharts : public QWidget {
    Q_OBJECT
  public:
    enum Chart { CodeFrequencies, AgreementByCode, Saturation, ChartCount };

    explicit AnalysisCharts(QWidget* parent = nullptr);
    ~AnalysisCharts() override;

    void setProject(Project* project);
    // The project changed: draw again now when in view, else when next shown.
    void reload();
    // Reads the project again if it changed while this was out of sight and it is in view now.
    void catchUp();
    void refresh();
    // The coders, unit and code the agreement chart compares.
    void setAgreementRequest(const warrant::AgreementRequest& request);

    void showChart(Chart chart);
    Chart currentChart() const;
    QChart* chart(Chart chart) const;
    QChartView* chartView(Chart chart) const { return m_views[size_t(chart)]; }
    QComboBox* chartCombo() const { return m_choice; }
    QPushButton* exportButton() const { return m_export; }
    QLabel* noteLabel() const { return m_note; }

    // Writes a chart as PNG or SVG (by the path's suffix) at the size it needs to be read whole.
    Status exportChart(Chart chart, const QString& path);
    QSize exportSize(Chart chart) const;

  Q_SIGNALS:
    void message(const QString& text);

  protected:
    void showEvent(QShowEvent* event) override;

  private:
    void buildUi();
    void install(Chart which, QChart* chart, int bars);
    void drawFrequencies(const AnalysisSnapshot& snapshot);
    void drawAgreement(const AnalysisSnapshot& snapshot);
    void drawSaturation(const AnalysisSnapshot& snapshot);
    void showNote();
    void chooseExportFile();

    Project* m_project = nullptr;
    AgreementRequest m_request;
    bool m_requestGiven = false; // until the Agreement tab says, its default coders are compared
    bool m_stale = true;
    std::array<QString, ChartCount> m_notes; // why a chart is empty, or what it leaves out

    QComboBox* m_choice = nullptr;
    QPushButton* m_export = nullptr;
    QLabel* m_note = nullptr;
    QStackedWidget* m_stack = nullptr;
    std::array<QChartView*, ChartCount> m_views{};
    std::array<QScrollArea*, ChartCount> m_scrolls{};
};

} // namespace warrant
