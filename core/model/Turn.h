#pragma once

#include <QString>

#include <optional>

namespace warrant {

// One speaker turn of a source: [start, end) in code points of the source text.
struct Turn {
    qint64 id = 0;
    qint64 sourceId = 0;
    int number = 0;          // 1-based within the source
    qsizetype start = 0;
    qsizetype end = 0;
    QString speakerLabel;
    qint64 participantId = 0; // 0 for interviewer turns or unknown speakers
    bool isInterviewer = false;
    std::optional<qint64> mediaTimeMs;
};

} // namespace warrant
