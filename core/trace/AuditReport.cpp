#include "trace/AuditReport.h"

#include <array>

namespace warrant {

namespace {
constexpr std::array kVerdicts = {QuoteVerdict::Verbatim,  QuoteVerdict::NearVerbatim, QuoteVerdict::Altered,
                                  QuoteVerdict::Misattributed, QuoteVerdict::InterviewerWords, QuoteVerdict::Spliced,
                                  QuoteVerdict::Ambiguous, QuoteVerdict::NotFound, QuoteVerdict::Literature,
                                  QuoteVerdict::Document, QuoteVerdict::Uncited, QuoteVerdict::ScareQuote};
constexpr std::array kChecks = {ClaimCheck::Unsupported, ClaimCheck::OrphanCitation, ClaimCheck::Concentration,
                                ClaimCheck::Quantifier, ClaimCheck::ContraryEvidence};
} // namespace

QString quoteVerdictName(QuoteVerdict verdict) {
    switch (verdict) {
    case QuoteVerdict::Verbatim: return QStringLiteral("verbatim");
    case QuoteVerdict::NearVerbatim: return QStringLiteral("near-verbatim");
    case QuoteVerdict::Altered: return QStringLiteral("altered");
    case QuoteVerdict::Misattributed: return QStringLiteral("misattributed");
    case QuoteVerdict::InterviewerWords: return QStringLiteral("interviewer-words");
    case QuoteVerdict::Spliced: return QStringLiteral("spliced");
    case QuoteVerdict::Ambiguous: return QStringLiteral("ambiguous");
    case QuoteVerdict::NotFound: return QStringLiteral("not-found");
    case QuoteVerdict::Literature: return QStringLiteral("literature");
    case QuoteVerdict::Document: return QStringLiteral("document");
    case QuoteVerdict::Uncited: return QStringLiteral("uncited");
    case QuoteVerdict::ScareQuote: return QStringLiteral("scare-quote");
    }
    return {};
}

namespace {

// "Not Found", "not_found" and "not-found" name one verdict.
QString canonicalName(const QString& name) {
    QString n = name.simplified().toLower();
    n.replace(u'_', u'-').replace(u' ', u'-');
    return n;
}

} // namespace

bool parseQuoteVerdict(const QString& name, QuoteVerdict* verdict) {
    const QString wanted = canonicalName(name);
    for (QuoteVerdict v : kVerdicts)
        if (quoteVerdictName(v) == wanted) {
            *verdict = v;
            return true;
        }
    return false;
}

bool isVerified(QuoteVerdict verdict) {
    return verdict == QuoteVerdict::Verbatim || verdict == QuoteVerdict::NearVerbatim || verdict == QuoteVerdict::Document;
}

QString claimCheckName(ClaimCheck check) {
    switch (check) {
    case ClaimCheck::Unsupported: return QStringLiteral("unsupported");
    case ClaimCheck::OrphanCitation: return QStringLiteral("orphan-citation");
    case ClaimCheck::Concentration: return QStringLiteral("concentration");
    case ClaimCheck::Quantifier: return QStringLiteral("quantifier");
    case ClaimCheck::ContraryEvidence: return QStringLiteral("contrary-evidence");
    }
    return {};
}

bool parseClaimCheck(const QString& name, ClaimCheck* check) {
    const QString wanted = canonicalName(name);
    for (ClaimCheck c : kChecks)
        if (claimCheckName(c) == wanted) {
            *check = c;
            return true;
        }
    return false;
}

} // namespace warrant
