#pragma once

#include "Result.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace warrant::bench {

struct CorpusOptions {
    int transcripts = 1000;
    std::uint64_t seed = 0x57415252414E54ull; // "WARRANT"
    int meanWords = 8400;            // per transcript; 1,000 transcripts ≈ 8.4 M words ≈ 43 MB
    int codingsPerTranscript = 20;   // coder alewis; every fifth transcript also has bosei's codings
    int vocabulary = 50000;          // word forms, Zipf-distributed
    double zipfExponent = 1.07;
};

enum class QueryKind { Single, Phrase, And, Participant, Code };

// One benchmark query in engine-neutral form; each engine spells it in its own syntax.
struct BenchQuery {
    QueryKind kind = QueryKind::Single;
    QString word1;
    QString word2;        // Phrase, And
    QString participant;  // Participant
    QString codePath;     // Code: a codebook path ("Funding/European funds")
    int rank1 = 0;        // vocabulary rank of word1 (1 = most frequent)
};

struct CorpusStats {
    int transcripts = 0;
    int participants = 0;
    qint64 bytes = 0;       // transcript files, UTF-8
    qint64 words = 0;       // spoken words (header excluded)
    qint64 turns = 0;
    qint64 paragraphs = 0;
    qint64 codings = 0;     // rows in codings.csv
    double seconds = 0;
};

// Writes a deterministic synthetic interview corpus in the sample corpus's plain-text format
// (header block, INT:/participant turns, multi-paragraph answers):
//   DIR/transcripts/<code>[-n].txt, DIR/participants.csv (code,group,role),
//   DIR/codebook.csv (path,colour,description), DIR/codings.csv (participant,code,coder,text).
// The text is drawn from a Zipfian vocabulary of real function words, a few hundred real domain
// words and ~50k pronounceable synthetic forms with English inflections (so stemming matters).
// Transcript i depends only on the seed and i, so a smaller corpus is a prefix of a larger one;
// everything comes from our own PRNG and arithmetic, not from the standard library's distributions.
class CorpusGenerator {
public:
    using Progress = std::function<void(int done, int total)>;

    explicit CorpusGenerator(CorpusOptions options = {});
    ~CorpusGenerator();
    CorpusGenerator(const CorpusGenerator&) = delete;
    CorpusGenerator& operator=(const CorpusGenerator&) = delete;

    Result<CorpusStats> write(const QString& directory, const Progress& progress = {});

    // After write(): `count` queries of one kind, built deterministically from the vocabulary
    // and from text sampled while generating the first (up to) 1,000 transcripts, so corpora of
    // 1,000 and 10,000 transcripts are asked the same questions.
    std::vector<BenchQuery> queries(QueryKind kind, int count, std::uint64_t salt = 0) const;

    const std::vector<std::string>& vocabulary() const;
    static QStringList codebookPaths();
    static QString kindName(QueryKind kind);
    // True for the real function words at the top of the vocabulary ("the", "was", "we"…).
    static bool isFunctionWord(const QString& word);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace warrant::bench
