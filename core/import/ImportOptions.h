#pragma once

#include "import/SpeakerMapping.h"

#include <QString>

namespace warrant {

struct ImportOptions {
    // Wins over everything the file says: the user named the participant explicitly.
    QString participantCode;
    // For .txt .md .vtt .srt; empty = detect (BOM, else strict UTF-8). Ignored for .docx/.odt,
    // whose XML declares its own encoding. See TextDecoder for the accepted names.
    QString encoding;
    SpeakerMapping speakers;
};

} // namespace warrant
