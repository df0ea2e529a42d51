#include "import/SpeakerMapping.h"

namespace warrant {

SpeakerMapping::SpeakerMapping() {
    for (const QString& label : defaultInterviewerLabels()) m_interviewers.insert(key(label));
}

QStringList SpeakerMapping::defaultInterviewerLabels() {
    return {QStringLiteral("Interviewer"), QStringLiteral("INT"),       QStringLiteral("I"),
            QStringLiteral("Q"),           QStringLiteral("Moderator"), QStringLiteral("Facilitator")};
}

void SpeakerMapping::setInterviewer(const QString& label) {
    m_participants.remove(key(label));
    m_interviewers.insert(key(label));
}

void SpeakerMapping::setParticipant(const QString& label, const QString& participantCode) {
    m_interviewers.remove(key(label));
    m_participants.insert(key(label), participantCode.trimmed());
}

bool SpeakerMapping::isInterviewer(const QString& label) const { return m_interviewers.contains(key(label)); }

QString SpeakerMapping::participantCode(const QString& label, const QString& transcriptParticipant) const {
    const QString k = key(label);
    if (m_interviewers.contains(k)) return QString();
    if (const auto it = m_participants.constFind(k); it != m_participants.cend()) return *it;
    if (k == u"a") return transcriptParticipant;
    return label.trimmed();
}

bool SpeakerMapping::isKnownLabel(const QString& label) const {
    const QString k = key(label);
    return k == u"a" || m_interviewers.contains(k) || m_participants.contains(k);
}

QString SpeakerMapping::key(const QString& label) {
    QString k = label.simplified().toCaseFolded();
    while (k.endsWith(QLatin1Char('.'))) k.chop(1);
    return k;
}

} // namespace warrant
