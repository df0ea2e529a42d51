#pragma once

#include "Result.h"
#include "analysis/AnalysisTable.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace warrant {

// Writes analysis tables as files a spreadsheet opens: CSV (one table) or XLSX (one sheet per
// table). Numbers stay numbers; text never becomes a formula in either format.
class TableExport {
  public:
    // RFC 4180 CSV, UTF-8 without BOM, CRLF line ends, a header row. Integers as written; doubles
    // with '.' and at most 4 decimals, trailing zeros dropped (0.743, 1, 0.5); an invalid QVariant
    // (or a NaN/infinity) is an empty cell. Text is quoted when it holds a comma, quote, CR or LF;
    // text starting with = + - @ is prefixed with ' so a spreadsheet shows it instead of running it.
    static QByteArray csv(const AnalysisTable& table);

    // One .xlsx workbook with one sheet per table. Sheet names come from the titles, made valid and
    // unique (at most 31 characters, none of []:*?/\). The header row is bold and frozen; numbers
    // are numeric cells written with '.' whatever the locale, text is stored as inline strings
    // (never formulas; at most 32,767 characters a cell), empty and NaN cells are left out. The
    // same tables give the same bytes. The workbook is written to a temporary file in the target
    // folder and renamed onto `path` only when complete.
    static Status writeXlsx(const std::vector<AnalysisTable>& tables, const QString& path);

    // Writes csv(table) to path atomically.
    static Status writeCsv(const AnalysisTable& table, const QString& path);

    // By the path's suffix: .csv (exactly one table) or .xlsx; anything else is an error.
    static Status write(const std::vector<AnalysisTable>& tables, const QString& path);
};

} // namespace warrant
