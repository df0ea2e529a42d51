#pragma once

#include "IndexCatalog.h"
#include "Passage.h"

#include <QString>
#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace warrant {

// Writes one shard of a new index. Xapian inverts documents in memory and merges each flush
// into the growing tables, rewriting their blocks; that made rebuilding slow and wrote several
// times the index size. Here passages go into small parts, each committed once to a database of
// its own; every few parts are merged into a run, and the runs into the shard, by Xapian's
// compaction, which streams sorted tables and writes each block once. Small parts also keep the
// in-memory inversion in the processor caches: measured fastest between 500 and 1,000 passages.
class ShardWriter {
  public:
    // `folder` holds the temporary parts; `shard` is the final database's path.
    ShardWriter(const IndexCatalog& catalog, QString folder, std::string shard);

    // Throws Xapian errors; the caller turns them into values.
    void write(const std::vector<const Passage*>& passages,
               const std::map<std::string, std::string>& metadata, const std::function<void()>& passageDone);

    static size_t passagesPerPart();
    // Block size of the merged tables: Xapian's largest. Long posting lists (frequent words) and
    // their positions are read with an eighth of the reads of the default 8 KB blocks.
    static constexpr int kBlockSize = 65536;

  private:
    std::string newPath();
    void merge(std::vector<std::string>& inputs, const std::string& output);

    const IndexCatalog& m_catalog;
    QString m_folder;
    std::string m_shard;
    int m_next = 0;
};

} // namespace warrant
