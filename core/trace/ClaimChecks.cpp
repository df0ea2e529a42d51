#include "trace/ClaimChecks.h"

#include <algorithm>
#include <map>

namespace warrant {

namespace {

bool hasEvidenceFrom(const AuditClaim& claim, const QString& participant) {
    return std::any_of(claim.evidence.begin(), claim.evidence.end(), [&](const AuditEvidence& e) {
        return e.location.participant.compare(participant, Qt::CaseInsensitive) == 0;
    });
}

// "…: they never use its words smoking, obesity, cessation (M2 and M1 do)".
QString offSubjectDetail(const CandidateFinder::Coverage& coverage, qsizetype cited) {
    if (coverage.missing.isEmpty()) return {};
    QString detail = QStringLiteral(": %1 never %2 its words %3")
                         .arg(cited == 1 ? QStringLiteral("they") : QStringLiteral("none of them"),
                              cited == 1 ? QStringLiteral("use") : QStringLiteral("uses"),
                              coverage.missing.mid(0, 3).join(QStringLiteral(", ")));
    if (!coverage.usedBy.isEmpty())
        detail += QStringLiteral(" (%1 %2)")
                      .arg(coverage.usedBy.mid(0, 3).join(QStringLiteral(", ")),
                           coverage.usedBy.size() == 1 ? QStringLiteral("does") : QStringLiteral("do"));
    return detail;
}

} // namespace

void ClaimChecks::citationChecks(AuditClaim& claim, const EvidenceGatherer::Gathered& gathered) {
    for (const AuditCitation& c : claim.citations)
        for (const QString& u : c.unknown)
            claim.checks.push_back({ClaimCheck::OrphanCitation,
                                    QStringLiteral("%1 is not a participant of this project").arg(u),
                                    {u}});
    const QStringList& cited = gathered.citedWithoutQuote;
    if (cited.isEmpty()) return;
    QStringList orphans;
    for (const QString& p : cited)
        if (!hasEvidenceFrom(claim, p)) orphans << p;
    if (orphans.size() == cited.size() && claim.quotes.empty()) {
        QString why =
            QStringLiteral("nothing %1 said supports this claim").arg(orphans.join(QStringLiteral(", ")));
        if (gathered.offSubject) why += offSubjectDetail(*gathered.offSubject, orphans.size());
        claim.checks.push_back({ClaimCheck::Unsupported, why, orphans});
        return;
    }
    for (const QString& p : orphans)
        claim.checks.push_back({ClaimCheck::OrphanCitation,
                                QStringLiteral("%1 is cited but says nothing that supports the claim").arg(p),
                                {p}});
}

void ClaimChecks::check(AuditClaim& claim, const EvidenceGatherer::Gathered& gathered) const {
    citationChecks(claim, gathered);
    QSet<QString> supporting;
    for (const AuditEvidence& e : claim.evidence)
        if (!e.location.participant.isEmpty() && e.stance != EvidenceStance::Contradicts)
            supporting.insert(e.location.participant);
    for (AuditCheck& k : m_quantifiers.check(claimOwnWords(claim.text), supporting))
        claim.checks.push_back(std::move(k));
    for (const AuditEvidence& e : claim.evidence)
        if (e.stance == EvidenceStance::Contradicts)
            claim.checks.push_back({ClaimCheck::ContraryEvidence,
                                    QStringLiteral("%1 (%2, turn %3) contradicts this claim")
                                        .arg(e.location.participant, e.location.source)
                                        .arg(e.location.turn),
                                    {e.location.participant}});
}

void ClaimChecks::addConcentration(AuditReport& report) {
    std::map<QString, std::map<QString, int>> counts; // section → participant → verified quotations
    std::map<QString, size_t> firstClaim;
    for (size_t i = 0; i < report.claims.size(); ++i) {
        const AuditClaim& c = report.claims[i];
        firstClaim.emplace(c.section, i);
        for (const AuditQuote& q : c.quotes)
            if (isVerified(q.verdict) && q.found && !q.found->participant.isEmpty())
                counts[c.section][q.found->participant] += 1;
    }
    for (const auto& [section, bySpeaker] : counts) {
        int total = 0;
        for (const auto& [p, n] : bySpeaker)
            total += n;
        for (const auto& [p, n] : bySpeaker)
            if (total >= 5 && n * 5 > total * 3)
                report.claims[firstClaim[section]].checks.push_back(
                    {ClaimCheck::Concentration,
                     QStringLiteral("%1 supplies %2 of the %3 verified quotations in \"%4\"")
                         .arg(p)
                         .arg(n)
                         .arg(total)
                         .arg(section),
                     {p}});
    }
}

void ClaimChecks::tally(AuditReport& report, const QSet<QString>& failOn) {
    report.verdictCounts.clear();
    report.checkCounts.clear();
    report.findings = 0;
    for (const AuditClaim& c : report.claims) {
        for (const AuditQuote& q : c.quotes) {
            report.verdictCounts[quoteVerdictName(q.verdict)] += 1;
            if (failOn.contains(quoteVerdictName(q.verdict))) ++report.findings;
        }
        for (const AuditCheck& k : c.checks) {
            report.checkCounts[claimCheckName(k.check)] += 1;
            if (failOn.contains(claimCheckName(k.check))) ++report.findings;
        }
    }
}

} // namespace warrant
