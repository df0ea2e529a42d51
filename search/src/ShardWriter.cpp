#include "ShardWriter.h"

#include "DocumentBuilder.h"

#include <QDir>
#include <algorithm>
#include <xapian.h>

namespace warrant {

namespace {
constexpr int kPassagesPerPart = 800;
constexpr size_t kPartsPerRun = 48; // also bounds the files open during a merge
} // namespace

size_t ShardWriter::passagesPerPart() {
    // WARRANT_INDEX_PART_SIZE overrides it, for tuning and so tests exercise the merges.
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("WARRANT_INDEX_PART_SIZE", &ok);
    return size_t(ok && n > 0 ? n : kPassagesPerPart);
}

ShardWriter::ShardWriter(const IndexCatalog& catalog, QString folder, std::string shard)
    : m_catalog(catalog), m_folder(std::move(folder)), m_shard(std::move(shard)) {}

std::string ShardWriter::newPath() {
    return QStringLiteral("%1/part%2").arg(m_folder).arg(m_next++).toStdString();
}

void ShardWriter::merge(std::vector<std::string>& inputs, const std::string& output) {
    Xapian::Database all;
    for (const std::string& path : inputs)
        all.add_database(Xapian::Database(path));
    all.compact(output, 0, kBlockSize);
    all.close();
    for (const std::string& path : inputs)
        QDir(QString::fromStdString(path)).removeRecursively();
    inputs.clear();
}

void ShardWriter::write(const std::vector<const Passage*>& passages,
                        const std::map<std::string, std::string>& metadata,
                        const std::function<void()>& passageDone) {
    QDir().mkpath(m_folder);
    DocumentBuilder builder(m_catalog);
    std::vector<std::string> parts, runs;
    const size_t perPart = passagesPerPart();
    size_t from = 0;
    do {
        const size_t to = std::min(passages.size(), from + perPart);
        parts.push_back(newPath());
        // Parts are temporary: a crash leaves only the unfinished build folder, so skip fsync.
        // No termlists: they only serve deleting and replacing documents, which a base shard
        // never does (changes go to the delta database), and they were a fifth of the index.
        Xapian::WritableDatabase out(parts.back(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC |
                                                       Xapian::DB_NO_TERMLIST);
        for (size_t i = from; i < to; ++i) {
            out.add_document(builder.build(*passages[i]));
            if (passageDone) passageDone();
        }
        for (const auto& [key, value] : metadata)
            out.set_metadata(key, value); // compaction keeps it
        out.commit();
        out.close();
        from = to;
        if (parts.size() == kPartsPerRun) {
            runs.push_back(newPath());
            merge(parts, runs.back());
        }
    } while (from < passages.size());
    runs.insert(runs.end(), parts.begin(), parts.end());
    parts.clear();
    while (runs.size() > kPartsPerRun) { // only for very large shards
        std::vector<std::string> group(runs.begin(), runs.begin() + kPartsPerRun);
        runs.erase(runs.begin(), runs.begin() + kPartsPerRun);
        runs.push_back(newPath());
        merge(group, runs.back());
    }
    merge(runs, m_shard);
}

} // namespace warrant
