#pragma once

#include "trace/QuoteFragments.h"
#include "trace/SpellingTolerance.h"
#include "trace/TurnTexts.h"

#include <optional>
#include <vector>

namespace warrant {

// Where a printed quotation lies in one passage, and how its words differ from what was said.
struct Placement {
    const TurnText* turn = nullptr;
    double similarity = 0; // 1 − character edits / printed characters
    qsizetype start = 0;   // UTF-16 range in turn->text
    qsizetype end = 0;
    QString diff;                // "[-printed-] {+said+}" word diff; empty when word for word
    bool contentDiffers = false; // some word differs in more than form
    QStringList forms;           // the kinds of tolerated difference ("misspelling", "fillers"…)
};

// Places a quotation in a passage: word for word first, else by edlib alignment of each
// fragment after the previous one, then judges the word diff with SpellingTolerance.
//  - A placement needs similarity >= kAlteredSimilarity;
//  - it passes as near-verbatim only when no word differs in content (a similarity, however
//    high, never outvotes a changed word) and similarity >= kNearSimilarity.
class QuotePlacer {
  public:
    static constexpr double kNearSimilarity = 0.85;
    static constexpr double kAlteredSimilarity = 0.70;

    explicit QuotePlacer(SpellingTolerance::CorpusWords corpusWords = {})
        : m_corpusWords(std::move(corpusWords)) {}

    // `quote` is the printed quotation the fragments come from (its capitals name names).
    std::optional<Placement> place(const std::vector<QuoteFragment>& fragments, const TurnText& turn,
                                   const QString& quote);
    // The best placement over several passages; `equallyGood` counts the ties.
    std::optional<Placement> best(const std::vector<QuoteFragment>& fragments,
                                  const std::vector<const TurnText*>& turns, const QString& quote,
                                  int* equallyGood = nullptr);

    // The first failure of the corpus look-up, if any: judgements after it were strict.
    const std::optional<Error>& error() const { return m_error; }

  private:
    std::optional<Placement> placeWith(const std::vector<QuoteFragment>& fragments,
                                       const std::vector<QString>& needles, const TurnText& turn,
                                       const QString& quote);
    SpellingTolerance::CorpusWords m_corpusWords;
    std::optional<Error> m_error;
};

} // namespace warrant
