#pragma once

#include <QtGlobal>
#include <optional>
#include <string>

namespace warrant {

// Where a passage lies, packed into one value slot: one slot read per hit, and far fewer bytes
// per document than a slot per field.
struct LocationValue {
    qint64 sourceId = 0;
    int turnNumber = 0;
    qint64 start = 0; // code points
    qint64 end = 0;
    qint64 byteStart = 0; // UTF-8 bytes into the source text
    qint64 byteEnd = 0;
    bool interviewer = false;
    std::optional<qint64> mediaTimeMs;

    std::string pack() const;
    static LocationValue unpack(const std::string& packed);
};

} // namespace warrant
