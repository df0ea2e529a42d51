#include "trace/AuditReport.h"

#include <array>

namespace warrant {

namespace {
constexpr std::array kVerdicts = {QuoteVerdict::Verbatim,  QuoteVerdict::NearVerbatim, QuoteVerdict::Altered,
                                  QuoteVerdict::Misattributed, QuoteVerdict::InterviewerWords, QuoteVerdict::Spliced,
                                  QuoteVerdict::Ambiguous, QuoteVerdict::NotFound, QuoteVerdict::Literature,
                                  QuoteVerdict::Document, QuoteVerdict::Uncited};
constexpr std::array kStances = {EvidenceStance::Supports, EvidenceStance::Illustrates, EvidenceStance::Qualifies,
                                 EvidenceStance::Contradicts};
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
    }
    return {};
}

bool parseQuoteVerdict(const QString& name, QuoteVerdict* verdict) {
    for (QuoteVerdict v : kVerdicts)
        if (quoteVerdictName(v) == name.toLower()) {
            *verdict = v;
            return true;
        }
    return false;
}

QString evidenceStanceName(EvidenceStance stance) {
    switch (stance) {
    case EvidenceStance::Supports: return QStringLiteral("supports");
    case EvidenceStance::Illustrates: return QStringLiteral("illustrates");
    case EvidenceStance::Qualifies: return QStringLiteral("qualifies");
    case EvidenceStance::Contradicts: return QStringLiteral("contradicts");
    }
    return {};
}

bool parseEvidenceStance(const QString& name, EvidenceStance* stance) {
    for (EvidenceStance s : kStances)
        if (evidenceStanceName(s) == name.toLower()) {
            *stance = s;
            return true;
        }
    return false;
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

} // namespace warrant
