#include "analysis/Disagreements.h"

#include "analysis/AnalysisSnapshot.h"
#include "analysis/IntercoderAgreement.h"
#include "store/AnalysisRepository.h"
#include "text/TextOffsets.h"

#include <algorithm>
#include <map>

namespace warrant {

namespace {

// Units where some but not all coders coded; adjacent character pieces join into one run.
std::vector<UnitSpace::Place> disagreeingPlaces(const UnitSpace& space, int coders, bool joinAdjacent) {
    std::map<qint64, std::uint32_t> masks;
    for (const UnitMark& m : space.marks) masks[m.unit] |= 1u << m.coder;
    const std::uint32_t all = (1u << coders) - 1;
    std::vector<UnitSpace::Place> out;
    for (const auto& [unit, mask] : masks) {
        if (mask == all) continue;
        const UnitSpace::Place& p = space.places[size_t(unit)];
        if (joinAdjacent && !out.empty() && out.back().sourceId == p.sourceId && out.back().end == p.start) out.back().end = p.end;
        else out.push_back(p);
    }
    return out;
}

} // namespace

Result<std::vector<Disagreement>> Disagreements::list(Project& project, const AnalysisSnapshot& snapshot, const QStringList& coders,
                                                      const QString& code, AgreementUnit unit, const QStringList& sources) {
    AgreementRequest request{coders, {code}, unit, sources};
    auto resolved = IntercoderAgreement::resolve(snapshot, request);
    if (!resolved) return resolved.error();
    auto space = AgreementUnits::build(project, snapshot, unit, resolved->coders, resolved->codes, resolved->sources);
    if (!space) return space.error();
    const auto places = disagreeingPlaces(*space, int(resolved->coders.size()), unit == AgreementUnit::Character);
    std::vector<qint64> sourceIds;
    for (const auto& p : places)
        if (sourceIds.empty() || sourceIds.back() != p.sourceId) sourceIds.push_back(p.sourceId);
    auto texts = AnalysisRepository(project).texts(sourceIds);
    if (!texts) return texts.error();
    const qint64 codeId = resolved->codes.front();
    std::vector<Disagreement> out;
    for (const auto& place : places) {
        const QString text = texts->value(place.sourceId);
        const qint64 end = std::min(place.end, TextOffsets::codePointLength(text));
        Disagreement d{place.sourceId, snapshot.source(place.sourceId)->title, {}, place.start, end,
                       TextOffsets::midCodePoints(text, place.start, end), {}};
        const int turn = snapshot.turnAt(place.sourceId, place.start);
        const AnalysisParticipantRow* who = turn >= 0 ? snapshot.participant(snapshot.turns()[size_t(turn)].participantId) : nullptr;
        d.citation = who ? QStringLiteral("(%1, turn %2)").arg(who->code).arg(snapshot.turns()[size_t(turn)].number)
                         : QStringLiteral("(%1)").arg(d.source);
        for (qint64 coder : resolved->coders) {
            Disagreement::Version v{coder, snapshot.coderName(coder), false, {}, {}};
            for (const AnalysisCoding& c : snapshot.codingsOf(place.sourceId))
                if (c.coderId == coder && c.codeId == codeId && c.start < end && c.end > place.start) {
                    v.coded = true;
                    v.ranges.push_back({c.start, c.end});
                    v.texts << TextOffsets::midCodePoints(text, c.start, c.end);
                }
            d.versions.push_back(std::move(v));
        }
        out.push_back(std::move(d));
    }
    return out;
}

} // namespace warrant
