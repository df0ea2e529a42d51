#include "analysis/AgreementUnits.h"

#include "analysis/AnalysisSnapshot.h"
#include "store/AnalysisRepository.h"
#include "text/TextOffsets.h"
#include "trace/ManuscriptStructure.h"

#include <QSet>

#include <algorithm>

namespace warrant {

namespace {

struct Span {
    qint64 start = 0;
    qint64 end = 0;
};

std::vector<qint64> comparedSources(const AnalysisSnapshot& snapshot, const std::vector<qint64>& coders,
                                    const std::vector<qint64>& only) {
    std::vector<qint64> out;
    const QSet<qint64> wanted(only.begin(), only.end());
    for (const AnalysisSourceRow& source : snapshot.sources()) {
        if (!wanted.isEmpty() && !wanted.contains(source.id)) continue;
        QSet<qint64> seen;
        for (const AnalysisCoding& c : snapshot.codingsOf(source.id)) seen.insert(c.coderId);
        if (std::all_of(coders.begin(), coders.end(), [&](qint64 id) { return seen.contains(id); }))
            out.push_back(source.id);
    }
    return out;
}

// Sentences of text[from, to) (UTF-16): a sentence ends after . ? ! (a full stop only where it
// ends a sentence, not after "e.g." or an initial) or at a line break.
void sentencesOf(const QString& text, qsizetype from, qsizetype to, std::vector<std::pair<qsizetype, qsizetype>>& out) {
    qsizetype start = from;
    auto close = [&](qsizetype end) {
        qsizetype s = start;
        while (s < end && text[s].isSpace()) ++s;
        if (s < end) out.push_back({s, end});
        start = end;
    };
    for (qsizetype i = from; i < to; ++i) {
        const QChar c = text[i];
        if (c == u'\n') {
            close(i);
        } else if ((c == u'?' || c == u'!' || (c == u'.' && ManuscriptStructure::endsSentence(text, i))) &&
                   (i + 1 >= to || text[i + 1].isSpace())) {
            close(i + 1);
        }
    }
    close(to);
}

std::vector<Span> sentenceSpans(const AnalysisSnapshot& snapshot, qint64 sourceId, const QString& text) {
    const TextOffsets offsets(text);
    std::vector<std::pair<qsizetype, qsizetype>> utf16;
    const auto turns = snapshot.turnsOf(sourceId);
    if (turns.empty()) sentencesOf(text, 0, text.size(), utf16);
    for (const AnalysisTurnRow& t : turns)
        sentencesOf(text, offsets.utf16FromCodePoint(t.start), offsets.utf16FromCodePoint(t.end), utf16);
    std::vector<Span> out;
    for (const auto& [s, e] : utf16) out.push_back({offsets.codePointFromUtf16(s), offsets.codePointFromUtf16(e)});
    return out;
}

std::vector<Span> turnSpans(const AnalysisSnapshot& snapshot, qint64 sourceId) {
    std::vector<Span> out;
    for (const AnalysisTurnRow& t : snapshot.turnsOf(sourceId)) out.push_back({t.start, t.end});
    if (out.empty()) out.push_back({0, std::numeric_limits<qint64>::max()}); // the source is one unit
    return out;
}

class MarkCollector {
public:
    MarkCollector(const std::vector<qint64>& coders, const std::vector<qint64>& codes, UnitSpace& space)
        : m_codes(codes.begin(), codes.end()), m_space(space) {
        for (size_t i = 0; i < coders.size(); ++i) m_coderIndex.insert(coders[i], int(i));
    }
    // Marks every unit (spans sorted, disjoint) each relevant coding of the source overlaps.
    void mark(std::span<const AnalysisCoding> codings, const std::vector<Span>& units, qint64 firstUnit) {
        for (const AnalysisCoding& c : codings) {
            const auto coder = m_coderIndex.constFind(c.coderId);
            if (coder == m_coderIndex.constEnd() || (!m_codes.isEmpty() && !m_codes.contains(c.codeId))) continue;
            auto it = std::upper_bound(units.begin(), units.end(), c.start, [](qint64 p, const Span& u) { return p < u.end; });
            for (; it != units.end() && it->start < c.end; ++it)
                m_space.marks.push_back({firstUnit + (it - units.begin()), *coder, c.codeId});
        }
    }

private:
    QSet<qint64> m_codes;
    QHash<qint64, int> m_coderIndex;
    UnitSpace& m_space;
};

// Character units: the source cut at every coding's start and end, so that inside each piece every
// coder's codes are constant; the pieces nobody coded are counted only in the total.
std::vector<Span> characterPieces(std::span<const AnalysisCoding> codings) {
    std::vector<qint64> cuts;
    for (const AnalysisCoding& c : codings) {
        cuts.push_back(c.start);
        cuts.push_back(c.end);
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::vector<Span> out;
    for (size_t i = 0; i + 1 < cuts.size(); ++i) out.push_back({cuts[i], cuts[i + 1]});
    return out;
}

} // namespace

QString agreementUnitName(AgreementUnit unit) {
    switch (unit) {
    case AgreementUnit::Turn: return QStringLiteral("turn");
    case AgreementUnit::Sentence: return QStringLiteral("sentence");
    case AgreementUnit::Character: return QStringLiteral("character");
    }
    return {};
}

bool parseAgreementUnit(const QString& name, AgreementUnit* unit) {
    for (AgreementUnit u : {AgreementUnit::Turn, AgreementUnit::Sentence, AgreementUnit::Character})
        if (name.compare(agreementUnitName(u), Qt::CaseInsensitive) == 0) {
            *unit = u;
            return true;
        }
    return false;
}

Result<UnitSpace> AgreementUnits::build(Project& project, const AnalysisSnapshot& snapshot, AgreementUnit unit,
                                        const std::vector<qint64>& coders, const std::vector<qint64>& codes,
                                        const std::vector<qint64>& sources) {
    UnitSpace space;
    space.sourceIds = comparedSources(snapshot, coders, sources);
    QHash<qint64, QString> texts;
    QHash<qint64, qint64> lengths;
    if (unit == AgreementUnit::Sentence) {
        auto read = AnalysisRepository(project).texts(space.sourceIds);
        if (!read) return read.error();
        texts = std::move(*read);
    } else if (unit == AgreementUnit::Character) {
        auto read = AnalysisRepository(project).lengths(space.sourceIds);
        if (!read) return read.error();
        lengths = std::move(*read);
    }
    MarkCollector collector(coders, codes, space);
    for (qint64 id : space.sourceIds) {
        const auto codings = snapshot.codingsOf(id);
        const std::vector<Span> units = unit == AgreementUnit::Turn       ? turnSpans(snapshot, id)
                                        : unit == AgreementUnit::Sentence ? sentenceSpans(snapshot, id, texts.value(id))
                                                                          : characterPieces(codings);
        collector.mark(codings, units, qint64(space.weights.size()));
        for (const Span& u : units) {
            space.weights.push_back(unit == AgreementUnit::Character ? u.end - u.start : 1);
            space.places.push_back({id, u.start, u.end});
        }
        space.totalWeight += unit == AgreementUnit::Character ? lengths.value(id) : qint64(units.size());
    }
    return space;
}

} // namespace warrant
