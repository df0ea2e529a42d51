#pragma once

#include <string>

namespace warrant::terms {

// Term prefixes of the index. Word terms are unprefixed (case-folded, with positions); stems
// carry Z and no positions, and are stored only where the stem differs from the word.
inline const std::string kStem = "Z";
inline const std::string kPassageId = "Q";
inline const std::string kSource = "XS";
inline const std::string kKind = "XT";
inline const std::string kRole = "XR";
inline const std::string kParticipant = "XP";
inline const std::string kCode = "XC";
inline const std::string kCoder = "XK";
inline const std::string kTurn = "XN";

// Value slots.
enum Slot : unsigned {
    SourceId = 0,
    TurnNumber = 1,
    Start = 2,
    End = 3,
    ParticipantId = 4,
    DirectCodes = 5,   // comma-separated code ids, for facet counts
    DocumentOrder = 6, // natural source title + start, for document-order sorting
    MediaTime = 7,
    Interviewer = 8,
};

} // namespace warrant::terms
