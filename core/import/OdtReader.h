#pragma once

#include "Result.h"
#include "import/ExtractedText.h"

#include <QByteArray>
#include <QString>

namespace warrant {

// Extracts the text of an OpenDocument .odt (content.xml in a zip), with the same layout as
// DocxReader so both feed TurnDetector identically:
//  - paragraphs and headings (text:p, text:h, also inside lists and sections) are blocks separated
//    by a blank line; empty paragraphs are dropped;
//  - text:line-break -> "\n", text:tab -> "\t", text:s -> spaces; other white space in the XML is
//    collapsed as ODF prescribes;
//  - a table is one block: cells separated by "\t", rows by "\n";
//  - headers and footers live in styles.xml, which is not read (page furniture, not speech);
//  - a note (text:note, footnote or endnote) becomes "[n]" in the text and its body goes to `notes`;
//  - comments (office:annotation), tracked deletions and image descriptions are skipped.
// Password-protected documents are refused (their content.xml is encrypted).
class OdtReader {
public:
    static Result<ExtractedText> read(const QByteArray& bytes, const QString& fileName);
};

} // namespace warrant
