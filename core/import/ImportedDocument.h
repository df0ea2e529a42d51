#pragma once

#include <QString>

#include <optional>
#include <vector>

namespace warrant {

// One speaker turn found by an importer. Offsets are Unicode code points into
// ImportedDocument::text, start inclusive, end exclusive; the span covers the turn's
// spoken text (without the speaker label).
struct ImportedTurn {
    qsizetype start = 0;
    qsizetype end = 0;
    QString speakerLabel;                // as written in the file: "R8", "Interviewer", "INT"
    bool isInterviewer = false;          // decided by the SpeakerMapping
    std::optional<qint64> mediaTimeMs;   // cue start time for .vtt/.srt
    QString participantCode;             // who spoke, per the SpeakerMapping; empty for the interviewer
};

// The result of reading one file, before anything touches the project store.
struct ImportedDocument {
    QString text;                        // normalised: LF line endings, no BOM, NFC not applied
    QString format;                      // "txt", "md", "docx", "odt", "vtt", "srt"
    QString title;                       // from the file name unless the file says otherwise
    QString participantCode;             // from header line, file name, or option; empty if unknown
    std::vector<std::pair<QString, QString>> header; // header lines such as Date, Interviewer, Place
    std::vector<ImportedTurn> turns;
};

} // namespace warrant
