#include "analysis/AnalysisSnapshot.h"

#include <algorithm>

namespace warrant {

Result<AnalysisSnapshot> AnalysisSnapshot::load(Project& project) {
    AnalysisRepository repo(project);
    AnalysisSnapshot s;
    auto codes = repo.codes();
    if (!codes) return codes.error();
    auto sources = repo.sources();
    if (!sources) return sources.error();
    auto turns = repo.turns();
    if (!turns) return turns.error();
    auto codings = repo.codings();
    if (!codings) return codings.error();
    auto participants = repo.participants();
    if (!participants) return participants.error();
    auto coders = repo.coders();
    if (!coders) return coders.error();
    s.m_codes = std::move(*codes);
    s.m_sources = std::move(*sources);
    s.m_turns = std::move(*turns);
    s.m_participants = std::move(*participants);
    s.m_coders = std::move(*coders);
    s.index();
    s.m_codings.reserve(codings->size());
    for (const AnalysisCodingRow& c : *codings) {
        AnalysisCoding a{c.codingId, c.segmentId, c.sourceId, c.start, c.end, c.codeId, c.coderId, 0, s.turnAt(c.sourceId, c.start)};
        const qint64 speaker = a.turn >= 0 ? s.m_turns[size_t(a.turn)].participantId : 0;
        const AnalysisSourceRow* src = s.source(c.sourceId);
        a.participantId = speaker ? speaker : (src ? src->participantId : 0);
        s.m_codings.push_back(a);
    }
    for (size_t i = 0; i < s.m_codings.size(); ++i) {
        auto it = s.m_codingRange.find(s.m_codings[i].sourceId);
        if (it == s.m_codingRange.end()) s.m_codingRange.insert(s.m_codings[i].sourceId, {i, i + 1});
        else it->second = i + 1;
    }
    return s;
}

void AnalysisSnapshot::index() {
    for (size_t i = 0; i < m_sources.size(); ++i) m_sourceAt.insert(m_sources[i].id, i);
    for (size_t i = 0; i < m_participants.size(); ++i) m_participantAt.insert(m_participants[i].id, i);
    for (size_t i = 0; i < m_turns.size(); ++i) {
        auto it = m_turnRange.find(m_turns[i].sourceId);
        if (it == m_turnRange.end()) m_turnRange.insert(m_turns[i].sourceId, {i, i + 1});
        else it->second = i + 1;
    }
    for (const AnalysisCodeRow& c : m_codes) m_children[c.parentId].push_back(c.id);
    orderCodes(0, QString());
}

// Parents before children, siblings in codebook order (rows come sorted by position).
void AnalysisSnapshot::orderCodes(qint64 parent, const QString& prefix) {
    const auto children = m_children.value(parent);
    for (qint64 id : children) {
        const auto row = std::find_if(m_codes.begin(), m_codes.end(), [&](const AnalysisCodeRow& c) { return c.id == id; });
        const QString path = prefix.isEmpty() ? row->name : prefix + u'/' + row->name;
        m_paths.insert(id, path);
        m_order.push_back(id);
        orderCodes(id, path);
    }
}

qint64 AnalysisSnapshot::findCode(const QString& pathOrName) const {
    const QString wanted = pathOrName.trimmed();
    qint64 byName = 0;
    int named = 0;
    for (auto it = m_paths.constBegin(); it != m_paths.constEnd(); ++it) {
        if (it.value().compare(wanted, Qt::CaseInsensitive) == 0) return it.key();
        if (it.value().section(u'/', -1).compare(wanted, Qt::CaseInsensitive) == 0) {
            byName = it.key();
            ++named;
        }
    }
    return named == 1 ? byName : 0;
}

std::vector<qint64> AnalysisSnapshot::withDescendants(qint64 codeId) const {
    std::vector<qint64> out{codeId};
    for (size_t i = 0; i < out.size(); ++i)
        for (qint64 child : m_children.value(out[i])) out.push_back(child);
    return out;
}

qint64 AnalysisSnapshot::findCoder(const QString& name) const {
    for (auto it = m_coders.constBegin(); it != m_coders.constEnd(); ++it)
        if (it.value().compare(name.trimmed(), Qt::CaseInsensitive) == 0) return it.key();
    return 0;
}

const AnalysisParticipantRow* AnalysisSnapshot::participant(qint64 id) const {
    auto it = m_participantAt.constFind(id);
    return it == m_participantAt.constEnd() ? nullptr : &m_participants[*it];
}

const AnalysisSourceRow* AnalysisSnapshot::source(qint64 id) const {
    auto it = m_sourceAt.constFind(id);
    return it == m_sourceAt.constEnd() ? nullptr : &m_sources[*it];
}

qint64 AnalysisSnapshot::findSource(const QString& titleOrName) const {
    const QString wanted = titleOrName.trimmed();
    for (const AnalysisSourceRow& s : m_sources)
        if (s.title.compare(wanted, Qt::CaseInsensitive) == 0) return s.id;
    return 0;
}

std::span<const AnalysisTurnRow> AnalysisSnapshot::turnsOf(qint64 sourceId) const {
    auto it = m_turnRange.constFind(sourceId);
    if (it == m_turnRange.constEnd()) return {};
    return {m_turns.data() + it->first, it->second - it->first};
}

int AnalysisSnapshot::turnAt(qint64 sourceId, qint64 position) const {
    const auto turns = turnsOf(sourceId);
    auto after = std::upper_bound(turns.begin(), turns.end(), position,
                                  [](qint64 p, const AnalysisTurnRow& t) { return p < t.start; });
    if (after == turns.begin()) return -1;
    const auto turn = std::prev(after);
    if (position >= turn->end) return -1;
    return int(&*turn - m_turns.data());
}

std::span<const AnalysisCoding> AnalysisSnapshot::codingsOf(qint64 sourceId) const {
    auto it = m_codingRange.constFind(sourceId);
    if (it == m_codingRange.constEnd()) return {};
    return {m_codings.data() + it->first, it->second - it->first};
}

} // namespace warrant
