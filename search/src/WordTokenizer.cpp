#include "WordTokenizer.h"

#include <QString>

namespace warrant {

namespace {

bool isWordChar(QChar c) {
    const ushort u = c.unicode();
    if (u < 0x80) return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
    return c.isLetterOrNumber() || c.isMark() || c.isSurrogate();
}

bool isApostrophe(QChar c) { return c == u'\'' || c == u'\u2019'; }

} // namespace

std::vector<WordSpan> WordTokenizer::words(QStringView text) {
    std::vector<WordSpan> spans;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        while (i < n && !isWordChar(text[i])) ++i;
        if (i >= n) break;
        const qsizetype start = i;
        while (i < n) {
            if (isWordChar(text[i])) {
                ++i;
            } else if (isApostrophe(text[i]) && i + 1 < n && isWordChar(text[i + 1])) {
                i += 2;
            } else {
                break;
            }
        }
        spans.push_back({start, i});
    }
    return spans;
}

std::string WordTokenizer::term(QStringView word) {
    std::string out;
    out.reserve(size_t(word.size()));
    bool ascii = true;
    for (QChar c : word) {
        const ushort u = c.unicode();
        if (u >= 0x80) {
            ascii = false;
            break;
        }
        out.push_back(char(u >= 'A' && u <= 'Z' ? u + 32 : u));
    }
    if (ascii) return out;
    QString folded = word.toString().toCaseFolded();
    folded.replace(u'\u2019', u'\'');
    return folded.toStdString();
}

} // namespace warrant
