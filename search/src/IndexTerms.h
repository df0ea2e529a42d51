#pragma once

#include <string>

namespace warrant::terms {

// Term prefixes of the index. Word terms are unprefixed, case-folded and positional; stems are
// not stored (StemVariants expands a stemmed query word into the corpus's words). Prefixes are
// upper case, so they never collide with a word.
inline const std::string kPassageId = "Q";
inline const std::string kSource = "XS";
inline const std::string kKind = "XT";
inline const std::string kRole = "XR";
inline const std::string kParticipant = "XP";
inline const std::string kCode = "XC";
inline const std::string kCoder = "XK";
inline const std::string kTurn = "XN";
inline const std::string kDelta = "XD"; // on every passage of the delta database

// Value slots.
enum Slot : unsigned {
    Location = 0,      // LocationValue: source, turn, offsets, speaker, media time
    ParticipantId = 1, // for participant facet counts (0 for interviewer turns)
    DirectCodes = 2,   // comma-separated code ids, for facet counts
};

} // namespace warrant::terms
