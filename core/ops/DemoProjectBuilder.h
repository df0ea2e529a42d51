#pragma once

#include "Result.h"

#include <QString>

#include <functional>

namespace warrant {

// Builds the demonstration project from a sample corpus folder: participants, transcripts,
// documents, codebook and codings (whatever the folder holds), all through the ordinary
// operations. Refuses to overwrite an existing file.
class DemoProjectBuilder {
public:
    using Log = std::function<void(const QString&)>;
    static Status build(const QString& corpusDir, const QString& projectPath, const Log& log = {});
    // The bundled sample corpus: $WARRANT_SAMPLE_CORPUS, else next to the executable's source tree.
    static QString defaultCorpusDir();
};

} // namespace warrant
