#pragma once

#include <QString>

#include <optional>
#include <vector>

namespace warrant {

// The unit the index stores: a speaker turn (split when long) or a paragraph of a document.
struct Passage {
    qint64 sourceId = 0;
    qint64 participantId = 0;
    bool interviewer = false;
    bool inTurn = false;
    int turnNumber = 0;
    qsizetype start = 0; // code points into the source text
    qsizetype end = 0;
    qint64 byteStart = 0; // UTF-8 bytes into the stored source text, to read the passage back
    qint64 byteEnd = 0;
    std::optional<qint64> mediaTimeMs;
    QString text;
    std::vector<qint64> codeIds;   // codes on overlapping text, with their ancestors
    std::vector<qint64> directCodeIds;
    std::vector<qint64> coderIds;

    QString id() const { return QStringLiteral("%1:%2").arg(sourceId).arg(start); }
};

} // namespace warrant
