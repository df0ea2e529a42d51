#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

#include <vector>

namespace warrant {

// A table of figures as every analysis exports it (CSV, XLSX) and as the workbench shows it.
// Cells hold numbers (int, qint64, double) or text; an invalid QVariant is an empty cell
// (for example an undefined coefficient).
struct AnalysisTable {
    QString title;                          // the sheet's name and the CSV's first comment
    QStringList headers;
    std::vector<std::vector<QVariant>> rows;
};

} // namespace warrant
