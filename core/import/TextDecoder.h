#pragma once

#include "Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace warrant {

// Turns the bytes of a text file into a normalised QString: LF line endings, no byte order mark.
//
// Without an explicit encoding: a UTF-8 BOM, a UTF-16 LE/BE BOM, or else strict UTF-8. Anything
// else is refused rather than guessed, because a wrong guess silently corrupts every quotation
// coded from the document. A NUL byte is refused too: it almost always means UTF-16 without a BOM.
class TextDecoder {
public:
    // `fileName` is used only in error messages. `encoding` (case-insensitive, "-"/"_" ignored):
    // utf-8, utf-16 (BOM, else little-endian), utf-16le, utf-16be, latin1 / iso-8859-1,
    // windows-1252 / cp1252, or any other name QStringConverter knows (e.g. utf-32le).
    static Result<QString> decode(const QByteArray& bytes, const QString& fileName,
                                  const QString& encoding = QString());

    // CRLF and lone CR become LF; a leading U+FEFF is dropped.
    static QString normalise(const QString& text);

    static bool isKnownEncoding(const QString& encoding);
    static QStringList knownEncodings();
};

} // namespace warrant
