#pragma once

#include "trace/AuditReport.h"

#include <QString>
#include <QStringList>

namespace warrant {

// One overall status per claim, so a long manuscript can be scanned and filtered by its worst
// finding. It is either the worst verdict or check name of the claim ("misattributed", "altered",
// "unsupported", …) or, when nothing is wrong:
//  - "verified": its quotations were found verbatim or nearly so (or in a cited document);
//  - "supported": no checked quotation, but evidence is linked;
//  - "suggested": the only evidence is what the auditor suggests;
//  - "unchecked": nothing to check against the interviews.
class ClaimStatus {
  public:
    static QString of(const AuditClaim& claim);
    // A problem is a finding the audit fails on by default (a problem-severity verdict or check).
    static bool isProblem(const AuditClaim& claim);
    static bool isProblemName(const QString& status);
    // Every status name, worst first.
    static const QStringList& names();

    static QString verified() { return QStringLiteral("verified"); }
    static QString supported() { return QStringLiteral("supported"); }
    static QString suggested() { return QStringLiteral("suggested"); }
    static QString unchecked() { return QStringLiteral("unchecked"); }
};

} // namespace warrant
