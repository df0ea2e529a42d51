#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace warrant {

// Converts between the three offset units Warrant meets:
//  - code points: the canonical unit stored in the project (REFI-QDA convention),
//  - UTF-16 code units: what QString and Qt widgets index by,
//  - UTF-8 bytes: what SQLite, Xapian and files use.
// Built once per text; conversions are O(log n) in the number of non-BMP / non-ASCII characters.
class TextOffsets {
public:
    explicit TextOffsets(const QString& text);

    qsizetype codePointCount() const { return m_codePoints; }
    qsizetype utf16Count() const { return m_utf16; }
    qsizetype utf8Count() const { return m_utf8; }

    // Offsets past the end clamp to the end; a UTF-16 offset inside a surrogate pair or a
    // UTF-8 offset inside a sequence maps to the start of that character.
    qsizetype utf16FromCodePoint(qsizetype cp) const;
    qsizetype codePointFromUtf16(qsizetype u16) const;
    qsizetype utf8FromCodePoint(qsizetype cp) const;
    qsizetype codePointFromUtf8(qsizetype u8) const;

    // Convenience for the common case of one conversion over a string.
    static qsizetype codePointLength(const QString& text);
    static QString midCodePoints(const QString& text, qsizetype start, qsizetype end);

private:
    // Each entry marks a character whose UTF-16 or UTF-8 width differs from 1, with the
    // cumulative widths before it. Pure-ASCII text has no entries and converts in O(1).
    struct Mark {
        qsizetype cp;
        qsizetype u16;
        qsizetype u8;
        int w16;
        int w8;
    };
    std::vector<Mark> m_marks;
    qsizetype m_codePoints = 0;
    qsizetype m_utf16 = 0;
    qsizetype m_utf8 = 0;
};

} // namespace warrant
