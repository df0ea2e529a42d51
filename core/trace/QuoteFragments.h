#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace warrant {

// A printed quotation cut where the author edited it. Words hidden behind an ellipsis and
// words standing behind a [bracketed insertion] or an (and)-style insertion are not expected
// verbatim; everything else is.
struct QuoteFragment {
    enum class GapBefore { None, Ellipsis, Insertion };
    QString text;                 // as printed
    GapBefore gapBefore = GapBefore::None;
};

class QuoteFragments {
public:
    static std::vector<QuoteFragment> split(const QString& quote);
    // Words of the fragments, for reporting.
    static int wordCount(const std::vector<QuoteFragment>& fragments);
};

} // namespace warrant
