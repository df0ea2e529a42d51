#include "import/Utf8Validator.h"

namespace warrant {

qsizetype Utf8Validator::firstInvalidByte(QByteArrayView bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char b = p[i];
        if (b < 0x80) {
            ++i;
            continue;
        }
        // Length and the allowed range of the SECOND byte; the narrowed ranges exclude overlongs
        // (E0, F0), UTF-16 surrogates (ED) and values above U+10FFFF (F4).
        int len = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            len = 2;
        } else if (b == 0xE0) {
            len = 3, lo = 0xA0;
        } else if (b == 0xED) {
            len = 3, hi = 0x9F;
        } else if (b >= 0xE1 && b <= 0xEF) {
            len = 3;
        } else if (b == 0xF0) {
            len = 4, lo = 0x90;
        } else if (b >= 0xF1 && b <= 0xF3) {
            len = 4;
        } else if (b == 0xF4) {
            len = 4, hi = 0x8F;
        } else {
            return i; // stray continuation byte, C0/C1 overlong lead, or F5..FF
        }
        if (i + len > n) return i; // truncated at end of input
        if (p[i + 1] < lo || p[i + 1] > hi) return i;
        for (int k = 2; k < len; ++k)
            if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
        i += len;
    }
    return -1;
}

} // namespace warrant
