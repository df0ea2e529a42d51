#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace warrant {

// One passage found by a search, located in the project's own terms. Offsets are code points
// into the source's text.
struct SearchHit {
    QString passageId;        // stable id: "<source id>:<start>"
    qint64 sourceId = 0;
    QString sourceTitle;
    QString sourceKind;       // transcript, document, manuscript
    QString participantCode;  // empty for interviewer turns and documents
    bool interviewer = false;
    int turnNumber = 0;       // 0 outside speaker turns
    qsizetype start = 0;
    qsizetype end = 0;
    std::optional<qint64> mediaTimeMs;
    double weight = 0;
    int rank = 0;             // 1-based position in the whole result list
    QString text;             // the passage
    QString snippet;          // an excerpt with matches between « and »
    std::vector<std::pair<qsizetype, qsizetype>> matches; // matched words, source offsets
};

// One keyword-in-context line, aligned on the match.
struct KwicLine {
    qsizetype hitIndex = 0;   // into SearchResults::hits
    QString left;             // context before the match, right-aligned by the caller
    QString match;
    QString right;
    qsizetype start = 0;      // the match, source offsets
    qsizetype end = 0;
};

struct FacetCount {
    QString value;
    int count = 0;
};

struct SearchResults {
    qint64 total = 0;          // all matching passages (exact for boolean filters, estimated otherwise)
    std::vector<SearchHit> hits;
    std::vector<KwicLine> kwic;
    std::vector<FacetCount> byParticipant;
    std::vector<FacetCount> byGroup;
    std::vector<FacetCount> byCode; // code paths
    QString suggestion;        // "did you mean" query, when a word is unknown to the corpus
};

} // namespace warrant
