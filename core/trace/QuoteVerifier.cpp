#include "trace/QuoteVerifier.h"

#include "text/TextOffsets.h"

#include <algorithm>

namespace warrant {

struct QuoteVerifier::Context {
    QString quote;
    QStringList cited;
    std::vector<QuoteFragment> fragments;
    int words = 0;
    bool isShort = false;
    std::vector<const TurnText*> citedTurns;
    std::vector<const TurnText*> interviewerTurns;
    std::optional<Placement> atCited;
    int ties = 0;
    std::optional<PieceLocation> pieces;
};

namespace {

bool isCited(const TurnText& t, const QStringList& cited) {
    return !t.interviewer && cited.contains(t.participant, Qt::CaseInsensitive);
}

QString speakerOf(const TurnText& t) { return t.interviewer ? QStringLiteral("the interviewer") : t.participant; }

// "'so in practice…' (I3, turn 10)"
QString pieceLabel(const LocatedPiece& p) {
    QStringList words = p.text.split(u' ', Qt::SkipEmptyParts);
    const QString opening = words.size() > 5 ? words.mid(0, 5).join(u' ') + QStringLiteral("…") : p.text;
    return QStringLiteral("'%1' (%2, %3 turn %4)").arg(opening, speakerOf(*p.turn), p.turn->source).arg(p.turn->number);
}

QString pieceList(const std::vector<LocatedPiece>& pieces) {
    QStringList labels;
    for (const LocatedPiece& p : pieces) labels << pieceLabel(p);
    return labels.join(QStringLiteral(" + "));
}

} // namespace

EvidenceLocation QuoteVerifier::locate(const TurnText& t, qsizetype start, qsizetype end) const {
    EvidenceLocation l;
    const TextOffsets offsets(t.text);
    l.participant = t.participant;
    l.interviewer = t.interviewer;
    l.sourceId = t.sourceId;
    l.source = t.source;
    l.turn = t.number;
    l.start = t.start + offsets.codePointFromUtf16(start);
    l.end = t.start + offsets.codePointFromUtf16(end);
    l.text = t.text.mid(start, end - start);
    l.context = t.text;
    return l;
}

Result<std::vector<const TurnText*>> QuoteVerifier::candidateTurns(const QString& words, const QStringList& excluded) {
    std::vector<const TurnText*> out;
    if (!m_finder) return out;
    auto places = m_finder->passagesWith(words, kCandidatePassages);
    if (!places) return places.error();
    for (const auto& [sourceId, offset] : *places) {
        const TurnText* t = m_turns.at(sourceId, offset);
        if (!t || t->interviewer || excluded.contains(t->participant, Qt::CaseInsensitive)) continue;
        if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    }
    return out;
}

bool QuoteVerifier::verifiedAtCited(Context& c, AuditQuote& result) {
    if (!c.atCited || c.atCited->contentDiffers) return false;
    const Placement& p = *c.atCited;
    result.found = locate(*p.turn, p.start, p.end);
    result.similarity = p.similarity;
    result.diff = p.diff;
    if (c.ties > 1 && p.similarity >= 1.0) {
        for (const TurnText* t : c.citedTurns)
            if (auto other = m_placer.place(c.fragments, *t, c.quote); other && other->similarity >= 1.0 && t != p.turn)
                result.alsoFound.push_back(locate(*t, other->start, other->end));
        // A few words said in several answers are still the participant's words.
        result.verdict = c.isShort ? QuoteVerdict::Verbatim : QuoteVerdict::Ambiguous;
        result.explanation = c.isShort ? QStringLiteral("said word for word in %1 turns").arg(c.ties)
                                       : QStringLiteral("found word for word in %1 places").arg(c.ties);
        return true;
    }
    result.verdict = p.similarity >= 1.0 ? QuoteVerdict::Verbatim : QuoteVerdict::NearVerbatim;
    result.explanation = p.similarity >= 1.0
                             ? QStringLiteral("found word for word")
                             : QStringLiteral("found with minor differences (%1)")
                                   .arg(p.forms.isEmpty() ? QStringLiteral("punctuation") : p.forms.join(QStringLiteral(", ")));
    return true;
}

Result<bool> QuoteVerifier::saidByOthers(Context& c, AuditQuote& result) {
    if (auto p = m_placer.best(c.fragments, c.interviewerTurns, c.quote); p && !p->contentDiffers) {
        result.verdict = QuoteVerdict::InterviewerWords;
        result.found = locate(*p->turn, p->start, p->end);
        result.similarity = p->similarity;
        result.explanation = QStringLiteral("these are the interviewer's words in %1, turn %2").arg(p->turn->source).arg(p->turn->number);
        return true;
    }
    auto others = candidateTurns(c.quote, c.cited);
    if (!others) return others.error();
    if (auto p = m_placer.best(c.fragments, *others, c.quote); p && !p->contentDiffers) {
        result.verdict = QuoteVerdict::Misattributed;
        result.found = locate(*p->turn, p->start, p->end);
        result.similarity = p->similarity;
        result.explanation = QStringLiteral("said by %1, not %2").arg(p->turn->participant, c.cited.join(QStringLiteral(", ")));
        return true;
    }
    return false;
}

Result<bool> QuoteVerifier::pieced(Context& c, AuditQuote& result) {
    std::vector<const TurnText*> preferred = c.citedTurns;
    preferred.insert(preferred.end(), c.interviewerTurns.begin(), c.interviewerTurns.end());
    PieceLocator locator(std::move(preferred), [this](const QString& words) { return candidateTurns(words, {}); });
    auto located = locator.locate(c.fragments);
    if (!located) return located.error();
    c.pieces = *located;
    if (!located->complete() || located->found.size() < 2) return false;
    // One word changed in a quotation that otherwise aligns closely is an alteration, not a join.
    if (located->unmarkedCut && c.atCited && c.atCited->similarity >= QuotePlacer::kNearSimilarity) return false;
    const std::vector<LocatedPiece>& pieces = located->found;
    const bool oneTurn = std::all_of(pieces.begin(), pieces.end(), [&](const LocatedPiece& p) { return p.turn == pieces.front().turn; });
    const bool inOrder = std::is_sorted(pieces.begin(), pieces.end(), [](const LocatedPiece& a, const LocatedPiece& b) { return a.start < b.start; });
    const bool anyCited = std::any_of(pieces.begin(), pieces.end(), [&](const LocatedPiece& p) { return isCited(*p.turn, c.cited); });
    const bool allInterviewer = std::all_of(pieces.begin(), pieces.end(), [](const LocatedPiece& p) { return p.turn->interviewer; });
    const bool anyInterviewer = std::any_of(pieces.begin(), pieces.end(), [](const LocatedPiece& p) { return p.turn->interviewer; });

    result.found = locate(*pieces.front().turn, pieces.front().start, pieces.front().end);
    for (size_t i = 1; i < pieces.size(); ++i) result.alsoFound.push_back(locate(*pieces[i].turn, pieces[i].start, pieces[i].end));
    result.similarity = 1.0;
    if (oneTurn && inOrder && anyCited && !located->unmarkedCut) {
        result.verdict = QuoteVerdict::Verbatim;
        result.alsoFound.clear();
        result.found->end = locate(*pieces.back().turn, pieces.back().start, pieces.back().end).end;
        result.explanation = QStringLiteral("found word for word; its cuts leave out long passages of turn %1").arg(pieces.front().turn->number);
    } else if (oneTurn) {
        result.verdict = QuoteVerdict::Spliced;
        result.explanation = QStringLiteral("puts the words of one turn in another order: %1").arg(pieceList(pieces));
    } else if (!anyCited && allInterviewer) {
        result.verdict = QuoteVerdict::InterviewerWords;
        result.explanation = QStringLiteral("joins the interviewer's words: %1").arg(pieceList(pieces));
    } else if (!anyCited && !anyInterviewer) {
        result.verdict = QuoteVerdict::Misattributed;
        result.explanation = QStringLiteral("said in pieces by others, not %1: %2").arg(c.cited.join(QStringLiteral(", ")), pieceList(pieces));
    } else {
        result.verdict = QuoteVerdict::Spliced;
        result.explanation = QStringLiteral("joins words from different turns%1: %2")
                                 .arg(located->unmarkedCut ? QStringLiteral(" without marking the cut") : QString(), pieceList(pieces));
    }
    return true;
}

void QuoteVerifier::notFound(Context& c, AuditQuote& result) const {
    if (c.isShort) {
        result.verdict = QuoteVerdict::ScareQuote;
        result.explanation = QStringLiteral("short quotation not found — scare quote?");
        return;
    }
    result.verdict = QuoteVerdict::NotFound;
    result.explanation = QStringLiteral("not found in any transcript of the project");
    if (c.pieces && !c.pieces->found.empty()) {
        result.explanation = QStringLiteral("not found as printed: %1 found, but '%2' is nowhere in the project")
                                 .arg(pieceList(c.pieces->found), c.pieces->missing.value(0));
        for (const LocatedPiece& p : c.pieces->found) result.alsoFound.push_back(locate(*p.turn, p.start, p.end));
    }
}

Result<AuditQuote> QuoteVerifier::verify(const QString& quote, const QStringList& citedParticipants) {
    AuditQuote result;
    result.text = quote;
    result.citedParticipants = citedParticipants;
    Context c;
    c.quote = quote;
    c.cited = citedParticipants;
    c.fragments = QuoteFragments::split(quote);
    if (citedParticipants.isEmpty() || c.fragments.empty()) {
        result.verdict = QuoteVerdict::Uncited;
        return result;
    }
    c.words = QuoteFragments::wordCount(c.fragments);
    c.isShort = c.words <= kShortQuoteWords;
    for (const QString& code : citedParticipants)
        for (const TurnText* t : m_turns.spokenBy(code)) c.citedTurns.push_back(t);
    c.atCited = m_placer.best(c.fragments, c.citedTurns, quote, &c.ties);

    auto finish = [&]() -> Result<AuditQuote> {
        if (m_placer.error()) return *m_placer.error();
        return result;
    };
    if (verifiedAtCited(c, result)) return finish();
    if (c.words == 1 && !c.atCited) {
        // One word is vocabulary, not attribution: who else uses it proves nothing.
        result.verdict = QuoteVerdict::ScareQuote;
        result.explanation = QStringLiteral("one word that %1 never uses — scare quote?").arg(citedParticipants.join(QStringLiteral(", ")));
        return finish();
    }
    for (const QString& code : citedParticipants)
        for (const TurnText* t : m_turns.interviewerTurnsWith(code)) c.interviewerTurns.push_back(t);
    auto others = saidByOthers(c, result);
    if (!others) return others.error();
    if (*others) return finish();
    auto pieces = pieced(c, result);
    if (!pieces) return pieces.error();
    if (*pieces) return finish();
    if (c.atCited && c.isShort) {
        // Two or three words with one changed are a different phrase, not an altered quotation:
        // likely the author's own words in quote marks. Noted with the nearest thing said.
        result.verdict = QuoteVerdict::ScareQuote;
        result.found = locate(*c.atCited->turn, c.atCited->start, c.atCited->end);
        result.similarity = c.atCited->similarity;
        result.diff = c.atCited->diff;
        result.explanation = QStringLiteral("short quotation not found — scare quote? (%1 said '%2')")
                                 .arg(c.atCited->turn->participant, result.found->text);
        return finish();
    }
    if (c.atCited) {
        result.verdict = QuoteVerdict::Altered;
        result.found = locate(*c.atCited->turn, c.atCited->start, c.atCited->end);
        result.similarity = c.atCited->similarity;
        result.diff = c.atCited->diff;
        result.explanation = QStringLiteral("the words differ from what %1 said").arg(c.atCited->turn->participant);
        return finish();
    }
    notFound(c, result);
    return finish();
}

} // namespace warrant
