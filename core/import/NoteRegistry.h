#pragma once

#include <QString>
#include <QStringList>

namespace warrant {

// Numbers footnotes/endnotes in order of reference while a document is read: the text gets the
// marker "[n]", the note is kept as "[n] text" for the "Notes" section appended after the body.
// Footnotes and endnotes share one sequence, so every marker is unique in the stored text.
class NoteRegistry {
public:
    // Registers a note and returns its marker; an empty note gets no number and no marker.
    QString add(const QString& noteText);
    const QStringList& notes() const { return m_notes; }

private:
    QStringList m_notes;
};

} // namespace warrant
