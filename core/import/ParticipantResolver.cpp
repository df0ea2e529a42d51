#include "import/ParticipantResolver.h"

#include "import/TranscriptHeader.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace warrant {

QString ParticipantResolver::resolve(const QString& explicitCode, const ImportedDocument& doc,
                                     const QString& fileName, const SpeakerMapping& mapping) {
    if (!explicitCode.trimmed().isEmpty()) return explicitCode.trimmed();
    if (const QString header = TranscriptHeader::participant(doc.header); !header.isEmpty()) return header;
    if (const QString fromName = codeFromFileName(fileName); !fromName.isEmpty()) return fromName;
    if (const QString sole = soleParticipantLabel(doc, mapping); !sole.isEmpty()) return sole;
    static thread_local const QRegularExpression shortStem(QStringLiteral("^[A-Z][A-Z0-9]{0,7}$"));
    const QString stem = QFileInfo(fileName).completeBaseName();
    return shortStem.match(stem).hasMatch() ? stem : QString();
}

QString ParticipantResolver::codeFromFileName(const QString& fileName) {
    static thread_local const QRegularExpression separators(QStringLiteral("[^A-Za-z0-9]+"));
    // Capitals only: "utf8_bom.txt" or "mp3" are not participant codes.
    static thread_local const QRegularExpression code(QStringLiteral("^[A-Z]{1,3}[0-9]{1,3}$"));
    const QStringList tokens = QFileInfo(fileName).completeBaseName().split(separators, Qt::SkipEmptyParts);
    for (const QString& token : tokens)
        if (code.match(token).hasMatch()) return token;
    return QString();
}

QString ParticipantResolver::soleParticipantLabel(const ImportedDocument& doc, const SpeakerMapping& mapping) {
    QSet<QString> codes;
    QString first;
    for (const ImportedTurn& turn : doc.turns) {
        if (turn.isInterviewer || turn.speakerLabel.isEmpty()) continue;
        const QString code = mapping.participantCode(turn.speakerLabel, QString());
        if (code.isEmpty()) continue; // "A" before the participant is known
        if (codes.isEmpty()) first = code;
        codes.insert(code);
    }
    return codes.size() == 1 ? first : QString();
}

} // namespace warrant
