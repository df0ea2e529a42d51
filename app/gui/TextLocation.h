#pragma once

#include <QMetaType>
#include <QtGlobal>

namespace warrant {

// A span of a source's text, in code points, as every panel passes it around: what a search hit,
// a coded segment or a piece of evidence points at, and where navigation goes.
struct TextLocation {
    qint64 sourceId = 0;
    qsizetype start = 0;
    qsizetype end = 0;

    bool isValid() const { return sourceId > 0 && end >= start; }
    friend bool operator==(const TextLocation&, const TextLocation&) = default;
};

} // namespace warrant

Q_DECLARE_METATYPE(warrant::TextLocation)
