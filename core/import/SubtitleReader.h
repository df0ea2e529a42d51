#pragma once

#include "Result.h"
#include "import/ImportedDocument.h"
#include "import/SpeakerMapping.h"

#include <QString>

namespace warrant {

// Turns a WebVTT or SRT file (already decoded) into a transcript.
//
// Each cue's speaker comes from its <v Name> voice tag or a "Name:" prefix; a cue that names no
// speaker continues the previous speaker (subtitles usually label only speaker changes), and cues
// before any named speaker become unlabelled turns. Consecutive cues of the same speaker are ONE
// turn, their texts joined with a single space, keeping the first cue's start as mediaTimeMs: an
// answer is one turn however the captioner split it.
//
// NOTE/STYLE/REGION blocks are skipped, except that "Key: value" lines (Participant, Date...) in a
// NOTE before the first cue fill the header.
//
// The stored text reads like a plain transcript: the header lines, a blank line, then one
// paragraph per turn, "LABEL: text" (just "text" when unlabelled), paragraphs separated by a blank
// line. Turn spans cover the spoken text only.
class SubtitleReader {
public:
    enum class Format { WebVtt, Srt };

    // `text` is normalised (LF line endings). The result has text, format, header and turns;
    // participantCode and title are left to the caller.
    static Result<ImportedDocument> read(const QString& text, Format format, const QString& fileName,
                                         const SpeakerMapping& mapping);

    // "00:01:02.500", "01:02.500" or SRT's "00:01:02,500" -> milliseconds; nullopt if malformed.
    static std::optional<qint64> parseTimestamp(QStringView text);
};

} // namespace warrant
