#pragma once

#include "exchange/QdaProject.h"

#include <QByteArray>

namespace warrant {

// Writes a REFI-QDA codebook (.qdc) that validates against Codebook.xsd.
class QdcWriter {
public:
    static QByteArray write(const std::vector<qda::Code>& codes, const QString& origin);
};

} // namespace warrant
