#pragma once

#include "trace/CitationParser.h"
#include "trace/ExtractedQuote.h"

#include <vector>

namespace warrant {

// Finds direct quotations in manuscript text: inline ‘…’ “…” '…' "…" and block quotations
// (Markdown "> " lines, or a paragraph that is wholly one quotation followed by a citation line),
// and attaches each to the citation right after it, else to the one in its sentence.
// Short quotes (one or two words) with no citation right after them are scare quotes and skipped.
class QuoteExtractor {
public:
    explicit QuoteExtractor(const CitationParser& citations) : m_citations(citations) {}
    std::vector<ExtractedQuote> extract(const QString& text) const;

private:
    const CitationParser& m_citations;
};

} // namespace warrant
