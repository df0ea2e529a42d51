#pragma once

#include "Result.h"

#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace warrant {

class Project;

// One passage found by a search, located in the project's own terms.
struct SearchHit {
    qint64 sourceId = 0;
    QString sourceTitle;
    QString participantCode;  // empty for interviewer turns and documents
    bool interviewer = false;
    int turnNumber = 0;
    qsizetype start = 0;      // code points into the source text
    qsizetype end = 0;
    QString snippet;          // plain text, match marked with [[ ]]
    double weight = 0;
};

struct SearchResults {
    qint64 estimatedTotal = 0;
    std::vector<SearchHit> hits;
};

// The full-text index of a project's speaker turns. It is a cache: everything in it is
// rebuilt from the project file, automatically when it is missing, damaged or from another
// index format. Xapian stays behind this interface.
class SearchIndex {
public:
    using Progress = std::function<void(int done, int total)>;

    // The index lives beside the project: NAME.warrant → NAME.warrant-index/
    static QString locationFor(const QString& projectPath);
    static int formatVersion();

    explicit SearchIndex(QString directory);
    ~SearchIndex();
    SearchIndex(const SearchIndex&) = delete;
    SearchIndex& operator=(const SearchIndex&) = delete;

    // Opens the index, rebuilding it from the project when needed. `rebuilt` tells whether it was.
    Status open(Project& project, const Progress& progress = {}, bool* rebuilt = nullptr);
    Status rebuild(Project& project, const Progress& progress = {});
    Result<SearchResults> search(const QString& query, int limit = 20, int offset = 0);
    Result<qint64> passageCount();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace warrant
