#include "ClaimStatus.h"

#include "trace/report/AuditFacts.h"

namespace warrant {

namespace {

// Problems first, then notes, each group from the finding a reviewer most needs to see.
const QStringList& findingsWorstFirst() {
    static const QStringList order = {
        quoteVerdictName(QuoteVerdict::Misattributed), quoteVerdictName(QuoteVerdict::InterviewerWords),
        quoteVerdictName(QuoteVerdict::Spliced),       quoteVerdictName(QuoteVerdict::NotFound),
        quoteVerdictName(QuoteVerdict::Altered),       claimCheckName(ClaimCheck::OrphanCitation),
        claimCheckName(ClaimCheck::Unsupported),       claimCheckName(ClaimCheck::Quantifier),
        claimCheckName(ClaimCheck::ContraryEvidence),  quoteVerdictName(QuoteVerdict::Ambiguous),
        claimCheckName(ClaimCheck::Concentration),     quoteVerdictName(QuoteVerdict::ScareQuote)};
    return order;
}

} // namespace

const QStringList& ClaimStatus::names() {
    static const QStringList all =
        findingsWorstFirst() + QStringList{suggested(), verified(), supported(), unchecked()};
    return all;
}

QString ClaimStatus::of(const AuditClaim& claim) {
    const QStringList& order = findingsWorstFirst();
    qsizetype worst = order.size();
    auto consider = [&](const QString& name) {
        const qsizetype rank = order.indexOf(name);
        if (rank >= 0 && rank < worst) worst = rank;
    };
    for (const AuditQuote& q : claim.quotes)
        consider(quoteVerdictName(q.verdict));
    for (const AuditCheck& c : claim.checks)
        consider(claimCheckName(c.check));
    if (worst < order.size()) return order.at(worst);

    bool verifiedQuote = false, linked = false, suggestion = false;
    for (const AuditQuote& q : claim.quotes)
        verifiedQuote = verifiedQuote || isVerified(q.verdict);
    for (const AuditEvidence& e : claim.evidence) {
        if (AuditFacts::isSuggestion(e))
            suggestion = true;
        else
            linked = true;
    }
    if (verifiedQuote) return verified();
    if (linked) return supported();
    if (suggestion) return suggested();
    return unchecked();
}

bool ClaimStatus::isProblem(const AuditClaim& claim) {
    return isProblemName(of(claim));
}

bool ClaimStatus::isProblemName(const QString& status) {
    QuoteVerdict verdict;
    if (parseQuoteVerdict(status, &verdict))
        return AuditFacts::severity(verdict) == AuditFacts::Severity::Problem;
    for (ClaimCheck check : AuditFacts::checks())
        if (claimCheckName(check) == status)
            return AuditFacts::severity(check) == AuditFacts::Severity::Problem;
    return false;
}

} // namespace warrant
