#pragma once

#include <QString>

#include <utility>
#include <vector>

namespace warrant {

// A manuscript cut into sections, paragraphs and sentences. Offsets are UTF-16 positions in the
// text it was built from.
struct ManuscriptSentence {
    qsizetype start = 0;
    qsizetype end = 0;
    int paragraph = 0;
    QString section;
};

struct ManuscriptParagraph {
    qsizetype start = 0;
    qsizetype end = 0;
    QString section;
    bool heading = false;
    bool blockQuote = false;
    // A page's furniture in text taken from a PDF: a page rule ("---"), a page number or a
    // footnote ("<sup>13</sup> …", "13 From 2002 …") standing between two halves of a sentence.
    bool furniture = false;
};

class ManuscriptStructure {
public:
    // `protectedSpans` (quotations, citations) are never cut, whatever punctuation they hold.
    static ManuscriptStructure of(const QString& text, const std::vector<std::pair<qsizetype, qsizetype>>& protectedSpans = {});

    std::vector<ManuscriptParagraph> paragraphs;
    std::vector<ManuscriptSentence> sentences;
    // Page furniture a sentence runs across (UTF-16 ranges, in text order): a sentence cut by a
    // page break is one sentence whose text leaves these out.
    std::vector<std::pair<qsizetype, qsizetype>> interruptions;

    // The text of [start, end) without the interruptions that lie strictly inside it.
    QString textOf(const QString& text, qsizetype start, qsizetype end) const;
    // Is `at` inside an interruption that lies strictly inside [start, end)?
    bool interrupted(qsizetype start, qsizetype end, qsizetype at) const;

    // Does a full stop at `dot` end a sentence? Not after "et al", "e.g", "Dr", initials such
    // as "P.C" or a participant code's dots.
    static bool endsSentence(const QString& text, qsizetype dot);
};

} // namespace warrant
