#pragma once

#include "Result.h"
#include "trace/AuditReport.h"

#include <QByteArray>

namespace warrant {

// Reads a report AuditJsonWriter wrote (docs/audit.md, "JSON") back into an AuditReport, so a
// stored audit can be shown again. Evidence contexts (the whole turns) are not in the JSON.
class AuditJsonReader {
public:
    static Result<AuditReport> read(const QByteArray& json);
};

} // namespace warrant
