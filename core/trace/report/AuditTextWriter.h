#pragma once

#include "trace/AuditReport.h"

#include <QString>

namespace warrant {

// The audit report for a terminal: one block per claim that has a problem or a note (every claim
// when `verbose`), then one summary line of counts.
//
//   Claim 12 (5.2 How clusters reached…): Most partners agreed that the cluster…
//     quote "we never trusted them" → misattributed: said by R11 (R11, turn 14), cited J.M.
//     quote "the money came late" → altered: R8 (R8.txt, turn 3), 78% similar
//         diff: the [-money-] {+grant+} came late
//     ! orphan-citation: I1 is cited but says nothing that supports the claim
//
//   40 claims, 25 quotations (20 verbatim, 1 altered, …); checks: 1 orphan-citation; 3 findings.
//
// Without `verbose` a block lists only the quotations that are not verbatim (or literature,
// document, uncited), every check and suggested evidence; with it, every quotation, evidence
// item and explanation.
class AuditTextWriter {
  public:
    static QString write(const AuditReport& report, bool verbose);
};

} // namespace warrant
