#pragma once

#include "model/Evidence.h"

#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace warrant {

// The verdict on one printed quotation.
enum class QuoteVerdict {
    Verbatim,          // every fragment word for word (case, punctuation and quote marks aside)
    NearVerbatim,      // differs only in punctuation, fillers or spelling
    Altered,           // content words differ
    Misattributed,     // said, but by someone other than the cited participant
    InterviewerWords,  // the interviewer's words, not the participant's
    Spliced,           // pieces from different turns joined as one quotation
    Ambiguous,         // several equally good places
    NotFound,          // nowhere in the project
    Literature,        // cited to literature, not an interview: not checked against transcripts
    Document,          // cited to an imported document and found there
    Uncited,           // no citation to attribute it to
    ScareQuote,        // a short quotation in a cited sentence that nobody in the project said
};

QString quoteVerdictName(QuoteVerdict verdict);
bool parseQuoteVerdict(const QString& name, QuoteVerdict* verdict);
// Found where it was attributed, as printed or with the differences near-verbatim allows.
bool isVerified(QuoteVerdict verdict);

struct AuditCitation {
    QString text;
    qsizetype start = 0;     // code points into the manuscript
    qsizetype end = 0;
    QStringList participants;
    QStringList unknown;     // codes that name no participant of the project
    QStringList literature;
};

struct AuditQuote {
    QString text;
    qsizetype start = 0;     // code points into the manuscript
    qsizetype end = 0;
    bool block = false;
    QuoteVerdict verdict = QuoteVerdict::NotFound;
    QStringList citedParticipants;
    std::optional<EvidenceLocation> found;       // the best place it occurs
    std::vector<EvidenceLocation> alsoFound;      // spliced pieces, ambiguous alternatives
    double similarity = 0;   // 0..1 over the quoted words
    QString diff;            // word diff printed → transcript, "[-printed-]{+said+}"
    QString explanation;     // one line a reviewer can act on
};

struct AuditEvidence {
    qint64 linkId = 0;       // 0 for suggestions
    qint64 segmentId = 0;
    EvidenceStance stance = EvidenceStance::Supports;
    QString origin;          // "verified quote", "user", "suggestion"
    EvidenceLocation location;
    double relevance = 0;    // suggestions: 0..1
};

enum class ClaimCheck { Unsupported, OrphanCitation, Concentration, Quantifier, ContraryEvidence };
QString claimCheckName(ClaimCheck check);
bool parseClaimCheck(const QString& name, ClaimCheck* check);

struct AuditCheck {
    ClaimCheck check;
    QString message;
    QStringList participants;
};

struct AuditClaim {
    qint64 id = 0;
    QString section;
    QString text;
    qsizetype start = 0;     // code points into the manuscript
    qsizetype end = 0;
    std::vector<AuditCitation> citations;
    std::vector<AuditQuote> quotes;
    std::vector<AuditEvidence> evidence;
    std::vector<AuditCheck> checks;
};

struct AuditReport {
    QString manuscript;      // title
    QString projectFile;
    std::vector<AuditClaim> claims;
    std::map<QString, int> verdictCounts; // by verdict name
    std::map<QString, int> checkCounts;   // by check name
    int findings = 0;        // problems at or above the failure threshold the audit was run with
};

} // namespace warrant
