#include "text/TextOffsets.h"

#include <algorithm>

namespace warrant {

namespace {
int utf8Width(char32_t c) {
    if (c < 0x80) return 1;
    if (c < 0x800) return 2;
    if (c < 0x10000) return 3;
    return 4;
}
} // namespace

TextOffsets::TextOffsets(const QString& text) {
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        char32_t c = text.at(i).unicode();
        int w16 = 1;
        if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(text.at(i + 1).unicode())) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            w16 = 2;
        } else if (QChar::isSurrogate(c)) {
            c = 0xFFFD; // a lone surrogate is written out as U+FFFD by UTF-8 encoders
        }
        const int w8 = utf8Width(c);
        if (w16 != 1 || w8 != 1) m_marks.push_back({m_codePoints, m_utf16, m_utf8, w16, w8});
        m_codePoints += 1;
        m_utf16 += w16;
        m_utf8 += w8;
        i += w16;
    }
}

qsizetype TextOffsets::utf16FromCodePoint(qsizetype cp) const {
    cp = std::clamp<qsizetype>(cp, 0, m_codePoints);
    // Last mark strictly before cp: everything after it is one unit wide.
    auto it = std::lower_bound(m_marks.begin(), m_marks.end(), cp,
                               [](const Mark& m, qsizetype v) { return m.cp < v; });
    if (it == m_marks.begin()) return cp;
    const Mark& m = *std::prev(it);
    return m.u16 + m.w16 + (cp - m.cp - 1);
}

qsizetype TextOffsets::codePointFromUtf16(qsizetype u16) const {
    u16 = std::clamp<qsizetype>(u16, 0, m_utf16);
    auto it = std::upper_bound(m_marks.begin(), m_marks.end(), u16,
                               [](qsizetype v, const Mark& m) { return v < m.u16; });
    if (it == m_marks.begin()) return u16;
    const Mark& m = *std::prev(it);
    if (u16 < m.u16 + m.w16) return m.cp; // inside this character
    return m.cp + 1 + (u16 - m.u16 - m.w16);
}

qsizetype TextOffsets::utf8FromCodePoint(qsizetype cp) const {
    cp = std::clamp<qsizetype>(cp, 0, m_codePoints);
    auto it = std::lower_bound(m_marks.begin(), m_marks.end(), cp,
                               [](const Mark& m, qsizetype v) { return m.cp < v; });
    if (it == m_marks.begin()) return cp;
    const Mark& m = *std::prev(it);
    return m.u8 + m.w8 + (cp - m.cp - 1);
}

qsizetype TextOffsets::codePointFromUtf8(qsizetype u8) const {
    u8 = std::clamp<qsizetype>(u8, 0, m_utf8);
    auto it = std::upper_bound(m_marks.begin(), m_marks.end(), u8,
                               [](qsizetype v, const Mark& m) { return v < m.u8; });
    if (it == m_marks.begin()) return u8;
    const Mark& m = *std::prev(it);
    if (u8 < m.u8 + m.w8) return m.cp;
    return m.cp + 1 + (u8 - m.u8 - m.w8);
}

qsizetype TextOffsets::codePointLength(const QString& text) {
    return TextOffsets(text).codePointCount();
}

QString TextOffsets::midCodePoints(const QString& text, qsizetype start, qsizetype end) {
    const TextOffsets offsets(text);
    const qsizetype a = offsets.utf16FromCodePoint(start);
    const qsizetype b = offsets.utf16FromCodePoint(end);
    return b > a ? text.mid(a, b - a) : QString();
}

} // namespace warrant
