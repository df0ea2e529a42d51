#pragma once

#include "model/Code.h"

#include <QString>

namespace warrant {

// REFI-QDA gives a code one Description; Warrant's definition has four parts. They travel as
// labelled paragraphs ("Include: …", "Exclude: …", "Example: …") after the description, which
// other tools show as readable text and which come back apart on import.
class CodeDefinitionText {
public:
    static QString join(const Code& code);
    // Fills description, inclusion, exclusion and example of `code` from a Description.
    static void split(const QString& text, Code* code);
};

} // namespace warrant
