#pragma once

#include "trace/Citation.h"

#include <QHash>
#include <QString>

#include <vector>

namespace warrant {

// Reads interview citations in the styles researchers use:
//   (interview, R8)  (interview, R8; R10)  (interview, R8, R9)  (interview, A1, 3, 9) → A1, A3, A9
//   (interview, I3, 4, 6; A5)  (interview, P.C.; R8; Conlin, 2006) with literature kept apart
//   a bare "interview, P.C" line after a block quote, (R8), [R8], (Participant 8), (P8, line 120),
//   (R8, turn 12) and "R8 said".
// Codes are matched against the project's participants ignoring case and dots ("P.C" = "P.C.").
class CitationParser {
public:
    explicit CitationParser(QStringList knownParticipants = {});

    // Every citation in `text`, in order.
    std::vector<Citation> parseAll(const QString& text) const;
    // Reads one citation body such as "interview, A1, 3, 9" (no brackets).
    Citation parseBody(const QString& body) const;

    // "P.C" → "P.C." when the project knows "P.C.", else the token as written.
    QString resolve(const QString& token) const;
    bool isKnown(const QString& token) const;

private:
    static QString key(const QString& code);
    static bool looksLikeCode(const QString& token);
    QHash<QString, QString> m_known; // key → code as the project writes it
};

} // namespace warrant
