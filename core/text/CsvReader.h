#pragma once

#include "Result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace warrant {

// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. Each row keeps the
// line it started on so errors can name it.
struct CsvRow {
    int line = 0;
    QStringList fields;
};

class CsvReader {
public:
    // `name` is used in error messages (usually the file name).
    static Result<std::vector<CsvRow>> parse(const QString& text, const QString& name);
    static Result<std::vector<CsvRow>> readFile(const QString& path);
    static QString escape(const QString& field);
    static QString formatRow(const QStringList& fields);
};

} // namespace warrant
