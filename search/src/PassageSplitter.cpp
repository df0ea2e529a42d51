#include "PassageSplitter.h"

#include "text/TextOffsets.h"

namespace warrant {

namespace {

int countWords(QStringView text) {
    int words = 0;
    bool in = false;
    for (QChar c : text) {
        const bool space = c.isSpace();
        if (!space && !in) ++words;
        in = !space;
    }
    return words;
}

// UTF-16 positions just after each break of the given kind.
std::vector<qsizetype> breaks(const QString& text, bool paragraphs) {
    std::vector<qsizetype> out;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (paragraphs) {
            if (text.at(i) == u'\n' && text.at(i + 1) == u'\n') out.push_back(i + 2);
        } else if ((text.at(i) == u'.' || text.at(i) == u'?' || text.at(i) == u'!') && text.at(i + 1).isSpace()) {
            out.push_back(i + 2);
        }
    }
    return out;
}

} // namespace

std::vector<std::pair<qsizetype, qsizetype>> PassageSplitter::split(const QString& text, qsizetype start, int targetWords) {
    const TextOffsets offsets(text);
    const qsizetype length = offsets.codePointCount();
    if (countWords(text) <= targetWords * 3 / 2) return {{start, start + length}};

    // Cut points: paragraph breaks, else sentence ends; greedily close a piece once it holds
    // the target number of words.
    std::vector<qsizetype> cuts = breaks(text, true);
    if (cuts.empty()) cuts = breaks(text, false);
    std::vector<std::pair<qsizetype, qsizetype>> pieces;
    qsizetype pieceStart = 0;
    for (qsizetype cut : cuts) {
        if (countWords(QStringView(text).mid(pieceStart, cut - pieceStart)) < targetWords) continue;
        // A paragraph still far too long is cut again at its sentence ends.
        const QString piece = text.mid(pieceStart, cut - pieceStart);
        if (countWords(piece) > targetWords * 2 && !breaks(piece, false).empty() && breaks(piece, true).empty()) {
            for (const auto& [a, b] : split(piece, 0, targetWords))
                pieces.emplace_back(offsets.codePointFromUtf16(pieceStart) + a, offsets.codePointFromUtf16(pieceStart) + b);
        } else {
            pieces.emplace_back(offsets.codePointFromUtf16(pieceStart), offsets.codePointFromUtf16(cut));
        }
        pieceStart = cut;
    }
    if (pieceStart < text.size()) {
        const qsizetype tailStart = offsets.codePointFromUtf16(pieceStart);
        // A short tail joins the previous piece rather than standing alone.
        if (!pieces.empty() && countWords(QStringView(text).mid(pieceStart)) < targetWords / 3) pieces.back().second = length;
        else pieces.emplace_back(tailStart, length);
    }
    for (auto& [a, b] : pieces) {
        a += start;
        b += start;
    }
    return pieces;
}

} // namespace warrant
