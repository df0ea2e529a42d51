#pragma once

#include "Result.h"
#include "text/Dictionary.h"

#include <QSet>
#include <QStringList>
#include <functional>
#include <optional>

namespace warrant {

// Decides whether printed words that differ from what was said differ only in form. Tolerated:
//  - transcription fillers the printed quotation leaves out (erm, um, "you know", "I mean", a
//    stammered repeat);
//  - hyphenation and compounds ("co-ordination" / "coordination");
//  - numerals for number words ("3" / "three", "10,000" / "ten thousand");
//  - British and American spellings of one word ("organisation" / "organization");
//  - true misspellings: a printed word that is no word at all (not in the dictionary, not used
//    anywhere in the project) within one letter of the said word (two for words of eight or more
//    letters), or a said word the dictionary does not know within one letter of the printed one.
// Never tolerated, whatever the letters: one real word for another, a negation added or dropped,
// a different number, a different name.
class SpellingTolerance {
  public:
    // Whether the project (its transcripts and documents) uses a case-folded word.
    using CorpusWords = std::function<Result<bool>(const QString& folded)>;

    enum class Form { Same, Filler, Hyphenation, Numeral, RegionalSpelling, Misspelling, Content };

    // `names`: case-folded words written with a capital inside a sentence in either text.
    SpellingTolerance(const Dictionary& dictionary, CorpusWords corpusWords, QSet<QString> names = {});

    // One run of a word diff: `printed` words where the transcript has `said`, between two common
    // words (`before` and `after` are those neighbours, empty at the ends). Content when any word
    // differs in more than form.
    Form judge(const QStringList& printed, const QStringList& said, const QString& before = {},
               const QString& after = {});
    // One word for another.
    Form judgePair(const QString& printed, const QString& said);

    // The first error the corpus look-up reported; judgements made after it treat unknown words
    // as real words (so nothing passes on a failed look-up).
    const std::optional<Error>& error() const { return m_error; }

    static QString formName(Form form);
    static bool isFiller(const QString& folded);
    // Words written with a capital where no sentence starts: names, as far as text can tell.
    static QSet<QString> capitalisedWords(const QString& text);
    // Restricted Damerau-Levenshtein distance (a swap of neighbours counts one).
    static int editDistance(const QString& a, const QString& b);
    // Value of number words or numerals ("twenty two", "22", "10 000"); nullopt when not a number.
    static std::optional<qint64> numberValue(const QStringList& words);

  private:
    bool realWord(const QString& folded);
    bool isName(const QString& folded) const;
    static bool negated(const QString& folded);
    static bool regionalPair(const Dictionary& dictionary, const QString& a, const QString& b);

    const Dictionary& m_dictionary;
    CorpusWords m_corpusWords;
    QSet<QString> m_names;
    std::optional<Error> m_error;
};

} // namespace warrant
