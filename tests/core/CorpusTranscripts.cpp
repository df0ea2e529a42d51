#include "CorpusTranscripts.h"

#include "TestPaths.h"
#include "import/FileImporter.h"
#include "text/TextOffsets.h"

#include <QDir>

using namespace warrant;

const CorpusTranscripts& CorpusTranscripts::load() {
    static const CorpusTranscripts corpus = [] {
        CorpusTranscripts c;
        const QDir dir(test::sourcePath(QStringLiteral("sample_corpus/transcripts")));
        for (const QString& name : dir.entryList(QDir::Files, QDir::Name)) {
            if (!FileImporter::isSupported(name)) continue;
            auto doc = FileImporter::importFile(dir.filePath(name));
            if (!doc) {
                c.loadError += doc.errorMessage() + u'\n';
                continue;
            }
            int number = 0;
            for (const ImportedTurn& t : doc->turns) {
                CorpusTurn turn;
                turn.participant = doc->participantCode;
                turn.speaker = t.speakerLabel;
                turn.interviewer = t.isInterviewer;
                turn.number = ++number;
                turn.text = TextOffsets::midCodePoints(doc->text, t.start, t.end);
                turn.normalized = NormalizedText::of(turn.text);
                c.m_turns.push_back(std::move(turn));
            }
        }
        return c;
    }();
    return corpus;
}

std::vector<const CorpusTurn*> CorpusTranscripts::spokenBy(const QString& code) const {
    std::vector<const CorpusTurn*> out;
    for (const CorpusTurn& t : m_turns)
        if (!t.interviewer && t.speaker.compare(code, Qt::CaseInsensitive) == 0) out.push_back(&t);
    return out;
}

QStringList CorpusTranscripts::participants() const {
    QStringList codes;
    for (const CorpusTurn& t : m_turns)
        if (!codes.contains(t.participant)) codes << t.participant;
    return codes;
}
