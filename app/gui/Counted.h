#pragma once

#include <QString>

namespace warrant {

// "1 coded segment", "55 coded segments": a count with its noun in the right number.
inline QString counted(qsizetype n, const QString& one, const QString& many) {
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

} // namespace warrant
