#pragma once

#include "import/ImportedDocument.h"
#include "import/SpeakerMapping.h"
#include "import/TranscriptHeader.h"

#include <QString>

#include <vector>

namespace warrant {

struct DetectedTranscript {
    HeaderFields header;
    std::vector<ImportedTurn> turns; // offsets in code points into the text given to detect()
};

// Finds the header block and the speaker turns of a plain-text transcript.
//
// Header: the first non-blank lines of the form "Key: value" with a known key (TranscriptHeader),
// each key at most once. In `Lines` layout (.txt/.md) the block ends at the first blank line, as
// the corpus spec says; in `Paragraphs` layout (.docx/.odt, where each header line is its own
// paragraph and so separated by a blank line) blank lines between header lines are allowed. A block
// made only of "Interviewer:" lines is not a header: it is the interviewer's first turn. The header
// stays in the text; it is just not a turn.
//
// Turns: a line starting with a speaker label (SpeakerLabel) opens a turn; following lines without a
// label continue it (multi-paragraph answers). A turn's span runs from the first non-space character
// after the label to the last non-space character before the next label; turns with no text are
// dropped. Text between the header and the first label belongs to no turn.
class TurnDetector {
public:
    enum class HeaderLayout { Lines, Paragraphs };

    explicit TurnDetector(SpeakerMapping mapping = SpeakerMapping(), HeaderLayout layout = HeaderLayout::Lines);

    DetectedTranscript detect(const QString& text) const;

private:
    SpeakerMapping m_mapping;
    HeaderLayout m_layout;
};

} // namespace warrant
