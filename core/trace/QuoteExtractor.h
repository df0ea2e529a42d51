#pragma once

#include "trace/CitationParser.h"
#include "trace/ExtractedQuote.h"

#include <vector>

namespace warrant {

// Finds direct quotations in manuscript text: inline ‘…’ “…” '…' "…" and block quotations
// (Markdown "> " lines, or a paragraph that is wholly one quotation followed by a citation line),
// and attaches each to the citation right after it, else to the interview citation of its
// sentence. Every quotation in a sentence that carries an interview citation is evidence,
// however short; a short quotation (under three words) in a sentence with no interview citation
// is a scare quote and skipped.
class QuoteExtractor {
public:
    explicit QuoteExtractor(const CitationParser& citations) : m_citations(citations) {}
    std::vector<ExtractedQuote> extract(const QString& text) const;
    // With the text's citations already parsed (in text order).
    std::vector<ExtractedQuote> extract(const QString& text, const std::vector<Citation>& citations) const;

    // An inline quotation longer than this (UTF-16) is an unmatched mark, not a quotation.
    static constexpr qsizetype kMaxInlineQuote = 6000;

private:
    const CitationParser& m_citations;
};

} // namespace warrant
