#pragma once

#include <QString>
#include <QStringList>

namespace warrant {

// One citation as printed in a manuscript, read into what it points at.
struct Citation {
    QString text;              // as printed, e.g. "(interview, A1, 3, 9)"
    qsizetype start = 0;       // UTF-16 range in the text it was found in
    qsizetype end = 0;
    QStringList participants;  // codes as resolved: "A1", "A3", "A9"; unknown codes stay as written
    QStringList unknown;       // codes that name no participant of the project
    QStringList literature;    // "Conlin, 2006"
    int turn = 0;              // "(R8, turn 12)"
    int line = 0;              // "(P8, line 120)"
    bool isInterview() const { return !participants.isEmpty() || !unknown.isEmpty(); }
};

} // namespace warrant
