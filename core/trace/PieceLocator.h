#pragma once

#include "Result.h"
#include "trace/QuoteFragments.h"
#include "trace/TurnTexts.h"

#include <functional>
#include <vector>

namespace warrant {

// One piece of a quotation found word for word in one turn.
struct LocatedPiece {
    QString text; // the piece as normalised
    const TurnText* turn = nullptr;
    qsizetype start = 0; // UTF-16 range in turn->text
    qsizetype end = 0;
};

struct PieceLocation {
    std::vector<LocatedPiece> found; // in the quotation's order
    QStringList missing;             // pieces no turn holds
    bool unmarkedCut = false;        // a piece ends where the quotation shows no cut
    bool complete() const { return missing.isEmpty() && !found.empty(); }
};

// Finds where each piece of a quotation that no single turn holds was said. Pieces are the
// fragments between the author's cuts (ellipses, insertions); a fragment no turn holds whole is
// cut further, greedily, into the longest runs of words (at least kMinUnmarkedPiece) that some
// turn holds, so "A B" joined without a mark is found as A here and B there.
class PieceLocator {
  public:
    static constexpr int kMinUnmarkedPiece = 4; // words

    // Turns likely to hold some words, best first (the index's candidates); may fail.
    using Candidates = std::function<Result<std::vector<const TurnText*>>(const QString& words)>;

    // `preferred` turns (the cited participant's, then the interviewer's) are tried first.
    PieceLocator(std::vector<const TurnText*> preferred, Candidates candidates)
        : m_preferred(std::move(preferred)), m_candidates(std::move(candidates)) {}

    Result<PieceLocation> locate(const std::vector<QuoteFragment>& fragments);

  private:
    Status locateFragment(const QString& normalised, PieceLocation& out);
    Result<std::vector<const TurnText*>> poolFor(const QString& words);
    // The longest run of `words` from `from` that one turn of `pool` holds: its end and place.
    qsizetype longestRun(const QStringList& words, qsizetype from, const std::vector<const TurnText*>& pool,
                         LocatedPiece* piece) const;

    std::vector<const TurnText*> m_preferred;
    Candidates m_candidates;
};

} // namespace warrant
