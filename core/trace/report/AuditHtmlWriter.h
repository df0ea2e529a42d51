#pragma once

#include "trace/AuditReport.h"

#include <QString>

namespace warrant {

// The audit report as one self-contained HTML5 page for a reviewer: inline CSS, no scripts, no
// external resources, every piece of text escaped. Title; summary tables (quotations per
// verdict, claims per check, findings), each row linking to the first claim concerned; a table
// of contents with a status badge per claim; then one card per claim: claim text with its
// citations, each quotation beside the transcript passage (the found words in <mark>), the
// word diff (<del>/<ins>), similarity, location, evidence and checks.
//
// Anchors: id="claim-ID" per claim, id="claim-ID-quote-N" per quotation (N from 1), and
// id="loc-SOURCEID-START" on the first mention of each location in the project.
class AuditHtmlWriter {
  public:
    static QString write(const AuditReport& report);
};

} // namespace warrant
