#include "trace/Auditor.h"

#include "store/ClaimRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"
#include "text/TextOffsets.h"
#include "trace/CitationParser.h"
#include "trace/DocumentQuoteChecker.h"
#include "trace/ManuscriptStructure.h"
#include "trace/QuoteExtractor.h"
#include "trace/QuoteVerifier.h"
#include "trace/TurnTexts.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

namespace warrant {

namespace {

bool verified(QuoteVerdict v) {
    return v == QuoteVerdict::Verbatim || v == QuoteVerdict::NearVerbatim || v == QuoteVerdict::Document;
}

bool within(qsizetype at, qsizetype start, qsizetype end) { return at >= start && at < end; }

// The claim's own words: quotations and citations removed, for relevance ranking.
QString claimWords(const QString& text) {
    QString t = text;
    t.remove(QRegularExpression(QStringLiteral("\\([^)]*\\)")));
    t.remove(QRegularExpression(QStringLiteral("[\u2018\u201C\"][^\u2019\u201D\"]*[\u2019\u201D\"]")));
    return t.simplified();
}

// Where a span of a source lies: its turn and speaker, the words and the whole turn as context.
EvidenceLocation locationOf(TurnTexts& turns, qint64 sourceId, qsizetype start, qsizetype end) {
    EvidenceLocation l;
    l.sourceId = sourceId;
    l.start = start;
    l.end = end;
    if (const TurnText* t = turns.at(sourceId, start)) {
        l.participant = t->participant;
        l.interviewer = t->interviewer;
        l.source = t->source;
        l.turn = t->number;
        l.context = t->text;
        const TextOffsets offsets(t->text);
        const qsizetype a = offsets.utf16FromCodePoint(start - t->start), b = offsets.utf16FromCodePoint(end - t->start);
        l.text = t->text.mid(a, b - a);
    }
    return l;
}

// "…: they never use its words smoking, obesity, cessation (M2 and M1 do)".
QString offSubjectDetail(const CandidateFinder::Coverage& coverage, qsizetype cited) {
    if (coverage.missing.isEmpty()) return {};
    QString detail = QStringLiteral(": %1 never %2 its words %3")
                         .arg(cited == 1 ? QStringLiteral("they") : QStringLiteral("none of them"),
                              cited == 1 ? QStringLiteral("use") : QStringLiteral("uses"),
                              coverage.missing.mid(0, 3).join(QStringLiteral(", ")));
    if (!coverage.usedBy.isEmpty())
        detail += QStringLiteral(" (%1 %2)").arg(coverage.usedBy.mid(0, 3).join(QStringLiteral(", ")),
                                                coverage.usedBy.size() == 1 ? QStringLiteral("does") : QStringLiteral("do"));
    return detail;
}

} // namespace

QSet<QString> Auditor::defaultFailOn() {
    return {quoteVerdictName(QuoteVerdict::Altered),       quoteVerdictName(QuoteVerdict::Misattributed),
            quoteVerdictName(QuoteVerdict::InterviewerWords), quoteVerdictName(QuoteVerdict::Spliced),
            quoteVerdictName(QuoteVerdict::NotFound),      claimCheckName(ClaimCheck::Unsupported),
            claimCheckName(ClaimCheck::OrphanCitation),    claimCheckName(ClaimCheck::Quantifier)};
}

int Auditor::quantifierNeeds(const QString& phrase, int participants) {
    const QString p = phrase.toLower().simplified();
    if (p == QStringLiteral("all") || p == QStringLiteral("every") || p == QStringLiteral("each"))
        return std::max(2, int(std::ceil(participants * 0.9)));
    if (p == QStringLiteral("almost all") || p == QStringLiteral("nearly all") || p == QStringLiteral("virtually all") ||
        p == QStringLiteral("the vast majority of"))
        return std::max(2, int(std::ceil(participants * 0.75)));
    if (p == QStringLiteral("most") || p == QStringLiteral("the majority of") || p == QStringLiteral("a majority of"))
        return participants / 2 + 1;
    if (p == QStringLiteral("many") || p == QStringLiteral("numerous")) return 5;
    if (p == QStringLiteral("several") || p == QStringLiteral("a number of") || p == QStringLiteral("various")) return 3;
    if (p == QStringLiteral("some") || p == QStringLiteral("a few") || p == QStringLiteral("few")) return 2;
    if (p == QStringLiteral("one") || p == QStringLiteral("a single")) return 1;
    return 0;
}

Result<AuditReport> Auditor::audit(qint64 manuscriptSourceId, const QSet<QString>& failOn) {
    auto source = SourceRepository(m_project).get(manuscriptSourceId);
    if (!source) return source.error();
    if (!source->has_value()) return makeError(QStringLiteral("source %1 does not exist").arg(manuscriptSourceId));
    const QString& text = (*source)->text;
    const TextOffsets offsets(text);
    const auto cp = [&](qsizetype u16) { return offsets.codePointFromUtf16(u16); };
    const auto u16 = [&](qsizetype c) { return offsets.utf16FromCodePoint(c); };

    TurnTexts turns(m_project);
    const QStringList participants = turns.participants();
    const CitationParser parser(participants);
    const std::vector<Citation> citations = parser.parseAll(text);
    const std::vector<ExtractedQuote> quotes = QuoteExtractor(parser).extract(text);

    // Claims: sentences that carry a citation or a quotation. A citation standing alone under a
    // block quotation belongs to it.
    std::vector<std::pair<qsizetype, qsizetype>> protectedSpans;
    for (const ExtractedQuote& q : quotes) protectedSpans.emplace_back(q.start, q.end);
    for (const Citation& c : citations) protectedSpans.emplace_back(c.start, c.end);
    const ManuscriptStructure structure = ManuscriptStructure::of(text, protectedSpans);
    std::vector<std::pair<qsizetype, qsizetype>> spans;
    for (const ManuscriptSentence& s : structure.sentences) {
        bool cites = false, quotes_ = false, onlyCitation = false;
        for (const Citation& c : citations)
            if (within(c.start, s.start, s.end)) {
                cites = true;
                onlyCitation = text.mid(s.start, s.end - s.start).trimmed().size() <= c.text.size() + 3;
            }
        for (const ExtractedQuote& q : quotes) quotes_ = quotes_ || within(q.start, s.start, s.end);
        if (!cites && !quotes_) continue;
        if (onlyCitation && !spans.empty() && s.start - spans.back().second <= 6) spans.back().second = s.end;
        else spans.emplace_back(s.start, s.end);
    }
    std::vector<std::pair<qsizetype, qsizetype>> cpSpans;
    for (const auto& [a, b] : spans) cpSpans.emplace_back(cp(a), cp(b));
    ClaimRepository claimsRepo(m_project);
    auto stored = m_project.readOnly() ? claimsRepo.claims(manuscriptSourceId) : claimsRepo.syncDetected(manuscriptSourceId, cpSpans);
    if (!stored) return stored.error();
    if (stored->empty() && m_project.readOnly()) {
        for (size_t i = 0; i < cpSpans.size(); ++i)
            stored->push_back({qint64(i + 1), manuscriptSourceId, cpSpans[i].first, cpSpans[i].second, QStringLiteral("detected")});
    }

    QuoteVerifier verifier(turns, m_finder);
    DocumentQuoteChecker documents(m_project);
    AuditReport report;
    report.manuscript = (*source)->title;
    report.projectFile = m_project.fileName();
    std::map<QString, std::map<QString, int>> quotesBySectionAndParticipant;
    std::map<QString, size_t> firstClaimOfSection;

    for (const StoredClaim& stored1 : *stored) {
        if (m_cancelled && m_cancelled()) return makeError(QStringLiteral("the audit of %1 was cancelled").arg((*source)->title));
        const qsizetype a = u16(stored1.start), b = u16(stored1.end);
        AuditClaim claim;
        claim.id = stored1.id;
        claim.start = stored1.start;
        claim.end = stored1.end;
        claim.text = text.mid(a, b - a).trimmed();
        for (const ManuscriptSentence& s : structure.sentences)
            if (within(a, s.start, s.end + 1)) claim.section = s.section;

        QStringList citedByCitations;   // participants cited outside quotations
        QStringList citedForQuotes;     // participants named by a quotation's own citation
        for (const Citation& c : citations) {
            if (!within(c.start, a, b)) continue;
            claim.citations.push_back({c.text, cp(c.start), cp(c.end), c.participants, c.unknown, c.literature});
        }
        for (const ExtractedQuote& q : quotes) {
            if (!within(q.start, a, b)) continue;
            AuditQuote result;
            const Citation* citation = q.citation ? &*q.citation : nullptr;
            QStringList cited = citation ? citation->participants : QStringList();
            if (cited.isEmpty())
                for (const Citation& c : citations)
                    if (within(c.start, a, b) && !c.participants.isEmpty()) {
                        cited = c.participants;
                        break;
                    }
            if (!cited.isEmpty()) {
                result = verifier.verify(q.text, cited);
                citedForQuotes << cited;
            } else {
                // The quotation's own citation first, then the sentence's.
                QStringList works = citation ? citation->literature : QStringList();
                for (const Citation& c : citations)
                    if (works.isEmpty() && within(c.start, a, b)) works = c.literature;
                std::optional<qint64> document;
                for (const QString& work : works)
                    if (!document) document = documents.documentFor(work);
                if (document) {
                    result = documents.check(q.text, *document);
                } else {
                    result.text = q.text;
                    result.verdict = works.isEmpty() ? QuoteVerdict::Uncited : QuoteVerdict::Literature;
                    result.explanation = works.isEmpty()
                                             ? QStringLiteral("no citation names who said it")
                                             : QStringLiteral("cited to literature that is not imported; not checked");
                }
            }
            result.start = cp(q.start);
            result.end = cp(q.end);
            result.block = q.block;
            if (verified(result.verdict) && result.found) {
                if (!m_project.readOnly()) {
                    auto link = claimsRepo.link(claim.id, result.found->sourceId, result.found->start, result.found->end,
                                                EvidenceStance::Supports, QStringLiteral("verified quote"));
                    if (!link) return link.error();
                } else {
                    claim.evidence.push_back({0, 0, EvidenceStance::Supports, QStringLiteral("verified quote"), *result.found, 1.0});
                }
                if (!result.found->participant.isEmpty())
                    quotesBySectionAndParticipant[claim.section][result.found->participant] += 1;
            }
            claim.quotes.push_back(std::move(result));
        }
        for (const AuditCitation& c : claim.citations)
            for (const QString& p : c.participants)
                if (!citedForQuotes.contains(p)) citedByCitations << p;
        citedByCitations.removeDuplicates();

        // Evidence already linked (verified quotations, and links users made).
        auto links = claimsRepo.links(claim.id);
        if (links) {
            for (const EvidenceLink& l : *links) {
                AuditEvidence e{l.id, l.segmentId, l.stance, l.origin, locationOf(turns, l.sourceId, l.start, l.end), 1.0};
                claim.evidence.push_back(e);
            }
        }
        auto hasEvidence = [&](const QString& participant) {
            for (const AuditEvidence& e : claim.evidence)
                if (e.location.participant.compare(participant, Qt::CaseInsensitive) == 0) return true;
            return false;
        };
        // Suggestions for participants cited without a quotation: their passages most like the claim.
        if (m_finder) {
            const QString words = claimWords(claim.text);
            for (const QString& p : citedByCitations) {
                if (hasEvidence(p)) continue;
                for (const CandidateFinder::Suggestion& s : m_finder->suggest(words, p, 3)) {
                    if (s.relevance < kSuggestionRelevance) continue;
                    AuditEvidence e{0, 0, EvidenceStance::Supports, QStringLiteral("suggestion"),
                                    locationOf(turns, s.sourceId, s.start, s.end), s.relevance};
                    claim.evidence.push_back(e);
                    break;
                }
            }
        }

        // A claim whose informative words the cited participants never use is about something
        // else, however many common words their best passages share with it.
        std::optional<CandidateFinder::Coverage> offSubject;
        if (m_finder && claim.quotes.empty() && !citedByCitations.isEmpty()) {
            const bool suggestedOnly = std::all_of(claim.evidence.begin(), claim.evidence.end(), [](const AuditEvidence& e) {
                return e.origin == QStringLiteral("suggestion");
            });
            if (suggestedOnly) {
                CandidateFinder::Coverage coverage = m_finder->vocabularyCoverage(claimWords(claim.text), citedByCitations);
                if (coverage.share < kClaimVocabularyCoverage) {
                    claim.evidence.clear();
                    offSubject = std::move(coverage);
                }
            }
        }

        // Checks.
        QStringList unknown;
        for (const AuditCitation& c : claim.citations) unknown << c.unknown;
        for (const QString& u : unknown)
            claim.checks.push_back({ClaimCheck::OrphanCitation, QStringLiteral("%1 is not a participant of this project").arg(u), {u}});
        if (!citedByCitations.isEmpty()) {
            QStringList orphans;
            for (const QString& p : citedByCitations)
                if (!hasEvidence(p)) orphans << p;
            if (orphans.size() == citedByCitations.size() && claim.quotes.empty()) {
                QString why = QStringLiteral("nothing %1 said supports this claim").arg(orphans.join(QStringLiteral(", ")));
                if (offSubject) why += offSubjectDetail(*offSubject, orphans.size());
                claim.checks.push_back({ClaimCheck::Unsupported, why, orphans});
            } else {
                for (const QString& p : orphans)
                    claim.checks.push_back({ClaimCheck::OrphanCitation, QStringLiteral("%1 is cited but says nothing that supports the claim").arg(p), {p}});
            }
        }
        static const QRegularExpression quantifier(QStringLiteral(
            "\\b(almost all|nearly all|virtually all|the vast majority of|the majority of|a majority of|all|every|most|many|"
            "numerous|several|a number of|various|some|a few|one)\\s+(?:of\\s+the\\s+)?(?:interviewees|participants|respondents|"
            "informants|people interviewed|partners|members|observers)\\b"),
                                                   QRegularExpression::CaseInsensitiveOption);
        const QString own = claimWords(claim.text);
        for (auto it = quantifier.globalMatch(own); it.hasNext();) {
            const auto m = it.next();
            const int needs = quantifierNeeds(m.captured(1), int(participants.size()));
            QSet<QString> supporting;
            for (const AuditEvidence& e : claim.evidence)
                if (!e.location.participant.isEmpty()) supporting.insert(e.location.participant);
            if (needs > 0 && supporting.size() < needs)
                claim.checks.push_back({ClaimCheck::Quantifier,
                                        QStringLiteral("\"%1\" needs at least %2 participants; the evidence comes from %3")
                                            .arg(m.captured(0))
                                            .arg(needs)
                                            .arg(supporting.size()),
                                        QStringList(supporting.begin(), supporting.end())});
        }
        for (const AuditEvidence& e : claim.evidence)
            if (e.stance == EvidenceStance::Contradicts)
                claim.checks.push_back({ClaimCheck::ContraryEvidence,
                                        QStringLiteral("%1 (%2, turn %3) contradicts this claim").arg(e.location.participant, e.location.source).arg(e.location.turn),
                                        {e.location.participant}});
        if (!firstClaimOfSection.count(claim.section)) firstClaimOfSection[claim.section] = report.claims.size();
        report.claims.push_back(std::move(claim));
    }

    // Concentration: one participant supplying most of a section's verified quotations.
    for (const auto& [section, counts] : quotesBySectionAndParticipant) {
        int total = 0;
        for (const auto& [p, n] : counts) total += n;
        for (const auto& [p, n] : counts)
            if (total >= 5 && n * 5 > total * 3)
                report.claims[firstClaimOfSection[section]].checks.push_back(
                    {ClaimCheck::Concentration,
                     QStringLiteral("%1 supplies %2 of the %3 verified quotations in \"%4\"").arg(p).arg(n).arg(total).arg(section), {p}});
    }

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
    return report;
}

} // namespace warrant
