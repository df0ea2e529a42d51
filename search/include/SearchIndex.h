#pragma once

#include "Result.h"
#include "SearchResults.h"
#include "store/ChangeNotice.h"

#include <QString>

#include <functional>
#include <memory>

namespace warrant {

class Project;

struct SearchOptions {
    // Unranked: matches in index order with no weights, so the search stops as soon as it has
    // `limit` of them (for "does anything match?" questions).
    enum class Order { Relevance, Document, Unranked };
    int limit = 20;
    int offset = 0;
    Order order = Order::Relevance;
    bool snippets = true;    // highlighted snippet and match offsets for each hit
    bool facets = true;      // counts by participant, group and code over all matches
    int kwicWidth = 40;      // characters of context either side in keyword-in-context lines
    bool spelling = true;    // "did you mean" when nothing matches
};

// The full-text index of a project's passages (speaker turns, split when long; paragraphs of
// documents). It is a cache of the project file: missing, damaged or old-format indexes are
// rebuilt from the project. Xapian stays behind this interface; its errors come back as values.
//
// A rebuild writes base shards in parallel, without per-document term lists (smaller and faster
// to write, but their documents cannot be replaced). Later changes re-index the touched sources
// into a small delta database and hide those sources' base passages from every search; a rebuild
// (`warrant-cli reindex`) folds the delta back into the shards.
class SearchIndex {
public:
    using Progress = std::function<void(int done, int total)>;

    // NAME.warrant → NAME.warrant-index/
    static QString locationFor(const QString& projectPath);
    static int formatVersion();

    explicit SearchIndex(QString directory);
    ~SearchIndex();
    SearchIndex(const SearchIndex&) = delete;
    SearchIndex& operator=(const SearchIndex&) = delete;

    // Opens the index, rebuilding it when needed; `rebuilt` tells whether it was. Hit texts are
    // read from this project, so it must outlive the searches.
    Status open(Project& project, const Progress& progress = {}, bool* rebuilt = nullptr);
    Status rebuild(Project& project, const Progress& progress = {});
    // Brings the passages of the changed sources (or everything, after codebook or participant
    // changes) up to date. attach() does this automatically after every committed change.
    Status update(Project& project, const ChangeNotice& change);
    void attach(Project& project);
    void detach();
    // Rewrites the index compactly (smaller, faster to open); returns its size in bytes.
    Result<qint64> compact();

    Result<SearchResults> search(const QString& query, const SearchOptions& options = {});
    Result<qint64> passageCount();
    Result<qint64> sizeOnDisk();

    // Shards written in parallel when building; searched together as one database.
    static int shardCount();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace warrant
