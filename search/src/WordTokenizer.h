#pragma once

#include <QStringView>

#include <string>
#include <vector>

namespace warrant {

// Splits text into words the same way for indexing, querying and highlighting, so a match
// found in the index can always be shown in the text. A word is a run of letters, digits and
// combining marks, with apostrophes inside it ("don't", "AWM's").
struct WordSpan {
    qsizetype start; // UTF-16 offsets into the text
    qsizetype end;
};

class WordTokenizer {
public:
    static std::vector<WordSpan> words(QStringView text);
    // Case-folded UTF-8 form of a word, as stored in the index.
    static std::string term(QStringView word);
};

} // namespace warrant
