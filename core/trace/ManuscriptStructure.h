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
};

class ManuscriptStructure {
public:
    // `protectedSpans` (quotations, citations) are never cut, whatever punctuation they hold.
    static ManuscriptStructure of(const QString& text, const std::vector<std::pair<qsizetype, qsizetype>>& protectedSpans = {});

    std::vector<ManuscriptParagraph> paragraphs;
    std::vector<ManuscriptSentence> sentences;

    // Does a full stop at `dot` end a sentence? Not after "et al", "e.g", "Dr", initials such
    // as "P.C" or a participant code's dots.
    static bool endsSentence(const QString& text, qsizetype dot);
};

} // namespace warrant
