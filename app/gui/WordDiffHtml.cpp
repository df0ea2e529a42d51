#include "WordDiffHtml.h"

#include <algorithm>

namespace warrant {

namespace {

const QString kDeleteOpen = QStringLiteral("[-");
const QString kDeleteClose = QStringLiteral("-]");
const QString kInsertOpen = QStringLiteral("{+");
const QString kInsertClose = QStringLiteral("+}");

QString deletion(const QString& words) {
    return QStringLiteral("<s style=\"color:%1; background-color:#fde7e5\">%2</s>")
        .arg(WordDiffHtml::deletionColor(), words.toHtmlEscaped());
}

QString insertion(const QString& words) {
    return QStringLiteral("<span style=\"color:%1; background-color:#dcf5e3; font-weight:600\">%2</span>")
        .arg(WordDiffHtml::insertionColor(), words.toHtmlEscaped());
}

} // namespace

QString WordDiffHtml::render(const QString& diff) {
    QString out;
    qsizetype i = 0;
    const qsizetype n = diff.size();
    while (i < n) {
        const bool del = diff.mid(i, 2) == kDeleteOpen;
        const bool ins = !del && diff.mid(i, 2) == kInsertOpen;
        if (del || ins) {
            const qsizetype close = diff.indexOf(del ? kDeleteClose : kInsertClose, i + 2);
            if (close >= 0) {
                const QString words = diff.mid(i + 2, close - i - 2);
                out += del ? deletion(words) : insertion(words);
                i = close + 2;
                continue;
            }
        }
        // Plain text up to the next marker; an unterminated marker stays literal text.
        qsizetype next = n;
        for (const QString& open : {kDeleteOpen, kInsertOpen}) {
            const qsizetype at = diff.indexOf(open, i + 1);
            if (at >= 0) next = std::min(next, at);
        }
        out += diff.mid(i, next - i).toHtmlEscaped();
        i = next;
    }
    return out;
}

} // namespace warrant
