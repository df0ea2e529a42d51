#pragma once

#include "trace/AuditReport.h"

#include <QByteArray>
#include <QSet>
#include <QString>

namespace warrant {

// The audit report as JUnit XML, so CI systems show findings as failed tests:
//
//   <testsuites name="warrant audit" tests="N" failures="F">
//     <testsuite name="warrant audit: MANUSCRIPT" tests="N" failures="F" errors="0" skipped="0">
//       <testcase classname="claims" name="claim 12: first 60 characters of the claim…">
//         <failure message="quote &quot;…&quot; → misattributed: said by R11 (…)"
//         type="misattributed">details</failure>
//
// One <testcase> per claim; one <failure> per quotation whose verdict, and per check whose name,
// is in `failOn` (names as quoteVerdictName / claimCheckName, case-insensitive).
class AuditJunitWriter {
  public:
    static QByteArray write(const AuditReport& report, const QSet<QString>& failOn);
};

} // namespace warrant
