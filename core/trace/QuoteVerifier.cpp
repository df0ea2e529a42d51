#include "trace/QuoteVerifier.h"

#include "trace/FragmentMatcher.h"
#include "text/TextOffsets.h"

#include <edlib.h>
#include <dtl/dtl.hpp>

#include <QSet>

#include <algorithm>

namespace warrant {

namespace {

// edlib compares bytes; normalised text is mostly ASCII, and other characters keep a
// one-to-one position with a stand-in byte (rarely colliding, never shifting offsets).
std::string bytesOf(const QString& s) {
    std::string out;
    out.reserve(size_t(s.size()));
    for (QChar c : s) {
        const ushort u = c.unicode();
        out.push_back(u < 128 ? char(u) : char(128 + (u % 127)));
    }
    return out;
}

const QSet<QString>& fillers() {
    static const QSet<QString> words = {QStringLiteral("um"),   QStringLiteral("uh"),   QStringLiteral("er"),
                                        QStringLiteral("erm"),  QStringLiteral("ah"),   QStringLiteral("you"),
                                        QStringLiteral("know"), QStringLiteral("i"),    QStringLiteral("mean"),
                                        QStringLiteral("like"), QStringLiteral("sort"), QStringLiteral("of"),
                                        QStringLiteral("kind"), QStringLiteral("well"), QStringLiteral("so"),
                                        QStringLiteral("and"),  QStringLiteral("the"),  QStringLiteral("a"),
                                        QStringLiteral("really"), QStringLiteral("just"), QStringLiteral("actually")};
    return words;
}

int wordDistance(const QString& a, const QString& b) {
    const std::string x = a.toStdString(), y = b.toStdString();
    EdlibAlignResult r = edlibAlign(x.data(), int(x.size()), y.data(), int(y.size()), edlibDefaultAlignConfig());
    const int d = r.editDistance;
    edlibFreeAlignResult(r);
    return d;
}

// Word diff printed → said, and whether any difference is more than filler or spelling.
std::pair<QString, bool> wordDiff(const QStringList& printed, const QStringList& said) {
    std::vector<std::string> a, b;
    for (const QString& w : printed) a.push_back(w.toStdString());
    for (const QString& w : said) b.push_back(w.toStdString());
    dtl::Diff<std::string, std::vector<std::string>> diff(a, b);
    diff.compose();
    QStringList out;
    QStringList deleted, added;
    bool content = false;
    auto flush = [&] {
        // Pair deletions with additions: a one-for-one change within two letters is spelling.
        const qsizetype pairs = std::min(deleted.size(), added.size());
        for (qsizetype i = 0; i < pairs; ++i) {
            const bool spelling = deleted[i].size() >= 4 && wordDistance(deleted[i], added[i]) <= 2;
            if (!spelling) content = true;
        }
        for (qsizetype i = pairs; i < deleted.size(); ++i)
            if (!fillers().contains(deleted[i])) content = true;
        for (qsizetype i = pairs; i < added.size(); ++i)
            if (!fillers().contains(added[i])) content = true;
        if (!deleted.isEmpty()) out << QStringLiteral("[-%1-]").arg(deleted.join(u' '));
        if (!added.isEmpty()) out << QStringLiteral("{+%1+}").arg(added.join(u' '));
        deleted.clear();
        added.clear();
    };
    for (const auto& [element, info] : diff.getSes().getSequence()) {
        const QString w = QString::fromStdString(element);
        if (info.type == dtl::SES_COMMON) {
            flush();
            out << w;
        } else if (info.type == dtl::SES_DELETE) {
            deleted << w;
        } else {
            added << w;
        }
    }
    flush();
    return {out.join(u' '), content};
}

QStringList wordsOf(const QString& normalised) { return normalised.split(u' ', Qt::SkipEmptyParts); }

} // namespace

std::optional<QuoteVerifier::Placement> QuoteVerifier::place(const std::vector<QuoteFragment>& fragments, const TurnText& turn) {
    if (fragments.empty()) return std::nullopt;
    if (auto exact = FragmentMatcher::find(fragments, turn.normalized)) {
        Placement p;
        p.turn = &turn;
        p.similarity = 1.0;
        p.start = exact->start;
        p.end = exact->end;
        return p;
    }
    // Approximate: align each fragment after the previous one with edlib (infix mode).
    const std::string hay = bytesOf(turn.normalized.text);
    qsizetype cursor = 0;
    qsizetype totalLength = 0, totalDistance = 0;
    QStringList printed, said;
    Placement p;
    p.turn = &turn;
    bool first = true;
    for (const QuoteFragment& f : fragments) {
        const QString needleText = NormalizedText::of(f.text).text.trimmed();
        if (needleText.isEmpty()) continue;
        const std::string needle = bytesOf(needleText);
        if (cursor >= qsizetype(hay.size())) return std::nullopt;
        const int maxDistance = int(needle.size() * (1.0 - kAlteredSimilarity)) + 1;
        EdlibAlignResult r = edlibAlign(needle.data(), int(needle.size()), hay.data() + cursor, int(hay.size() - cursor),
                                        edlibNewAlignConfig(maxDistance, EDLIB_MODE_HW, EDLIB_TASK_LOC, nullptr, 0));
        if (r.status != EDLIB_STATUS_OK || r.editDistance < 0 || r.numLocations == 0) {
            edlibFreeAlignResult(r);
            return std::nullopt;
        }
        qsizetype s = cursor + r.startLocations[0];
        qsizetype e = cursor + r.endLocations[0] + 1;
        const int distance = r.editDistance;
        edlibFreeAlignResult(r);
        // Widen to whole words so the diff compares words, not fragments of them.
        while (s > 0 && turn.normalized.text.at(s - 1) != u' ') --s;
        while (e < turn.normalized.text.size() && turn.normalized.text.at(e) != u' ') ++e;
        totalLength += qsizetype(needle.size());
        totalDistance += distance;
        printed << wordsOf(needleText);
        said << wordsOf(turn.normalized.text.mid(s, e - s));
        const auto original = turn.normalized.originalRange(s, e);
        if (first) p.start = original.first;
        p.end = original.second;
        first = false;
        cursor = e;
    }
    if (totalLength == 0) return std::nullopt;
    p.similarity = 1.0 - double(totalDistance) / double(totalLength);
    if (p.similarity < kAlteredSimilarity) return std::nullopt;
    const auto [diff, content] = wordDiff(printed, said);
    p.diff = diff;
    p.contentDiffers = content || p.similarity < kNearSimilarity;
    return p;
}

std::optional<QuoteVerifier::Placement> QuoteVerifier::bestIn(const std::vector<QuoteFragment>& fragments,
                                                              const std::vector<const TurnText*>& turns, int* equallyGood) {
    std::optional<Placement> best;
    int ties = 0;
    for (const TurnText* t : turns) {
        auto p = place(fragments, *t);
        if (!p) continue;
        if (!best || p->similarity > best->similarity + 1e-9) {
            best = p;
            ties = 1;
        } else if (std::abs(p->similarity - best->similarity) <= 1e-9) {
            ++ties;
        }
    }
    if (equallyGood) *equallyGood = ties;
    return best;
}

std::optional<std::pair<QuoteVerifier::Placement, QuoteVerifier::Placement>>
QuoteVerifier::splice(const QString& quote, const std::vector<const TurnText*>& turns) {
    const QStringList words = wordsOf(NormalizedText::of(quote).text);
    if (words.size() < 8) return std::nullopt;
    for (qsizetype k = words.size() - 4; k >= 4; --k) {
        const QString head = words.mid(0, k).join(u' ');
        const QString tail = words.mid(k).join(u' ');
        for (const TurnText* a : turns) {
            const qsizetype at = a->normalized.text.indexOf(head);
            if (at < 0) continue;
            for (const TurnText* b : turns) {
                if (b == a) continue;
                const qsizetype bt = b->normalized.text.indexOf(tail);
                if (bt < 0) continue;
                Placement pa{a, 1.0, a->normalized.originalRange(at, at + head.size()).first,
                             a->normalized.originalRange(at, at + head.size()).second, {}, false};
                Placement pb{b, 1.0, b->normalized.originalRange(bt, bt + tail.size()).first,
                             b->normalized.originalRange(bt, bt + tail.size()).second, {}, false};
                return std::make_pair(pa, pb);
            }
        }
    }
    return std::nullopt;
}

EvidenceLocation QuoteVerifier::locate(const Placement& p) const {
    EvidenceLocation l;
    const TurnText& t = *p.turn;
    const TextOffsets offsets(t.text);
    l.participant = t.participant;
    l.interviewer = t.interviewer;
    l.sourceId = t.sourceId;
    l.source = t.source;
    l.turn = t.number;
    l.start = t.start + offsets.codePointFromUtf16(p.start);
    l.end = t.start + offsets.codePointFromUtf16(p.end);
    l.text = t.text.mid(p.start, p.end - p.start);
    l.context = t.text;
    return l;
}

AuditQuote QuoteVerifier::verify(const QString& quote, const QStringList& citedParticipants) {
    AuditQuote result;
    result.text = quote;
    result.citedParticipants = citedParticipants;
    const auto fragments = QuoteFragments::split(quote);
    if (citedParticipants.isEmpty() || fragments.empty()) {
        result.verdict = QuoteVerdict::Uncited;
        return result;
    }
    std::vector<const TurnText*> cited;
    for (const QString& code : citedParticipants)
        for (const TurnText* t : m_turns.spokenBy(code)) cited.push_back(t);

    int ties = 0;
    const std::optional<Placement> atCited = bestIn(fragments, cited, &ties);
    if (atCited && !atCited->contentDiffers) {
        result.found = locate(*atCited);
        result.similarity = atCited->similarity;
        result.diff = atCited->diff;
        if (ties > 1 && atCited->similarity >= 1.0) {
            result.verdict = QuoteVerdict::Ambiguous;
            for (const TurnText* t : cited)
                if (auto p = place(fragments, *t); p && p->similarity >= 1.0 && t != atCited->turn) result.alsoFound.push_back(locate(*p));
            result.explanation = QStringLiteral("found word for word in %1 places").arg(ties);
        } else {
            result.verdict = atCited->similarity >= 1.0 ? QuoteVerdict::Verbatim : QuoteVerdict::NearVerbatim;
            result.explanation = result.verdict == QuoteVerdict::Verbatim
                                     ? QStringLiteral("found word for word")
                                     : QStringLiteral("found with minor differences (punctuation, fillers, spelling)");
        }
        return result;
    }

    // Not said by the cited participant as printed: who did say it?
    std::vector<const TurnText*> interviewer;
    for (const QString& code : citedParticipants)
        for (const TurnText* t : m_turns.interviewerTurnsWith(code)) interviewer.push_back(t);
    if (auto p = bestIn(fragments, interviewer); p && !p->contentDiffers) {
        result.verdict = QuoteVerdict::InterviewerWords;
        result.found = locate(*p);
        result.similarity = p->similarity;
        result.explanation = QStringLiteral("these are the interviewer's words in %1, turn %2").arg(p->turn->source).arg(p->turn->number);
        return result;
    }
    if (m_finder) {
        std::vector<const TurnText*> others;
        for (const auto& [sourceId, offset] : m_finder->passagesWith(quote, 20)) {
            const TurnText* t = m_turns.at(sourceId, offset);
            if (!t || t->interviewer || citedParticipants.contains(t->participant, Qt::CaseInsensitive)) continue;
            if (std::find(others.begin(), others.end(), t) == others.end()) others.push_back(t);
        }
        if (auto p = bestIn(fragments, others); p && !p->contentDiffers) {
            result.verdict = QuoteVerdict::Misattributed;
            result.found = locate(*p);
            result.similarity = p->similarity;
            result.explanation = QStringLiteral("said by %1, not %2").arg(p->turn->participant, citedParticipants.join(QStringLiteral(", ")));
            return result;
        }
    }
    if (auto pieces = splice(quote, cited)) {
        result.verdict = QuoteVerdict::Spliced;
        result.found = locate(pieces->first);
        result.alsoFound.push_back(locate(pieces->second));
        result.similarity = 1.0;
        result.explanation = QStringLiteral("joins words from turn %1 and turn %2 without marking the cut")
                                 .arg(pieces->first.turn->number)
                                 .arg(pieces->second.turn->number);
        return result;
    }
    if (atCited) {
        result.verdict = QuoteVerdict::Altered;
        result.found = locate(*atCited);
        result.similarity = atCited->similarity;
        result.diff = atCited->diff;
        result.explanation = QStringLiteral("the words differ from what %1 said").arg(atCited->turn->participant);
        return result;
    }
    result.verdict = QuoteVerdict::NotFound;
    result.explanation = QStringLiteral("not found in any transcript of the project");
    return result;
}

} // namespace warrant
