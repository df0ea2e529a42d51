#include "trace/report/AuditTextWriter.h"

#include "trace/report/AuditFacts.h"

#include <cmath>

namespace warrant {

namespace {

using Severity = AuditFacts::Severity;

QString percent(double share) {
    return QStringLiteral("%1%").arg(std::lround(share * 100));
}

void writeClaim(QString& out, const AuditClaim& c, bool verbose) {
    const QString section =
        c.section.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(AuditFacts::shorten(c.section, 30));
    out += QStringLiteral("Claim %1%2: %3\n").arg(c.id).arg(section, AuditFacts::shorten(c.text, 100));
    for (const AuditQuote& q : c.quotes) {
        const Severity s = AuditFacts::severity(q.verdict);
        if (!verbose && s != Severity::Note && s != Severity::Problem) continue;
        const QString detail = AuditFacts::quoteDetail(q);
        out += QStringLiteral("  quote \"%1\" \u2192 %2%3\n")
                   .arg(AuditFacts::shorten(q.text, 60), quoteVerdictName(q.verdict),
                        detail.isEmpty() ? QString() : QStringLiteral(": ") + detail);
        if (!q.diff.isEmpty() && q.verdict != QuoteVerdict::Verbatim)
            out += QStringLiteral("      diff: %1\n").arg(q.diff.simplified());
        if (verbose && !q.explanation.isEmpty())
            out += QStringLiteral("      %1\n").arg(q.explanation.simplified());
    }
    for (const AuditEvidence& e : c.evidence) {
        const bool suggestion = AuditFacts::isSuggestion(e);
        if (!verbose && !suggestion) continue;
        out += QStringLiteral("  %1 %2 (%3): %4 \"%5\"%6\n")
                   .arg(suggestion ? QStringLiteral("~") : QStringLiteral("+"), evidenceStanceName(e.stance),
                        e.origin, AuditFacts::who(e.location), AuditFacts::shorten(e.location.text, 60),
                        suggestion ? QStringLiteral(", relevance %1").arg(percent(e.relevance)) : QString());
    }
    for (const AuditCheck& k : c.checks)
        out += QStringLiteral("  ! %1: %2\n").arg(claimCheckName(k.check), k.message.simplified());
}

QString countList(const std::map<QString, int>& counts, const QStringList& order) {
    QStringList parts;
    for (const QString& name : order) {
        const auto it = counts.find(name);
        if (it != counts.end() && it->second > 0) parts << QStringLiteral("%1 %2").arg(it->second).arg(name);
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

QString AuditTextWriter::write(const AuditReport& report, bool verbose) {
    QString out;
    int shown = 0;
    for (const AuditClaim& c : report.claims) {
        const AuditFacts::Status status = AuditFacts::status(c);
        if (!verbose && status != AuditFacts::Status::Problem && status != AuditFacts::Status::Note) continue;
        if (shown++) out += u'\n';
        writeClaim(out, c, verbose);
    }
    if (shown)
        out += u'\n';
    else if (!report.claims.empty())
        out += QStringLiteral("No problems or notes.\n");

    const int claims = int(report.claims.size());
    const int quotes = AuditFacts::quoteCount(report);
    const QString verdicts = countList(AuditFacts::verdictCounts(report), AuditFacts::verdictNames());
    const QString checks = countList(AuditFacts::checkCounts(report), AuditFacts::checkNames());
    out += QStringLiteral("%1 %2, %3 %4%5; checks: %6; %7 %8.\n")
               .arg(claims)
               .arg(claims == 1 ? QStringLiteral("claim") : QStringLiteral("claims"))
               .arg(quotes)
               .arg(quotes == 1 ? QStringLiteral("quotation") : QStringLiteral("quotations"))
               .arg(verdicts.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(verdicts))
               .arg(checks.isEmpty() ? QStringLiteral("none") : checks)
               .arg(report.findings)
               .arg(report.findings == 1 ? QStringLiteral("finding") : QStringLiteral("findings"));
    return out;
}

} // namespace warrant
