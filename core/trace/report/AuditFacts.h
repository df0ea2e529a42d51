#pragma once

#include "trace/AuditReport.h"

#include <QString>
#include <QStringList>
#include <map>
#include <vector>

namespace warrant {

// What the report writers (JSON, HTML, JUnit, text, evidence tables) agree on: the verdict and
// check names in their canonical order, a claim's status, counts, and how a location is named.
class AuditFacts {
  public:
    // Every verdict / check / stance name, in declaration order.
    static const std::vector<QuoteVerdict>& verdicts();
    static const std::vector<ClaimCheck>& checks();
    static QStringList verdictNames();
    static QStringList checkNames();

    // How a verdict or check reads to a reviewer.
    enum class Severity { Ok, Neutral, Note, Problem };
    static Severity severity(QuoteVerdict verdict);
    static Severity severity(ClaimCheck check);
    static QString severityName(Severity severity); // "ok", "neutral", "note", "problem"

    // A claim's overall status:
    //  - problem: a quotation is altered, misattributed, the interviewer's words, spliced or not
    //    found, or an unsupported / orphan-citation / quantifier check fired;
    //  - note: a quotation is near-verbatim or ambiguous, a concentration or contrary-evidence
    //    check fired, or the only evidence is suggested (not verified, not linked by a user);
    //  - supported: there is verified or linked evidence and nothing above;
    //  - unchecked: nothing to check against the interviews (only literature, documents or
    //    uncited quotations) and nothing above.
    enum class Status { Supported, Unchecked, Note, Problem };
    static Status status(const AuditClaim& claim);
    static QString statusName(Status status); // "supported", "unchecked", "note", "problem"

    // Counts over the claims in the report, every name present (zeros included). Computed from
    // report.claims (not report.verdictCounts / checkCounts) so they always match what is listed.
    static std::map<QString, int> verdictCounts(const AuditReport& report);
    static std::map<QString, int> checkCounts(const AuditReport& report);
    static int quoteCount(const AuditReport& report);

    // "R8, turn 12 (R8.txt, 1234–1300)"; "interviewer, turn 3 (R8.txt, 10–40)"; "Policy memo (5–20)".
    static QString locationLabel(const EvidenceLocation& location);
    // "R8.txt, turn 12"
    static QString shortLocation(const EvidenceLocation& location);
    // Who said it: the participant, "the interviewer", or the source for documents.
    static QString speaker(const EvidenceLocation& location);

    // "R8 (R8.txt, turn 12)"
    static QString who(const EvidenceLocation& location);
    // What a verdict means for this quotation, in one line: "said by R11 (R11, turn 14), cited J.M.",
    // "R8 (R8.txt, turn 3), 78% similar", "joined from R8 (…) + R8 (…)".
    static QString quoteDetail(const AuditQuote& quote);

    // At most `max` characters on one line (whitespace collapsed), cut at a word boundary with "…".
    static QString shorten(const QString& text, int max);

    // Whether an evidence item is a quotation's found place (verified quotations are linked as
    // evidence too, so tables list them once).
    static bool isQuotedEvidence(const AuditClaim& claim, const AuditEvidence& evidence);
    static bool isSuggestion(const AuditEvidence& evidence);
};

} // namespace warrant
