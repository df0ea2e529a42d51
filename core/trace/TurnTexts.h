#pragma once

#include "trace/NormalizedText.h"

#include <QString>

#include <map>
#include <memory>
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
};

// Turns read from the project on demand and kept, so verifying a hundred quotations touches
// only the transcripts they cite plus the candidates the index proposes.
class TurnTexts {
public:
    explicit TurnTexts(Project& project) : m_project(project) {}

    const std::vector<const TurnText*>& spokenBy(const QString& participantCode);
    // Interviewer turns in the transcripts where `participantCode` speaks.
    std::vector<const TurnText*> interviewerTurnsWith(const QString& participantCode);
    const TurnText* at(qint64 sourceId, qsizetype offset);
    QStringList participants();

private:
    const TurnText* keep(std::unique_ptr<TurnText> turn);
    std::vector<const TurnText*> load(const QString& where, const QString& bind);
    Project& m_project;
    std::map<std::pair<qint64, int>, std::unique_ptr<TurnText>> m_turns;
    std::map<QString, std::vector<const TurnText*>> m_byParticipant;
};

} // namespace warrant
