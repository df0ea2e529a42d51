#pragma once

#include "import/ImportedDocument.h"
#include "import/SpeakerMapping.h"

#include <QString>

namespace warrant {

// Decides which participant a transcript belongs to. In order:
//  1. the explicit option (the user said so),
//  2. the header's "Participant:" line,
//  3. a code in the file name: a token of 1-3 capital letters and 1-3 digits ("R8.txt",
//     "interview_R8.docx", "2005-06-14 M7.vtt" -> "M7"; not "utf8_bom.txt"),
//  4. the only participant label used in the turns ("P.C." when every answer is "P.C.:"),
//  5. a short all-capitals file stem ("PC.txt" -> "PC"),
// otherwise empty (unknown), for the user to fill in.
class ParticipantResolver {
public:
    static QString resolve(const QString& explicitCode, const ImportedDocument& doc, const QString& fileName,
                           const SpeakerMapping& mapping);

    static QString codeFromFileName(const QString& fileName);
    static QString soleParticipantLabel(const ImportedDocument& doc, const SpeakerMapping& mapping);
};

} // namespace warrant
