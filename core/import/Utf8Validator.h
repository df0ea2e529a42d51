#pragma once

#include <QByteArrayView>

namespace warrant {

// Strict UTF-8 well-formedness check (RFC 3629 / Unicode table 3-7). Written by hand rather than
// relying on QStringDecoder because the importer must report WHERE the first bad sequence is, and
// must refuse overlongs, encoded surrogates, code points above U+10FFFF and truncated sequences.
class Utf8Validator {
public:
    // Byte offset of the lead byte of the first ill-formed sequence, or -1 if `bytes` is valid.
    static qsizetype firstInvalidByte(QByteArrayView bytes);
};

} // namespace warrant
