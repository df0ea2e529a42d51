#pragma once

#include <QString>

#include <vector>

namespace warrant {

struct ParticipantAttribute {
    QString name;  // "group", "role", "organisation"
    QString type;  // "text", "number", "date", "boolean"
    QString value;
};

// An interviewee, identified by the code the study uses ("R8", "P.C.").
struct Participant {
    qint64 id = 0;
    QString code;
    QString displayName;
    std::vector<ParticipantAttribute> attributes;

    QString attribute(const QString& name) const {
        for (const auto& a : attributes)
            if (a.name.compare(name, Qt::CaseInsensitive) == 0) return a.value;
        return {};
    }
};

} // namespace warrant
