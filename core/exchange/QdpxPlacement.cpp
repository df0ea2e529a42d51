#include "exchange/QdpxPlacement.h"

#include "exchange/QdpxArchive.h"
#include "exchange/QdpxSourceText.h"

#include <algorithm>

namespace warrant {

namespace {

// Under every convention offsets agree on a text with no BOM, no CR and no character beyond the
// BMP: such a source says nothing about the file's convention.
bool distinguishesConventions(const QString& raw) {
    if (raw.startsWith(QChar(0xFEFF)) || raw.contains(u'\r')) return true;
    for (const QChar c : raw)
        if (c.isHighSurrogate()) return true;
    return false;
}

std::vector<RawSelection> rawSelections(const qda::Source& source) {
    std::vector<RawSelection> raw;
    raw.reserve(source.selections.size());
    for (const qda::TextSelection& s : source.selections) raw.push_back({s.guid, s.start, s.end, s.name});
    return raw;
}

struct Candidate {
    PlacedSource placed;
    QString raw;
    SelectionPlacer placer;
    std::vector<RawSelection> selections;
};

OffsetConvention vote(const std::vector<Candidate>& candidates, const QString& origin, QString* evidence) {
    std::vector<std::pair<OffsetConvention, qsizetype>> votes;
    for (const Candidate& c : candidates) {
        if (!distinguishesConventions(c.raw) || c.selections.empty()) continue;
        auto it = std::find_if(votes.begin(), votes.end(), [&](const auto& v) { return v.first == c.placed.convention; });
        if (it == votes.end()) votes.emplace_back(c.placed.convention, qsizetype(c.selections.size()));
        else it->second += qsizetype(c.selections.size());
    }
    if (votes.empty()) {
        *evidence = QStringLiteral("no source tells the conventions apart; the exporting software's is used");
        return SelectionPlacer::hintFor(origin);
    }
    const auto best = std::max_element(votes.begin(), votes.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    qsizetype total = 0;
    for (const auto& v : votes) total += v.second;
    *evidence = QStringLiteral("%1 of %2 selections in sources with characters that tell the conventions apart fit it")
                    .arg(best->second)
                    .arg(total);
    return best->first;
}

QString counted(int n, const char* noun) {
    return QStringLiteral("%1 %2%3").arg(n).arg(QLatin1String(noun), n == 1 ? QString() : QStringLiteral("s"));
}

int codingCount(const qda::Source& source) {
    int n = 0;
    for (const qda::TextSelection& s : source.selections) n += int(s.codings.size());
    return n;
}

} // namespace

bool QdpxPlacement::carriesText(const qda::Source& source) {
    return source.kind == qda::SourceKind::Text || (source.kind == qda::SourceKind::Pdf && source.hasRepresentation);
}

Result<ProjectPlacement> QdpxPlacement::place(const qda::Project& project, const QdpxArchive& archive,
                                              const Progress& progress, bool skipUnreadable) {
    std::vector<Candidate> candidates;
    QStringList unreadable;
    int done = 0;
    for (const qda::Source& source : project.sources) {
        if (!carriesText(source)) continue;
        auto raw = QdpxSourceText::of(source, archive, project.basePath);
        if (!raw && !skipUnreadable) return raw.error();
        if (!raw) {
            unreadable << QStringLiteral("%1; its %2 and %3 are not carried")
                              .arg(raw.errorMessage(), counted(int(source.selections.size()), "selection"),
                                   counted(codingCount(source), "coding"));
            continue;
        }
        Candidate c{{}, *raw, SelectionPlacer(*raw), rawSelections(source)};
        const SelectionPlacement own = c.placer.place(c.selections, project.origin);
        c.placed = {&source, c.placer.normalised(), own.convention, own.placed, own.unplaced};
        candidates.push_back(std::move(c));
        if (progress) progress(++done, int(project.sources.size()), source.name);
    }
    ProjectPlacement result;
    result.unreadable = unreadable;
    result.convention = vote(candidates, project.origin, &result.evidence);
    for (Candidate& c : candidates) {
        const SelectionPlacement shared = c.placer.placeWith(c.selections, result.convention);
        // The file's convention wins unless it leaves selections of this source unplaced that
        // the source's own convention places.
        if (shared.unplaced.size() > c.placed.unplaced.size()) {
            result.notes << QStringLiteral("'%1' was read as %2, not %3: only then do all its selections fit")
                                .arg(c.placed.source->name, c.placed.convention.describe(), result.convention.describe());
        } else {
            c.placed.convention = result.convention;
            c.placed.placed = shared.placed;
            c.placed.unplaced = shared.unplaced;
        }
        result.sources.push_back(std::move(c.placed));
    }
    return result;
}

} // namespace warrant
