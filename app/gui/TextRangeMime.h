#pragma once

#include "TextLocation.h"

#include <optional>

class QMimeData;

namespace warrant {

// The drag-and-drop format for a span of a source: the document view and the search results
// offer it, the codebook (apply a code) and the evidence panel (link to a claim) accept it.
class TextRangeMime {
public:
    static constexpr const char* kFormat = "application/x-warrant-text-range";

    // Adds the range to `mime` (which may already carry plain text).
    static void write(QMimeData& mime, const TextLocation& location);
    static std::optional<TextLocation> read(const QMimeData* mime);
};

} // namespace warrant
