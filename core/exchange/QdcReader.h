#pragma once

#include "Result.h"
#include "exchange/QdaProject.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace warrant {

// Reads a REFI-QDA codebook (.qdc, QDA-XML Codebook 1.0) into its codes, nested as in the file.
// The namespaces seen in the wild (urn:QDA-XML:codebook:1.0, 1:0, 0:4) and none at all are
// accepted; the codebook's Sets are not carried. The same protections as QdeReader apply.
class QdcReader {
public:
    static Result<std::vector<qda::Code>> read(const QByteArray& xml, const QString& fileName);
};

} // namespace warrant
