#include "trace/NormalizedText.h"

#include <QVarLengthArray>

namespace warrant {

namespace {

bool isApostrophe(char32_t c) { return c == u'\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC; }

bool isLetterOrDigit(const QString& s, qsizetype i) { return i >= 0 && i < s.size() && s.at(i).isLetterOrNumber(); }

} // namespace

NormalizedText NormalizedText::of(const QString& original) {
    NormalizedText out;
    out.text.reserve(original.size());
    out.origin.reserve(size_t(original.size()));
    out.originEnd.reserve(size_t(original.size()));
    bool pendingSpace = false;
    const qsizetype n = original.size();
    for (qsizetype i = 0; i < n;) {
        const QChar ch = original.at(i);
        int width = 1;
        char32_t c = ch.unicode();
        if (ch.isHighSurrogate() && i + 1 < n && original.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(ch, original.at(i + 1));
            width = 2;
        }
        // "develop-\nment" was one word broken by a line end.
        if ((c == u'-' || c == 0x00AD) && isLetterOrDigit(original, i - 1)) {
            qsizetype j = i + 1;
            while (j < n && (original.at(j) == u' ' || original.at(j) == u'\t')) ++j;
            if (j < n && original.at(j) == u'\n') {
                ++j;
                while (j < n && original.at(j).isSpace()) ++j;
                if (isLetterOrDigit(original, j)) {
                    i = j;
                    continue;
                }
            }
        }
        const bool apostropheInWord = isApostrophe(c) && isLetterOrDigit(original, i - 1) && isLetterOrDigit(original, i + width);
        QVarLengthArray<QChar, 8> piece; // what one character normalises to, without a heap allocation
        if (apostropheInWord) {
            piece.append(QChar(u'\''));
        } else if (c < 128) { // ASCII, most of any text: NFKC and case folding need no tables
            const char a = char(c);
            if ((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9')) piece.append(QChar(a));
            else if (a >= 'A' && a <= 'Z') piece.append(QChar(a - 'A' + 'a'));
        } else {
            const QString one = QString::fromUcs4(&c, 1).normalized(QString::NormalizationForm_KC);
            for (QChar k : one)
                if (k.isLetterOrNumber() || k.category() == QChar::Mark_NonSpacing) piece.append(k.toCaseFolded());
        }
        if (piece.isEmpty()) {
            pendingSpace = !out.text.isEmpty();
        } else {
            if (pendingSpace) {
                out.text += u' ';
                out.origin.push_back(i);
                out.originEnd.push_back(i);
                pendingSpace = false;
            }
            for (QChar k : piece) {
                out.text += k;
                out.origin.push_back(i);
                out.originEnd.push_back(i + width);
            }
        }
        i += width;
    }
    return out;
}

std::pair<qsizetype, qsizetype> NormalizedText::originalRange(qsizetype from, qsizetype to) const {
    if (from >= to || to > qsizetype(origin.size())) return {0, 0};
    return {origin[size_t(from)], originEnd[size_t(to - 1)]};
}

} // namespace warrant
