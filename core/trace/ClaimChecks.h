#pragma once

#include "trace/AuditReport.h"
#include "trace/EvidenceGatherer.h"
#include "trace/QuantifierCheck.h"

#include <QSet>

namespace warrant {

// The audit's checks on claims, once their evidence is gathered:
//  - orphan-citation: a cited code that names no participant, or a cited participant whose words
//    support nothing in the claim while others' do;
//  - unsupported: nothing any cited participant said supports the claim;
//  - quantifier: "most medical respondents…" with evidence from too few of that group;
//  - contrary-evidence: evidence linked as contradicting the claim;
//  - concentration (over a report): one participant supplying most of a section's quotations.
class ClaimChecks {
  public:
    explicit ClaimChecks(std::vector<Participant> participants) : m_quantifiers(std::move(participants)) {}

    void check(AuditClaim& claim, const EvidenceGatherer::Gathered& gathered) const;

    static void addConcentration(AuditReport& report);
    // Counts verdicts and checks, and the findings among them `failOn` names.
    static void tally(AuditReport& report, const QSet<QString>& failOn);

  private:
    static void citationChecks(AuditClaim& claim, const EvidenceGatherer::Gathered& gathered);
    QuantifierCheck m_quantifiers;
};

} // namespace warrant
