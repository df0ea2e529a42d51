#pragma once

#include "Result.h"

#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace warrant {

// Finds places in the project that may hold a quotation or support a claim. The search layer
// implements it with the full-text index; core only knows this interface. Every look-up returns
// an error when the index cannot answer, so a failure is never read as "nothing there".
class CandidateFinder {
public:
    virtual ~CandidateFinder() = default;

    using Places = std::vector<std::pair<qint64, qsizetype>>; // (source id, code-point offset)
    // Participants' passages likely to contain the words, best first.
    virtual Result<Places> passagesWith(const QString& words, int limit) = 0;

    struct Suggestion {
        qint64 sourceId = 0;
        qsizetype start = 0; // code points
        qsizetype end = 0;
        double relevance = 0; // 0..1: share of the claim's distinctive words the passage holds
    };
    // Passages of one participant ranked by relevance to a claim's words.
    virtual Result<std::vector<Suggestion>> suggest(const QString& claimText, const QString& participantCode, int limit) = 0;

    struct Coverage {
        double share = 1;        // 0..1: the claim's informative words the participants use, weighted by rarity
        QStringList missing;     // informative words none of them uses, rarest first
        QStringList usedBy;      // participants who do use the rarest missing words, most relevant first
    };
    // How much of a claim's vocabulary (words the corpus knows, each weighted by its inverse
    // passage frequency) occurs anywhere in what the participants said.
    virtual Result<Coverage> vocabularyCoverage(const QString& claimText, const QStringList& participantCodes) = 0;

    // Whether a transcript or document of the project (not a manuscript) uses this exact word.
    virtual Result<bool> usesWord(const QString& word) = 0;
};

} // namespace warrant
