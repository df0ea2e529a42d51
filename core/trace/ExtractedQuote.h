#pragma once

#include "trace/Citation.h"

#include <QString>

#include <optional>

namespace warrant {

// A direct quotation printed in a manuscript, with the citation it is attributed to.
struct ExtractedQuote {
    QString text;            // without the quote marks or block markers
    qsizetype start = 0;     // UTF-16 range of `text` in the manuscript text
    qsizetype end = 0;
    bool block = false;      // a block quotation rather than inline
    std::optional<Citation> citation;
    bool citationFollows = false; // the citation comes right after the quote, not just in its sentence
};

} // namespace warrant
