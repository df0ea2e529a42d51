#pragma once

#include "Result.h"
#include "import/ExtractedText.h"

#include <QByteArray>
#include <QString>

namespace warrant {

// Extracts the text of a Word .docx (WordprocessingML in a zip), laid out so TurnDetector can read it:
//  - each non-empty paragraph is one block; blocks are separated by a blank line;
//  - w:br / w:cr -> "\n", w:tab -> "\t", w:noBreakHyphen -> "-";
//  - a table is one block: cells separated by "\t", rows by "\n" (line breaks inside a cell become spaces);
//  - runs are concatenated as written, so a bold "R8:" run opening a paragraph stays "R8: ..." and is
//    found as a speaker label;
//  - headers and footers (word/header*.xml, footer*.xml) are skipped: they repeat on every page and
//    are never part of what was said;
//  - a footnote/endnote reference becomes "[n]" in the text and the note is returned in `notes`,
//    numbered in order of first reference (footnotes and endnotes share one sequence);
//  - deleted tracked changes, field instructions and the VML fallback copies of text boxes are skipped.
class DocxReader {
public:
    // `fileName` is used only in error messages.
    static Result<ExtractedText> read(const QByteArray& bytes, const QString& fileName);
};

} // namespace warrant
