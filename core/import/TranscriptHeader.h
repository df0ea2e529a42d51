#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>
#include <utility>
#include <vector>

namespace warrant {

using HeaderFields = std::vector<std::pair<QString, QString>>;

// The "Key: value" header lines that open a transcript (see the corpus spec): Participant, Date,
// Interviewer, Place, Duration, Note.
class TranscriptHeader {
public:
    static QStringList keys();

    // "Date: 14 June 2005" -> {"Date", "14 June 2005"}; keys match case-insensitively and are
    // returned in their canonical spelling. An "Interviewer:" line whose value reads like speech
    // (a question, a sentence ending in a lowercase word, more than 6 words) is not a header line but the interviewer's
    // first turn.
    static std::optional<std::pair<QString, QString>> parseLine(QStringView line);

    // The value of the Participant field, or an empty string.
    static QString participant(const HeaderFields& header);
};

} // namespace warrant
