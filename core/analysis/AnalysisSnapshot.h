#pragma once

#include "Result.h"
#include "store/AnalysisRepository.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <span>
#include <vector>

namespace warrant {

class Project;

// A coding as analyses see it: where it lies, which code and coder, and who speaks there (the
// participant of the turn the segment starts in, else the source's, as `segments` cites it).
struct AnalysisCoding {
    qint64 codingId = 0;
    qint64 segmentId = 0;
    qint64 sourceId = 0;
    qint64 start = 0;
    qint64 end = 0;
    qint64 codeId = 0;
    qint64 coderId = 0;
    qint64 participantId = 0; // 0 when nobody is known
    int turn = -1;            // index into turns(), -1 outside any turn
};

// Everything the analyses need, read once from the project (no texts), with the lookups they share.
class AnalysisSnapshot {
public:
    static Result<AnalysisSnapshot> load(Project& project);

    const std::vector<AnalysisCodeRow>& codes() const { return m_codes; }
    const std::vector<AnalysisSourceRow>& sources() const { return m_sources; }
    const std::vector<AnalysisTurnRow>& turns() const { return m_turns; }
    const std::vector<AnalysisCoding>& codings() const { return m_codings; } // by source, start
    const std::vector<AnalysisParticipantRow>& participants() const { return m_participants; }

    QString codePath(qint64 codeId) const { return m_paths.value(codeId); }
    // A full path or a name unique in the codebook (case-insensitive); 0 when none or ambiguous.
    qint64 findCode(const QString& pathOrName) const;
    // The code and every code under it.
    std::vector<qint64> withDescendants(qint64 codeId) const;
    // Codes in codebook order (parents before children), as paths.
    std::vector<qint64> codesInOrder() const { return m_order; }

    QString coderName(qint64 coderId) const { return m_coders.value(coderId); }
    qint64 findCoder(const QString& name) const; // 0 when unknown (case-insensitive)
    QList<qint64> coderIds() const { return m_coders.keys(); }

    const AnalysisParticipantRow* participant(qint64 id) const;
    const AnalysisSourceRow* source(qint64 id) const;
    qint64 findSource(const QString& titleOrName) const; // 0 when none
    // The turns of one source, in text order.
    std::span<const AnalysisTurnRow> turnsOf(qint64 sourceId) const;
    // Index into turns() of the turn holding `position` of the source, or -1.
    int turnAt(qint64 sourceId, qint64 position) const;
    // The first index into codings() of a source (codings are grouped by source).
    std::span<const AnalysisCoding> codingsOf(qint64 sourceId) const;

private:
    void index();
    void orderCodes(qint64 parent, const QString& prefix);

    std::vector<AnalysisCodeRow> m_codes;
    std::vector<AnalysisSourceRow> m_sources;
    std::vector<AnalysisTurnRow> m_turns;
    std::vector<AnalysisCoding> m_codings;
    std::vector<AnalysisParticipantRow> m_participants;
    QHash<qint64, QString> m_coders;
    QHash<qint64, QString> m_paths;
    QHash<qint64, std::vector<qint64>> m_children;
    std::vector<qint64> m_order;
    QHash<qint64, size_t> m_sourceAt, m_participantAt;
    QHash<qint64, std::pair<size_t, size_t>> m_turnRange, m_codingRange; // source → [first, last)
};

} // namespace warrant
