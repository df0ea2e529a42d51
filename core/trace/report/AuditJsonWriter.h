#pragma once

#include "trace/AuditReport.h"

#include <QByteArray>

namespace warrant {

// The audit report as indented UTF-8 JSON. Field names are stable (documented in docs/audit.md,
// "JSON"): keys appear in alphabetical order within each object; offsets are code points.
class AuditJsonWriter {
  public:
    static QByteArray write(const AuditReport& report);
};

} // namespace warrant
