#include "trace/EvidenceGatherer.h"

#include "store/ClaimRepository.h"
#include "text/TextOffsets.h"

#include <QRegularExpression>
#include <algorithm>

namespace warrant {

namespace {

bool hasEvidenceFrom(const AuditClaim& claim, const QString& participant) {
    return std::any_of(claim.evidence.begin(), claim.evidence.end(), [&](const AuditEvidence& e) {
        return e.location.participant.compare(participant, Qt::CaseInsensitive) == 0;
    });
}

bool sameSpan(const EvidenceLocation& l, qint64 sourceId, qsizetype start, qsizetype end) {
    return l.sourceId == sourceId && l.start == start && l.end == end;
}

} // namespace

QString claimOwnWords(const QString& claimText) {
    static const QRegularExpression brackets(QStringLiteral("\\([^)]*\\)"));
    static const QRegularExpression quoted(
        QStringLiteral("[\u2018\u201C\"][^\u2019\u201D\"]*[\u2019\u201D\"]"));
    QString t = claimText;
    t.remove(brackets);
    t.remove(quoted);
    return t.simplified();
}

EvidenceLocation EvidenceGatherer::locationOf(qint64 sourceId, qsizetype start, qsizetype end) {
    EvidenceLocation l;
    l.sourceId = sourceId;
    l.start = start;
    l.end = end;
    if (const TurnText* t = m_turns.at(sourceId, start)) {
        l.participant = t->participant;
        l.interviewer = t->interviewer;
        l.source = t->source;
        l.turn = t->number;
        l.context = t->text;
        const TextOffsets offsets(t->text);
        const qsizetype a = offsets.utf16FromCodePoint(start - t->start),
                        b = offsets.utf16FromCodePoint(end - t->start);
        l.text = t->text.mid(a, b - a);
    }
    return l;
}

Result<EvidenceGatherer::Gathered> EvidenceGatherer::gather(AuditClaim& claim, bool stored) {
    QStringList citedForQuotes;
    for (const AuditQuote& q : claim.quotes) {
        citedForQuotes << q.citedParticipants;
        if (isVerified(q.verdict) && q.found)
            claim.evidence.push_back(
                {0, 0, EvidenceStance::Supports, QStringLiteral("verified quote"), *q.found, 1.0});
    }
    if (stored)
        if (Status s = addStoredLinks(claim); !s) return s.error();
    Gathered g;
    QStringList cited = citedForQuotes;
    for (const AuditCitation& c : claim.citations)
        for (const QString& p : c.participants) {
            cited << p;
            if (!citedForQuotes.contains(p, Qt::CaseInsensitive)) g.citedWithoutQuote << p;
        }
    g.citedWithoutQuote.removeDuplicates();
    cited.removeDuplicates();
    if (!m_finder) return g;
    // Everyone cited may support the claim, also those cited with a quotation that is someone
    // else's ("(interview, M2; M6)" under M6's words): their closest passage is evidence too.
    if (Status s = addSuggestions(claim, cited); !s) return s.error();
    auto off = offSubject(claim, g.citedWithoutQuote);
    if (!off) return off.error();
    g.offSubject = std::move(*off);
    return g;
}

Status EvidenceGatherer::addStoredLinks(AuditClaim& claim) {
    auto links = ClaimRepository(m_project).links(claim.id);
    if (!links) return links.error();
    for (const EvidenceLink& l : *links) {
        auto same = std::find_if(claim.evidence.begin(), claim.evidence.end(), [&](const AuditEvidence& e) {
            return sameSpan(e.location, l.sourceId, l.start, l.end);
        });
        if (same != claim.evidence.end()) { // this audit verified it again: keep the stored link's identity
            same->linkId = l.id;
            same->segmentId = l.segmentId;
            same->stance = l.stance;
            same->origin = l.origin;
            continue;
        }
        // An earlier audit's verified quotation that this audit no longer verifies is no evidence.
        if (l.origin == QStringLiteral("verified quote")) continue;
        claim.evidence.push_back(
            {l.id, l.segmentId, l.stance, l.origin, locationOf(l.sourceId, l.start, l.end), 1.0});
    }
    return {};
}

Status EvidenceGatherer::addSuggestions(AuditClaim& claim, const QStringList& participants) {
    const QString words = claimOwnWords(claim.text);
    for (const QString& p : participants) {
        if (hasEvidenceFrom(claim, p)) continue;
        auto suggestions = m_finder->suggest(words, p, 3);
        if (!suggestions) return suggestions.error();
        for (const CandidateFinder::Suggestion& s : *suggestions) {
            if (s.relevance < kSuggestionRelevance) continue;
            claim.evidence.push_back({0, 0, EvidenceStance::Supports, QStringLiteral("suggestion"),
                                      locationOf(s.sourceId, s.start, s.end), s.relevance});
            break;
        }
    }
    return {};
}

Result<std::optional<CandidateFinder::Coverage>>
EvidenceGatherer::offSubject(AuditClaim& claim, const QStringList& participants) {
    if (!claim.quotes.empty() || participants.isEmpty()) return std::optional<CandidateFinder::Coverage>();
    const bool suggestedOnly =
        std::all_of(claim.evidence.begin(), claim.evidence.end(),
                    [](const AuditEvidence& e) { return e.origin == QStringLiteral("suggestion"); });
    if (!suggestedOnly) return std::optional<CandidateFinder::Coverage>();
    auto coverage = m_finder->vocabularyCoverage(claimOwnWords(claim.text), participants);
    if (!coverage) return coverage.error();
    if (coverage->share >= kClaimVocabularyCoverage) return std::optional<CandidateFinder::Coverage>();
    claim.evidence.clear();
    return std::optional<CandidateFinder::Coverage>(std::move(*coverage));
}

} // namespace warrant
