#include "trace/report/AuditFacts.h"

#include <cmath>

namespace warrant {

const std::vector<QuoteVerdict>& AuditFacts::verdicts() {
    static const std::vector<QuoteVerdict> all = {
        QuoteVerdict::Verbatim,      QuoteVerdict::NearVerbatim,     QuoteVerdict::Altered,
        QuoteVerdict::Misattributed, QuoteVerdict::InterviewerWords, QuoteVerdict::Spliced,
        QuoteVerdict::Ambiguous,     QuoteVerdict::NotFound,         QuoteVerdict::Literature,
        QuoteVerdict::Document,      QuoteVerdict::Uncited,          QuoteVerdict::ScareQuote};
    return all;
}

const std::vector<ClaimCheck>& AuditFacts::checks() {
    static const std::vector<ClaimCheck> all = {ClaimCheck::Unsupported, ClaimCheck::OrphanCitation,
                                                ClaimCheck::Concentration, ClaimCheck::Quantifier,
                                                ClaimCheck::ContraryEvidence};
    return all;
}

QStringList AuditFacts::verdictNames() {
    QStringList names;
    for (QuoteVerdict v : verdicts())
        names << quoteVerdictName(v);
    return names;
}

QStringList AuditFacts::checkNames() {
    QStringList names;
    for (ClaimCheck c : checks())
        names << claimCheckName(c);
    return names;
}

AuditFacts::Severity AuditFacts::severity(QuoteVerdict verdict) {
    switch (verdict) {
    case QuoteVerdict::Verbatim:
    case QuoteVerdict::Document:
        return Severity::Ok;
    case QuoteVerdict::NearVerbatim:
    case QuoteVerdict::Ambiguous:
    case QuoteVerdict::ScareQuote:
        return Severity::Note;
    case QuoteVerdict::Altered:
    case QuoteVerdict::Misattributed:
    case QuoteVerdict::InterviewerWords:
    case QuoteVerdict::Spliced:
    case QuoteVerdict::NotFound:
        return Severity::Problem;
    case QuoteVerdict::Literature:
    case QuoteVerdict::Uncited:
        return Severity::Neutral;
    }
    return Severity::Neutral;
}

AuditFacts::Severity AuditFacts::severity(ClaimCheck check) {
    switch (check) {
    case ClaimCheck::Concentration:
    case ClaimCheck::ContraryEvidence:
        return Severity::Note;
    case ClaimCheck::Unsupported:
    case ClaimCheck::OrphanCitation:
    case ClaimCheck::Quantifier:
        return Severity::Problem;
    }
    return Severity::Problem;
}

QString AuditFacts::severityName(Severity severity) {
    switch (severity) {
    case Severity::Ok:
        return QStringLiteral("ok");
    case Severity::Neutral:
        return QStringLiteral("neutral");
    case Severity::Note:
        return QStringLiteral("note");
    case Severity::Problem:
        return QStringLiteral("problem");
    }
    return {};
}

bool AuditFacts::isSuggestion(const AuditEvidence& evidence) {
    return evidence.origin.compare(QStringLiteral("suggestion"), Qt::CaseInsensitive) == 0;
}

bool AuditFacts::isQuotedEvidence(const AuditClaim& claim, const AuditEvidence& evidence) {
    for (const AuditQuote& q : claim.quotes)
        if (q.found && q.found->sourceId == evidence.location.sourceId &&
            q.found->start == evidence.location.start && q.found->end == evidence.location.end)
            return true;
    return false;
}

AuditFacts::Status AuditFacts::status(const AuditClaim& claim) {
    bool problem = false, note = false, verified = false;
    for (const AuditQuote& q : claim.quotes) {
        const Severity s = severity(q.verdict);
        if (s == Severity::Problem)
            problem = true;
        else if (s == Severity::Note)
            note = true;
        if (s != Severity::Neutral && s != Severity::Problem) verified = true;
    }
    for (const AuditCheck& c : claim.checks) {
        if (severity(c.check) == Severity::Problem)
            problem = true;
        else
            note = true;
    }
    bool suggested = false;
    for (const AuditEvidence& e : claim.evidence) {
        if (isSuggestion(e))
            suggested = true;
        else
            verified = true;
    }
    if (problem) return Status::Problem;
    if (note || (suggested && !verified)) return Status::Note;
    return verified ? Status::Supported : Status::Unchecked;
}

QString AuditFacts::statusName(Status status) {
    switch (status) {
    case Status::Supported:
        return QStringLiteral("supported");
    case Status::Unchecked:
        return QStringLiteral("unchecked");
    case Status::Note:
        return QStringLiteral("note");
    case Status::Problem:
        return QStringLiteral("problem");
    }
    return {};
}

std::map<QString, int> AuditFacts::verdictCounts(const AuditReport& report) {
    std::map<QString, int> counts;
    for (const QString& name : verdictNames())
        counts[name] = 0;
    for (const AuditClaim& c : report.claims)
        for (const AuditQuote& q : c.quotes)
            counts[quoteVerdictName(q.verdict)] += 1;
    return counts;
}

std::map<QString, int> AuditFacts::checkCounts(const AuditReport& report) {
    std::map<QString, int> counts;
    for (const QString& name : checkNames())
        counts[name] = 0;
    for (const AuditClaim& c : report.claims)
        for (const AuditCheck& k : c.checks)
            counts[claimCheckName(k.check)] += 1;
    return counts;
}

int AuditFacts::quoteCount(const AuditReport& report) {
    int n = 0;
    for (const AuditClaim& c : report.claims)
        n += int(c.quotes.size());
    return n;
}

QString AuditFacts::speaker(const EvidenceLocation& location) {
    if (!location.participant.isEmpty()) return location.participant;
    if (location.interviewer) return QStringLiteral("the interviewer");
    return location.source;
}

QString AuditFacts::locationLabel(const EvidenceLocation& location) {
    QString head = !location.participant.isEmpty() ? location.participant
                   : location.interviewer          ? QStringLiteral("interviewer")
                                                   : QString();
    if (location.turn > 0)
        head = head.isEmpty() ? QStringLiteral("turn %1").arg(location.turn)
                              : QStringLiteral("%1, turn %2").arg(head, QString::number(location.turn));
    const QString range =
        QStringLiteral("%1\u2013%2").arg(QString::number(location.start), QString::number(location.end));
    const QString where =
        location.source.isEmpty() ? range : QStringLiteral("%1, %2").arg(location.source, range);
    if (head.isEmpty())
        return location.source.isEmpty() ? range : QStringLiteral("%1 (%2)").arg(location.source, range);
    return QStringLiteral("%1 (%2)").arg(head, where);
}

QString AuditFacts::shortLocation(const EvidenceLocation& location) {
    const QString source =
        location.source.isEmpty() ? QStringLiteral("source %1").arg(location.sourceId) : location.source;
    if (location.turn > 0) return QStringLiteral("%1, turn %2").arg(source, QString::number(location.turn));
    return QStringLiteral("%1, %2\u2013%3")
        .arg(source, QString::number(location.start), QString::number(location.end));
}

QString AuditFacts::shorten(const QString& text, int max) {
    const QString one = text.simplified();
    if (max <= 0) return {};
    if (one.size() <= max) return one;
    qsizetype cut = max - 1;
    if (cut > 0 && one.at(cut - 1).isHighSurrogate()) --cut;
    const qsizetype space = one.lastIndexOf(u' ', cut);
    if (space > max / 2) cut = space;
    QString s = one.left(cut);
    static const QString trailing = QStringLiteral(" ,;:.-\u2013\u2014");
    while (!s.isEmpty() && trailing.contains(s.back()))
        s.chop(1);
    return s + u'\u2026';
}

QString AuditFacts::who(const EvidenceLocation& l) {
    return QStringLiteral("%1 (%2)").arg(speaker(l), shortLocation(l));
}

namespace {

QString cited(const AuditQuote& q) {
    return q.citedParticipants.isEmpty()
               ? QString()
               : QStringLiteral(", cited %1").arg(q.citedParticipants.join(QStringLiteral(", ")));
}

} // namespace

QString AuditFacts::quoteDetail(const AuditQuote& q) {
    const bool found = q.found.has_value();
    switch (q.verdict) {
    case QuoteVerdict::Verbatim:
        return found ? who(*q.found) : QString();
    case QuoteVerdict::NearVerbatim:
    case QuoteVerdict::Altered:
        return found ? QStringLiteral("%1, %2% similar")
                           .arg(who(*q.found), QString::number(std::lround(q.similarity * 100)))
                     : q.explanation;
    case QuoteVerdict::Misattributed:
        return found ? QStringLiteral("said by %1%2").arg(who(*q.found), cited(q)) : q.explanation + cited(q);
    case QuoteVerdict::InterviewerWords:
        return found ? QStringLiteral("said by the interviewer (%1)%2").arg(shortLocation(*q.found), cited(q))
                     : q.explanation + cited(q);
    case QuoteVerdict::Spliced: {
        QStringList parts;
        if (found) parts << who(*q.found);
        for (const EvidenceLocation& l : q.alsoFound)
            parts << who(l);
        return QStringLiteral("joined from %1").arg(parts.join(QStringLiteral(" + ")));
    }
    case QuoteVerdict::Ambiguous: {
        QStringList parts;
        if (found) parts << who(*q.found);
        for (const EvidenceLocation& l : q.alsoFound)
            parts << who(l);
        return QStringLiteral("%1 equally good places: %2")
            .arg(parts.size())
            .arg(parts.join(QStringLiteral(", ")));
    }
    case QuoteVerdict::NotFound: {
        const QString why = q.explanation.isEmpty() ? QStringLiteral("not in the project") : q.explanation;
        return why + cited(q);
    }
    case QuoteVerdict::Literature:
        return QStringLiteral("cited to literature, not checked against transcripts");
    case QuoteVerdict::Document:
        return found ? QStringLiteral("found in %1").arg(shortLocation(*q.found)) : q.explanation;
    case QuoteVerdict::Uncited:
        return QStringLiteral("no citation to attribute it to");
    case QuoteVerdict::ScareQuote:
        return q.explanation;
    }
    return {};
}

} // namespace warrant
