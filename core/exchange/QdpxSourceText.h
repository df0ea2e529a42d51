#pragma once

#include "Result.h"
#include "exchange/QdaProject.h"

#include <QByteArray>
#include <QString>

namespace warrant {

class QdpxArchive;

// The text of a REFI-QDA text source exactly as the other tool counted it: from its inline
// PlainTextContent or its file in the archive, decoded with any byte-order mark and carriage
// returns kept, since selection offsets may count them.
class QdpxSourceText {
public:
    // The text of a TextSource, or of a PDF source's text representation.
    static Result<QString> of(const qda::Source& source, const QdpxArchive& archive, const QString& basePath);
    // UTF-8 (with or without BOM) or UTF-16 with BOM; invalid bytes are refused, never replaced.
    static Result<QString> decode(const QByteArray& bytes, const QString& name);
};

} // namespace warrant
