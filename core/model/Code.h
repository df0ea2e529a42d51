#pragma once

#include <QString>

namespace warrant {

// A codebook entry. Names are unique among siblings (case-insensitive).
struct Code {
    qint64 id = 0;
    qint64 parentId = 0; // 0 for top-level codes
    QString name;
    QString colour;      // "#rrggbb"
    QString description;
    QString inclusion;
    QString exclusion;
    QString example;
    int position = 0;
};

} // namespace warrant
