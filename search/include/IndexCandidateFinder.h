#pragma once

#include "trace/CandidateFinder.h"

#include <memory>

namespace warrant {

class SearchIndex;

// The auditor's view of the full-text index: candidate places for a quotation, a participant's
// passages ranked by how many of a claim's distinctive words they hold, and how much of a claim's
// vocabulary participants use. Make one per audit: it remembers word statistics meanwhile.
class IndexCandidateFinder : public CandidateFinder {
public:
    explicit IndexCandidateFinder(SearchIndex& index);
    ~IndexCandidateFinder() override;
    Result<Places> passagesWith(const QString& words, int limit) override;
    Result<std::vector<Suggestion>> suggest(const QString& claimText, const QString& participantCode, int limit) override;
    Result<Coverage> vocabularyCoverage(const QString& claimText, const QStringList& participantCodes) override;
    Result<bool> usesWord(const QString& word) override;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace warrant
