#pragma once

#include "Result.h"
#include "exchange/QdaProject.h"
#include "exchange/SelectionPlacer.h"

#include <functional>
#include <vector>

namespace warrant {

class QdpxArchive;

// One text source of the file with its normalised text and where each of its selections falls.
struct PlacedSource {
    const qda::Source* source = nullptr;
    QString text;                            // normalised, as Warrant stores it
    OffsetConvention convention;
    std::vector<PlacedSelection> placed;
    std::vector<UnplacedSelection> unplaced;
};

struct ProjectPlacement {
    OffsetConvention convention;             // the file's convention
    QString evidence;
    std::vector<PlacedSource> sources;
    QStringList notes;                       // sources read with another convention, and why
    QStringList unreadable;                  // with skipUnreadable: sources left out, why, and what they held
};

// Decides which offset convention a file uses and places every text selection with it. A file
// has one convention; it is decided by the sources whose text tells conventions apart (non-BMP
// characters, carriage returns, a BOM), weighted by their selections, and by the exporting
// software when none does. A source whose selections only fit another convention keeps that one,
// with a note: nothing is shifted silently.
class QdpxPlacement {
public:
    using Progress = std::function<void(int done, int total, const QString& what)>;
    // A source whose text cannot be read fails the placement, or with `skipUnreadable` is left out
    // and listed.
    static Result<ProjectPlacement> place(const qda::Project& project, const QdpxArchive& archive,
                                          const Progress& progress = {}, bool skipUnreadable = false);
    static bool carriesText(const qda::Source& source);
};

} // namespace warrant
