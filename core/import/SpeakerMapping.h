#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace warrant {

// Decides what a speaker label means: the interviewer, or which participant. Labels compare
// case-insensitively, with runs of spaces collapsed and trailing dots ignored ("Int." == "INT").
//
// Defaults: Interviewer, INT, I, Q, Moderator, Facilitator are the interviewer; "A" (answer) is the
// transcript's participant; every other label is a participant whose code is the label itself.
// Explicit overrides win over the defaults (e.g. map "I" to participant "I" in a study whose
// participants are coded I1, I2...).
class SpeakerMapping {
public:
    SpeakerMapping();

    static QStringList defaultInterviewerLabels();

    // Override: `label` is the interviewer.
    void setInterviewer(const QString& label);
    // Override: `label` is participant `participantCode`.
    void setParticipant(const QString& label, const QString& participantCode);

    bool isInterviewer(const QString& label) const;
    // The participant speaking under `label`: an override, the transcript's participant for "A",
    // otherwise the label as written. Empty for interviewer labels (and for "A" when the transcript's
    // participant is unknown).
    QString participantCode(const QString& label, const QString& transcriptParticipant) const;
    // True for labels this mapping names (defaults, "A", overrides). Label detection trusts these
    // even where they would fail its shape checks (e.g. lowercase "int:").
    bool isKnownLabel(const QString& label) const;

private:
    static QString key(const QString& label);

    QSet<QString> m_interviewers;
    QHash<QString, QString> m_participants; // key -> participant code
};

} // namespace warrant
