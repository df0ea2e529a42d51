#pragma once

#include "import/SpeakerMapping.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace warrant {

// A speaker label found at the start of a line.
struct LabelMatch {
    QString label;            // as written, without brackets, emphasis markup or colon: "R8", "P.C."
    qsizetype textStart = 0;  // UTF-16 index in the line where the spoken text begins (after spaces)
};

// Recognises the label that opens a speaker turn: "R8:", "P.C.:", "Interviewer:", "[R8]",
// "[R8]:", and Markdown's "**R8:**" / "**R8**:". A label is at most 30 characters and 4 words of
// letters, digits, dots, spaces and hyphens, with at least one letter, and must be followed by
// whitespace or the end of the line. To keep ordinary prose from starting turns, every word of
// the label must begin with a capital or a digit ("He said: no" is prose) unless the mapping knows
// the label, and a bracketed label without a colon must look like a code ("[R8]", "[INT]") and
// not like a transcription note ("[Laughter]", "[Inaudible]").
class SpeakerLabel {
public:
    static std::optional<LabelMatch> match(QStringView line, const SpeakerMapping& mapping);
};

} // namespace warrant
