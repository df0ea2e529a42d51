#include "trace/Auditor.h"

#include "store/ParticipantRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"
#include "text/TextOffsets.h"
#include "trace/AuditStore.h"
#include "trace/ClaimChecks.h"
#include "trace/CitationParser.h"
#include "trace/ManuscriptReader.h"
#include "trace/QuoteChecker.h"
#include "trace/TurnTexts.h"

namespace warrant {

QSet<QString> Auditor::defaultFailOn() {
    return {quoteVerdictName(QuoteVerdict::Altered),       quoteVerdictName(QuoteVerdict::Misattributed),
            quoteVerdictName(QuoteVerdict::InterviewerWords), quoteVerdictName(QuoteVerdict::Spliced),
            quoteVerdictName(QuoteVerdict::NotFound),      claimCheckName(ClaimCheck::Unsupported),
            claimCheckName(ClaimCheck::OrphanCitation),    claimCheckName(ClaimCheck::Quantifier)};
}

Result<QSet<QString>> Auditor::parseFailOn(const QString& names) {
    QSet<QString> failOn;
    for (const QString& name : names.split(u',', Qt::SkipEmptyParts)) {
        const QString n = name.trimmed();
        QuoteVerdict verdict;
        ClaimCheck check;
        if (n.compare(QStringLiteral("none"), Qt::CaseInsensitive) == 0 || n.isEmpty()) continue;
        if (parseQuoteVerdict(n, &verdict)) failOn.insert(quoteVerdictName(verdict));
        else if (parseClaimCheck(n, &check)) failOn.insert(claimCheckName(check));
        else return makeError(QStringLiteral("--fail-on: unknown verdict or check '%1'").arg(n));
    }
    return failOn;
}

Result<AuditReport> Auditor::audit(qint64 manuscriptSourceId, const QSet<QString>& failOn, Save save) {
    auto source = SourceRepository(m_project).get(manuscriptSourceId);
    if (!source) return source.error();
    if (!source->has_value()) return makeError(QStringLiteral("source %1 does not exist").arg(manuscriptSourceId));
    return run({manuscriptSourceId, (*source)->title, (*source)->text}, failOn, save);
}

Result<AuditReport> Auditor::audit(const Manuscript& manuscript, const QSet<QString>& failOn) {
    return run(manuscript, failOn, Save::No);
}

struct Auditor::Stages {
    const Manuscript& manuscript;
    const ManuscriptReading& reading;
    const TextOffsets& offsets;
    QuoteChecker& quotes;
    EvidenceGatherer& evidence;
    const ClaimChecks& checks;
};

Result<AuditReport> Auditor::run(const Manuscript& manuscript, const QSet<QString>& failOn, Save save) {
    if (save == Save::Yes && manuscript.sourceId == 0)
        return makeError(QStringLiteral("%1 is not a source of the project; its audit cannot be stored").arg(manuscript.title));
    TurnTexts turns(m_project);
    const CitationParser parser(turns.participants());
    auto reading = ManuscriptReader(parser).read(manuscript.text, manuscript.title);
    if (!reading) return reading.error();
    const TextOffsets offsets(manuscript.text);
    ClaimRepository::Spans detected;
    for (const ClaimSpan& c : reading->claims)
        detected.emplace_back(offsets.codePointFromUtf16(c.start), offsets.codePointFromUtf16(c.end));

    std::vector<AuditStore::PlannedClaim> planned;
    if (manuscript.sourceId != 0) {
        auto plan = AuditStore(m_project).plan(manuscript.sourceId, detected);
        if (!plan) return plan.error();
        planned = std::move(*plan);
    } else {
        for (size_t i = 0; i < detected.size(); ++i)
            planned.push_back({{qint64(i + 1), 0, detected[i].first, detected[i].second, QStringLiteral("detected")}, false});
    }
    auto participants = ParticipantRepository(m_project).list();
    if (!participants) return participants.error();

    QuoteChecker quotes(m_project, turns, m_finder);
    EvidenceGatherer evidence(m_project, turns, m_finder);
    const ClaimChecks checks(std::move(*participants));
    Stages stages{manuscript, *reading, offsets, quotes, evidence, checks};
    AuditReport report;
    report.manuscript = manuscript.title;
    report.projectFile = m_project.fileName();
    for (const AuditStore::PlannedClaim& p : planned) {
        if (m_cancelled && m_cancelled()) return makeError(QStringLiteral("the audit of %1 was cancelled").arg(manuscript.title));
        auto claim = auditClaim(stages, p.claim, p.stored);
        if (!claim) return claim.error();
        report.claims.push_back(std::move(*claim));
    }
    ClaimChecks::addConcentration(report);
    ClaimChecks::tally(report, failOn);
    if (save == Save::Yes)
        if (auto saved = AuditStore(m_project).save(manuscript.sourceId, detected, report); !saved) return saved.error();
    return report;
}

Result<AuditClaim> Auditor::auditClaim(Stages& stages, const StoredClaim& stored, bool isStored) {
    const QString& text = stages.manuscript.text;
    const TextOffsets& offsets = stages.offsets;
    const qsizetype a = offsets.utf16FromCodePoint(stored.start), b = offsets.utf16FromCodePoint(stored.end);
    AuditClaim claim;
    claim.id = stored.id;
    claim.start = stored.start;
    claim.end = stored.end;
    claim.text = stages.reading.structure.textOf(text, a, b);
    claim.section = stages.reading.sectionAt(a);

    std::vector<const Citation*> citations;
    const auto [c0, c1] = stages.reading.citationsIn(a, b);
    for (size_t i = c0; i < c1; ++i) {
        const Citation& c = stages.reading.citations[i];
        if (stages.reading.structure.interrupted(a, b, c.start)) continue; // a footnote the claim runs across
        citations.push_back(&c);
        claim.citations.push_back({c.text, offsets.codePointFromUtf16(c.start), offsets.codePointFromUtf16(c.end), c.participants,
                                   c.unknown, c.literature});
    }
    const auto [q0, q1] = stages.reading.quotesIn(a, b);
    for (size_t i = q0; i < q1; ++i) {
        if (stages.reading.structure.interrupted(a, b, stages.reading.quotes[i].start)) continue;
        auto quote = stages.quotes.check(stages.reading.quotes[i], citations);
        if (!quote) return quote.error();
        quote->start = offsets.codePointFromUtf16(quote->start);
        quote->end = offsets.codePointFromUtf16(quote->end);
        claim.quotes.push_back(std::move(*quote));
    }
    auto gathered = stages.evidence.gather(claim, isStored);
    if (!gathered) return gathered.error();
    stages.checks.check(claim, *gathered);
    return claim;
}

} // namespace warrant
