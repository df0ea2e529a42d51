#pragma once

#include "trace/NormalizedText.h"

#include <QMap>
#include <QString>

#include <vector>

// The sample corpus's transcripts read straight from the files with the project's importers,
// turn by turn, for tests that check quotations without building a project.
struct CorpusTurn {
    QString participant;   // transcript's participant
    QString speaker;       // speaker label
    bool interviewer = false;
    int number = 0;
    QString text;
    warrant::NormalizedText normalized;
};

class CorpusTranscripts {
public:
    static const CorpusTranscripts& load(); // sample_corpus/transcripts, read once
    const std::vector<CorpusTurn>& turns() const { return m_turns; }
    // Turns spoken by `code` (not the interviewer's).
    std::vector<const CorpusTurn*> spokenBy(const QString& code) const;
    QStringList participants() const;
    QString loadError;

private:
    std::vector<CorpusTurn> m_turns;
};
