#include "trace/QuotePlacer.h"

#include "trace/FragmentMatcher.h"

#include <algorithm>
#include <cmath>
#include <dtl/dtl.hpp>
#include <edlib.h>

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

QStringList wordsOf(const QString& normalised) {
    return normalised.split(u' ', Qt::SkipEmptyParts);
}

struct WordDiff {
    QString text;
    bool content = false;
    QStringList forms;
};

// Word diff printed → said; every run of differing words between two common words is judged.
WordDiff wordDiff(const QStringList& printed, const QStringList& said, SpellingTolerance& tolerance) {
    std::vector<std::string> a, b;
    for (const QString& w : printed)
        a.push_back(w.toStdString());
    for (const QString& w : said)
        b.push_back(w.toStdString());
    dtl::Diff<std::string, std::vector<std::string>> diff(a, b);
    diff.compose();
    WordDiff out;
    QStringList parts, deleted, added;
    QString before;
    auto flush = [&](const QString& after) {
        if (deleted.isEmpty() && added.isEmpty()) return;
        const SpellingTolerance::Form form = tolerance.judge(deleted, added, before, after);
        if (form == SpellingTolerance::Form::Content)
            out.content = true;
        else if (!out.forms.contains(SpellingTolerance::formName(form)))
            out.forms << SpellingTolerance::formName(form);
        if (!deleted.isEmpty()) parts << QStringLiteral("[-%1-]").arg(deleted.join(u' '));
        if (!added.isEmpty()) parts << QStringLiteral("{+%1+}").arg(added.join(u' '));
        deleted.clear();
        added.clear();
    };
    for (const auto& [element, info] : diff.getSes().getSequence()) {
        const QString w = QString::fromStdString(element);
        if (info.type == dtl::SES_COMMON) {
            flush(w);
            parts << w;
            before = w;
        } else if (info.type == dtl::SES_DELETE) {
            deleted << w;
        } else {
            added << w;
        }
    }
    flush(QString());
    out.text = parts.join(u' ');
    return out;
}

} // namespace

std::optional<Placement> QuotePlacer::place(const std::vector<QuoteFragment>& fragments, const TurnText& turn,
                                            const QString& quote) {
    return placeWith(fragments, FragmentMatcher::needlesOf(fragments), turn, quote);
}

std::optional<Placement> QuotePlacer::placeWith(const std::vector<QuoteFragment>& fragments,
                                                const std::vector<QString>& needles, const TurnText& turn,
                                                const QString& quote) {
    if (fragments.empty()) return std::nullopt;
    if (auto exact = FragmentMatcher::find(fragments, needles, turn.normalized)) {
        Placement p;
        p.turn = &turn;
        p.similarity = 1.0;
        p.start = exact->start;
        p.end = exact->end;
        return p;
    }
    // Approximate: align each fragment after the previous one with edlib (infix mode).
    const std::string hay = bytesOf(turn.normalized.text);
    qsizetype cursor = 0, totalLength = 0, totalDistance = 0;
    QStringList printed, said;
    Placement p;
    p.turn = &turn;
    bool first = true;
    for (const QString& needleText : needles) {
        if (needleText.isEmpty()) continue;
        const std::string needle = bytesOf(needleText);
        if (cursor >= qsizetype(hay.size())) return std::nullopt;
        const int maxDistance = int(double(needle.size()) * (1.0 - kAlteredSimilarity)) + 1;
        EdlibAlignResult r =
            edlibAlign(needle.data(), int(needle.size()), hay.data() + cursor, int(hay.size() - cursor),
                       edlibNewAlignConfig(maxDistance, EDLIB_MODE_HW, EDLIB_TASK_LOC, nullptr, 0));
        if (r.status != EDLIB_STATUS_OK || r.editDistance < 0 || r.numLocations == 0) {
            edlibFreeAlignResult(r);
            return std::nullopt;
        }
        qsizetype s = cursor + r.startLocations[0];
        qsizetype e = cursor + r.endLocations[0] + 1;
        totalDistance += r.editDistance;
        edlibFreeAlignResult(r);
        // Widen to whole words so the diff compares words, not fragments of them.
        while (s > 0 && turn.normalized.text.at(s - 1) != u' ')
            --s;
        while (e < turn.normalized.text.size() && turn.normalized.text.at(e) != u' ')
            ++e;
        totalLength += qsizetype(needle.size());
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
    QSet<QString> names = turn.capitalised();
    names.unite(SpellingTolerance::capitalisedWords(quote));
    SpellingTolerance tolerance(Dictionary::english(), m_corpusWords, std::move(names));
    const WordDiff diff = wordDiff(printed, said, tolerance);
    if (tolerance.error() && !m_error) m_error = tolerance.error();
    p.diff = diff.text;
    p.forms = diff.forms;
    p.contentDiffers = diff.content || p.similarity < kNearSimilarity;
    return p;
}

std::optional<Placement> QuotePlacer::best(const std::vector<QuoteFragment>& fragments,
                                           const std::vector<const TurnText*>& turns, const QString& quote,
                                           int* equallyGood) {
    std::optional<Placement> best;
    int ties = 0;
    const std::vector<QString> needles = FragmentMatcher::needlesOf(fragments);
    for (const TurnText* t : turns) {
        auto p = placeWith(fragments, needles, *t, quote);
        if (!p) continue;
        // A placement that keeps every word beats a closer one that changes a word.
        const bool better =
            !best || (best->contentDiffers && !p->contentDiffers) ||
            (best->contentDiffers == p->contentDiffers && p->similarity > best->similarity + 1e-9);
        if (better) {
            best = p;
            ties = 1;
        } else if (best->contentDiffers == p->contentDiffers &&
                   std::abs(p->similarity - best->similarity) <= 1e-9) {
            ++ties;
        }
    }
    if (equallyGood) *equallyGood = ties;
    return best;
}

} // namespace warrant
