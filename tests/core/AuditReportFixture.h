#pragma once

// A hand-built audit report for the report-writer tests: every verdict, every check, evidence of
// every origin, unicode (accents, a non-BMP emoji) and HTML/CSV/Markdown-special characters.

#include "text/TextOffsets.h"
#include "trace/AuditReport.h"

namespace warrant::test {

inline EvidenceLocation auditLocation(const QString& participant, qint64 sourceId, const QString& source,
                                      int turn, qsizetype start, qsizetype end, const QString& text,
                                      const QString& context, bool interviewer = false) {
    EvidenceLocation l;
    l.participant = participant;
    l.interviewer = interviewer;
    l.sourceId = sourceId;
    l.source = source;
    l.turn = turn;
    l.start = start;
    l.end = end;
    l.text = text;
    l.context = context;
    return l;
}

inline AuditQuote auditQuote(const QString& text, QuoteVerdict verdict, const QStringList& cited,
                             std::optional<EvidenceLocation> found = std::nullopt, double similarity = 0,
                             const QString& diff = QString(), const QString& explanation = QString()) {
    AuditQuote q;
    q.text = text;
    q.verdict = verdict;
    q.citedParticipants = cited;
    q.found = std::move(found);
    q.similarity = similarity;
    q.diff = diff;
    q.explanation = explanation;
    return q;
}

// Claims 1–3 have problems; claim 4 is supported; claim 5 cites only literature (unchecked).
// 12 quotations (verbatim twice, every other verdict once), 9 of them found; one check of each kind.
inline AuditReport sampleAuditReport() {
    AuditReport r;
    r.manuscript = QStringLiteral("Clusters & <Councils>: a “naïve” study");
    r.projectFile = QStringLiteral("/data/west-midlands.warrant");

    // Claim 1: verbatim, near-verbatim, altered; HTML-special characters in section and text.
    {
        AuditClaim c;
        c.id = 1;
        c.section = QStringLiteral("5.2 How clusters reached <b>\"consensus\"</b> & more");
        c.text = QStringLiteral(
            "The money came late <script>alert('x')</script> (interview, R8; R9; Conlin, 2006).");
        c.start = 100;
        c.end = c.start + c.text.size();
        AuditCitation cite;
        cite.text = QStringLiteral("(interview, R8; R9; Conlin, 2006)");
        cite.start = c.start + c.text.indexOf(cite.text);
        cite.end = cite.start + cite.text.size();
        cite.participants = {QStringLiteral("R8"), QStringLiteral("R9")};
        cite.literature = {QStringLiteral("Conlin, 2006")};
        c.citations.push_back(cite);
        const QString r8turn =
            QStringLiteral("Well, the money came late, as always. We waited & waited for the council.");
        const auto verbatimAt = auditLocation(QStringLiteral("R8"), 8, QStringLiteral("R8.txt"), 12, 1234,
                                              1300, QStringLiteral("the money came late"), r8turn);
        c.quotes.push_back(auditQuote(
            QStringLiteral("the money came late"), QuoteVerdict::Verbatim, {QStringLiteral("R8")}, verbatimAt,
            1.0, QStringLiteral("the money came late"), QStringLiteral("found word for word")));
        c.quotes.push_back(
            auditQuote(QStringLiteral("we waited and waited for the council"), QuoteVerdict::NearVerbatim,
                       {QStringLiteral("R8")},
                       auditLocation(QStringLiteral("R8"), 8, QStringLiteral("R8.txt"), 12, 1270, 1305,
                                     QStringLiteral("We waited & waited for the council"), r8turn),
                       0.92345, QStringLiteral("we waited [-and-] {+&+} waited for the council"),
                       QStringLiteral("found with minor differences (punctuation, fillers, spelling)")));
        c.quotes.push_back(auditQuote(
            QStringLiteral("the <grant> arrived | early"), QuoteVerdict::Altered, {QStringLiteral("R9")},
            auditLocation(QStringLiteral("R9"), 9, QStringLiteral("R9.txt"), 3, 40, 70,
                          QStringLiteral("the money arrived late"),
                          QStringLiteral("Honestly? the money arrived late.")),
            0.78, QStringLiteral("the [-<grant>-] {+money+} arrived [-early-] {+late+}"),
            QStringLiteral("the words differ from what R9 said")));
        c.evidence.push_back(
            {41, 7, EvidenceStance::Supports, QStringLiteral("verified quote"), verbatimAt, 1.0});
        r.claims.push_back(c);
    }

    // Claim 2: misattributed, interviewer's words, spliced; orphan-citation and quantifier checks; unicode.
    {
        AuditClaim c;
        c.id = 2;
        c.section = QStringLiteral("5.3 Zürich — ‘naïve’ partners 😀");
        c.text = QStringLiteral(
            "Several participants felt “left out” 😀 of the Zürich talks (interview, J.M.; I1).");
        c.start = 400;
        c.end = c.start + TextOffsets::codePointLength(c.text);
        AuditCitation cite;
        cite.text = QStringLiteral("(interview, J.M.; I1)");
        cite.start = c.start + TextOffsets::codePointLength(
                                   c.text.left(c.text.indexOf(cite.text))); // after a non-BMP emoji
        cite.end = cite.start + cite.text.size();
        cite.participants = {QStringLiteral("J.M.")};
        cite.unknown = {QStringLiteral("I1")};
        c.citations.push_back(cite);
        c.quotes.push_back(auditQuote(
            QStringLiteral("we were never asked 😀"), QuoteVerdict::Misattributed, {QStringLiteral("J.M.")},
            auditLocation(QStringLiteral("R11"), 11, QStringLiteral("R11.txt"), 14, 500, 520,
                          QStringLiteral("we were never asked 😀"),
                          QStringLiteral("Ça va? we were never asked 😀 by anyone.")),
            1.0, QString(), QStringLiteral("said by R11, not by J.M.")));
        c.quotes.push_back(auditQuote(QStringLiteral("did you feel left out?"),
                                      QuoteVerdict::InterviewerWords, {QStringLiteral("J.M.")},
                                      auditLocation(QString(), 12, QStringLiteral("J.M. interview.txt"), 5,
                                                    80, 102, QStringLiteral("did you feel left out?"),
                                                    QStringLiteral("So, did you feel left out?"), true),
                                      1.0, QString(), QStringLiteral("these are the interviewer's words")));
        AuditQuote spliced = auditQuote(
            QStringLiteral("the talks … were a farce"), QuoteVerdict::Spliced, {QStringLiteral("J.M.")},
            auditLocation(QStringLiteral("J.M."), 12, QStringLiteral("J.M. interview.txt"), 6, 120, 129,
                          QStringLiteral("the talks"), QStringLiteral("About the talks, no.")),
            0.95, QString(), QStringLiteral("pieces from turns 6 and 9"));
        spliced.alsoFound.push_back(
            auditLocation(QStringLiteral("J.M."), 12, QStringLiteral("J.M. interview.txt"), 9, 300, 314,
                          QStringLiteral("were a farce"), QStringLiteral("They were a farce.")));
        c.quotes.push_back(spliced);
        c.checks.push_back({ClaimCheck::OrphanCitation,
                            QStringLiteral("I1 is not a participant of this project"),
                            {QStringLiteral("I1")}});
        c.checks.push_back(
            {ClaimCheck::Quantifier,
             QStringLiteral(
                 "\"Several participants\" needs at least 3 participants; the evidence comes from 1"),
             {QStringLiteral("J.M.")}});
        r.claims.push_back(c);
    }

    // Claim 3: ambiguous, not found, literature, document, uncited; contrary evidence, a suggestion;
    // unsupported and concentration checks.
    {
        AuditClaim c;
        c.id = 3;
        c.section = QStringLiteral("6 Discussion");
        c.text = QStringLiteral(
            "Trust was rebuilt by 2010, as \"the minutes\" show (interview, R8, R9; Policy memo).");
        c.start = 900;
        c.end = c.start + c.text.size();
        AuditQuote ambiguous = auditQuote(
            QStringLiteral("it was fine"), QuoteVerdict::Ambiguous, {QStringLiteral("R8")},
            auditLocation(QStringLiteral("R8"), 8, QStringLiteral("R8.txt"), 20, 2000, 2011,
                          QStringLiteral("it was fine"), QStringLiteral("In the end it was fine.")),
            1.0, QString(), QStringLiteral("two equally good places"));
        ambiguous.alsoFound.push_back(auditLocation(QStringLiteral("R8"), 8, QStringLiteral("R8.txt"), 31,
                                                    3000, 3011, QStringLiteral("it was fine"),
                                                    QStringLiteral("Yes, it was fine.")));
        c.quotes.push_back(ambiguous);
        c.quotes.push_back(auditQuote(QStringLiteral("trust came back"), QuoteVerdict::NotFound,
                                      {QStringLiteral("R8"), QStringLiteral("R9")}, std::nullopt, 0.0,
                                      QString(), QStringLiteral("nowhere in what R8 or R9 said")));
        c.quotes.push_back(
            auditQuote(QStringLiteral("social capital"), QuoteVerdict::Literature, {}, std::nullopt, 0.0,
                       QString(), QStringLiteral("cited to literature; not checked against transcripts")));
        c.quotes.push_back(auditQuote(QStringLiteral("the minutes"), QuoteVerdict::Document, {},
                                      auditLocation(QString(), 20, QStringLiteral("Policy memo"), 0, 5, 16,
                                                    QStringLiteral("the minutes"),
                                                    QStringLiteral("See the minutes of 2010.")),
                                      1.0));
        c.quotes.push_back(auditQuote(QStringLiteral("rebuilt"), QuoteVerdict::Uncited, {}));
        c.evidence.push_back({77, 9, EvidenceStance::Contradicts, QStringLiteral("user"),
                              auditLocation(QStringLiteral("R10"), 10, QStringLiteral("R10.txt"), 4, 60, 90,
                                            QStringLiteral("nobody trusts them, even now"),
                                            QStringLiteral("No. nobody trusts them, even now.")),
                              1.0});
        c.evidence.push_back({0, 0, EvidenceStance::Supports, QStringLiteral("suggestion"),
                              auditLocation(QStringLiteral("R9"), 9, QStringLiteral("R9.txt"), 8, 400, 460,
                                            QStringLiteral("We got on better after 2010."),
                                            QStringLiteral("We got on better after 2010.")),
                              0.456});
        c.checks.push_back({ClaimCheck::ContraryEvidence,
                            QStringLiteral("R10 (R10.txt, turn 4) contradicts this claim"),
                            {QStringLiteral("R10")}});
        c.checks.push_back({ClaimCheck::Concentration,
                            QStringLiteral("R8 supplies 4 of the 5 verified quotations in \"6 Discussion\""),
                            {QStringLiteral("R8")}});
        c.checks.push_back({ClaimCheck::Unsupported,
                            QStringLiteral("nothing R9 said supports this claim"),
                            {QStringLiteral("R9")}});
        r.claims.push_back(c);
    }

    // Claim 4: supported by a verbatim quotation (also linked as evidence).
    {
        AuditClaim c;
        c.id = 4;
        c.section = QStringLiteral("6 Discussion");
        c.text = QStringLiteral("Officers valued the forum (interview, R10).");
        c.start = 1200;
        c.end = c.start + c.text.size();
        const auto at =
            auditLocation(QStringLiteral("R10"), 10, QStringLiteral("R10.txt"), 7, 700, 720,
                          QStringLiteral("the forum mattered"), QStringLiteral("For us the forum mattered."));
        c.quotes.push_back(auditQuote(QStringLiteral("the forum mattered"), QuoteVerdict::Verbatim,
                                      {QStringLiteral("R10")}, at, 1.0));
        c.evidence.push_back({0, 0, EvidenceStance::Supports, QStringLiteral("verified quote"), at, 1.0});
        r.claims.push_back(c);
    }

    // Claim 5: literature only.
    {
        AuditClaim c;
        c.id = 5;
        c.section = QStringLiteral("7 Conclusion");
        c.text = QStringLiteral("Clusters rarely outlive their funding (Conlin, 2006).");
        c.start = 1500;
        c.end = c.start + c.text.size();
        AuditCitation cite;
        cite.text = QStringLiteral("(Conlin, 2006)");
        cite.start = c.start + c.text.indexOf(cite.text);
        cite.end = cite.start + cite.text.size();
        cite.literature = {QStringLiteral("Conlin, 2006")};
        c.citations.push_back(cite);
        r.claims.push_back(c);
    }

    for (const AuditClaim& c : r.claims) {
        for (const AuditQuote& q : c.quotes)
            r.verdictCounts[quoteVerdictName(q.verdict)] += 1;
        for (const AuditCheck& k : c.checks)
            r.checkCounts[claimCheckName(k.check)] += 1;
    }
    r.findings = 8; // with Auditor::defaultFailOn(): 5 verdicts + unsupported, orphan-citation, quantifier
    return r;
}

} // namespace warrant::test
