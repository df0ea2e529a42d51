#pragma once

#include <QString>
#include <QStringList>

namespace warrant {

// What the word-processor readers extract: the running text, and the footnotes/endnotes it refers
// to. They are kept apart so turn detection runs on the body only; otherwise the notes appended at
// the end would be read as a continuation of the last speaker's turn.
struct ExtractedText {
    QString body;      // paragraphs separated by a blank line ("\n\n")
    QStringList notes; // in order of first reference, each "[n] note text"

    // The stored document text: the body, then a "Notes" line and the notes, one paragraph each.
    // The body is a prefix of the result, so offsets computed on the body stay valid.
    QString composed() const {
        if (notes.isEmpty()) return body;
        return body + QStringLiteral("\n\nNotes\n\n") + notes.join(QStringLiteral("\n\n"));
    }
};

} // namespace warrant
