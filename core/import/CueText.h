#pragma once

#include "import/SpeakerMapping.h"

#include <QString>

#include <vector>

namespace warrant {

// One speaker's words inside a subtitle cue.
struct CueSegment {
    QString speaker; // from <v Name> or a "Name:" line prefix; empty when the cue does not say
    QString text;    // tags removed, entities decoded, white space collapsed to single spaces
};

// Reads the payload of a WebVTT or SRT cue. A <v> voice tag starts a segment for its speaker; so
// does a line opening with a speaker label ("R8: ..."). All other markup is presentation and is
// removed: <i> <b> <u> <c.x> <ruby> <lang> <font>, inline timestamps <00:00:01.000>, and SRT's
// {\an8}-style overrides. Cue line breaks are presentation too and become spaces.
class CueText {
public:
    static std::vector<CueSegment> parse(const QString& payload, const SpeakerMapping& mapping);
    static QString decodeEntities(const QString& text);
};

} // namespace warrant
