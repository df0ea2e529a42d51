#pragma once

#include "trace/NormalizedText.h"

#include <QSet>
#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace warrant {

class Project;

// One speaker turn, ready for quotation matching.
struct TurnText {
    qint64 sourceId = 0;
    QString source;
    int number = 0;
    QString participant;   // empty for the interviewer
    bool interviewer = false;
    qsizetype start = 0;   // code points into the source text
    QString text;
    NormalizedText normalized;

    // Case-folded words written with a capital inside a sentence (names), worked out when first asked.
    const QSet<QString>& capitalised() const;

private:
    mutable std::optional<QSet<QString>> m_capitalised;
};

// Turns read from the project on demand and kept, so verifying a hundred quotations touches
// only the transcripts they cite plus the candidates the index proposes.
class TurnTexts {
public:
    explicit TurnTexts(Project& project) : m_project(project) {}

    const std::vector<const TurnText*>& spokenBy(const QString& participantCode);
    // Interviewer turns in the transcripts where `participantCode` speaks.
    const std::vector<const TurnText*>& interviewerTurnsWith(const QString& participantCode);
    const TurnText* at(qint64 sourceId, qsizetype offset);
    QStringList participants();

private:
    const TurnText* keep(std::unique_ptr<TurnText> turn, qsizetype end);
    std::vector<const TurnText*> load(const QString& where, const QString& bind);
    Project& m_project;
    const TurnText* cachedAt(qint64 sourceId, qsizetype offset) const;
    std::map<std::pair<qint64, int>, std::unique_ptr<TurnText>> m_turns;
    // Per source, the kept turns by start offset with their end, so the index's hits resolve
    // without reading the transcript again.
    std::map<qint64, std::map<qsizetype, std::pair<qsizetype, const TurnText*>>> m_spans;
    std::map<QString, std::vector<const TurnText*>> m_byParticipant;
    std::map<QString, std::vector<const TurnText*>> m_interviewerWith;
};

} // namespace warrant
