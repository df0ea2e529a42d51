#include "SearchIndex.h"

#include "CandidateBound.h"
#include "DocidListSource.h"
#include "DocumentBuilder.h"
#include "DocumentOrderKey.h"
#include "HitMarker.h"
#include "IndexCatalog.h"
#include "IndexTerms.h"
#include "LocationValue.h"
#include "PassageLoader.h"
#include "QueryBuilder.h"
#include "QueryParser.h"
#include "ShardWriter.h"
#include "ShardedEnquire.h"
#include "SpellingSuggester.h"
#include "StemVariants.h"
#include "TopCandidates.h"
#include "WordTokenizer.h"
#include "store/Project.h"
#include "store/SqliteSliceReader.h"
#include "text/TextOffsets.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <limits>
#include <map>
#include <set>
#include <thread>

namespace warrant {

namespace {

constexpr int kFormatVersion = 5;
constexpr int kShards = 2;
const char* const kVersionKey = "warrant.index.format";
const char* const kChangeKey = "warrant.index.change"; // last change-log id the index reflects
const char* const kSupersededKey = "warrant.index.superseded"; // sources the delta has replaced

QString fromStd(const std::string& s) { return QString::fromStdString(s); }

Error xapianError(const QString& what, const Xapian::Error& e) {
    return makeError(QStringLiteral("%1: %2").arg(what, fromStd(e.get_description())));
}

Result<qint64> lastChange(Project& project) {
    return project.db().queryInt(QStringLiteral("SELECT ifnull(max(id), 0) FROM change_log"));
}

QString shardPath(const QString& dir, int shard) { return QStringLiteral("%1/shard%2").arg(dir).arg(shard); }
// Changes after a rebuild go to a small delta database (see the class comment in the header).
QString deltaPath(const QString& dir) { return dir + QStringLiteral("/delta"); }

std::set<qint64> parseIds(const std::string& text) {
    std::set<qint64> ids;
    for (const QString& part : QString::fromStdString(text).split(u',', Qt::SkipEmptyParts)) ids.insert(part.toLongLong());
    return ids;
}

std::string joinIds(const std::set<qint64>& ids) {
    std::string out;
    for (qint64 id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
    return out;
}

int shardOf(qint64 sourceId) { return int(sourceId % kShards); }

qint64 directorySize(const QString& dir) {
    qint64 total = 0;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) total += QFileInfo(it.next()).size();
    return total;
}

double slotNumber(const Xapian::Document& doc, Xapian::valueno slot) {
    const std::string v = doc.get_value(slot);
    return v.empty() ? 0 : Xapian::sortable_unserialise(v);
}

} // namespace

struct SearchIndex::Impl {
    QString directory;
    std::unique_ptr<Xapian::Database> reader;
    IndexCatalog catalog;
    Project* attached = nullptr;
    Project* project = nullptr; // where hit texts are read from
    int listener = 0;
    Xapian::Stem stemmer{"en"};
    StemVariants variants{stemmer};
    std::vector<Xapian::Database> shards; // searched side by side; the delta is the last
    std::unique_ptr<DocumentOrderKey> documentOrder; // made on first use: it sorts every source title
    std::set<qint64> superseded;
    int topDepth = 0; // results every base shard's candidate lists cover (0: none)

    // The stem of a one-word search whose first results the shards' precomputed candidates can
    // answer (TopCandidates); empty when the full search must run. The lists describe the
    // shards as built: any later change (a delta passage, a hidden source) turns them off.
    std::string topCandidateStem(const QueryNode& query, const SearchOptions& options) {
        if (query.kind != QueryNode::Kind::Word || !candidatesApply(options)) return {};
        if (options.offset + options.limit > topDepth) return {};
        if (!superseded.empty() || shards.back().get_doccount() != 0) return {};
        return stemmer(WordTokenizer::term(query.text));
    }

    // The words whose weights add up to the query's weight, for a search that may try their
    // candidates first (CandidateBound): a phrase's words, or one word with a single spelling in
    // the corpus (a stem with several is weighed as a synonym, whose statistics the bound does
    // not model). Words joined by AND are left out: their first results have high counts of
    // both words, which the lists' bound cannot separate from the rest, so the proof failed for
    // every such search measured. Empty when the full search must run. The proof holds whatever
    // the delta hides: hiding passages only removes competitors.
    std::vector<std::string> boundedWords(const QueryNode& query, const SearchOptions& options) {
        if (options.limit == 0 || !candidatesApply(options)) return {};
        std::vector<std::string> words;
        if (query.kind == QueryNode::Kind::Phrase) {
            for (const QString& w : query.words) words.push_back(WordTokenizer::term(w));
        } else if (query.kind == QueryNode::Kind::Exact) {
            words.push_back(WordTokenizer::term(query.text));
        } else if (query.kind == QueryNode::Kind::Word) {
            const auto& spellings = variants.of(*reader, stemmer(WordTokenizer::term(query.text)));
            if (spellings.size() == 1) words.push_back(spellings.front());
        }
        return words;
    }

    // Candidate lists serve pages ranked by relevance without facets (which count every match).
    static bool candidatesApply(const SearchOptions& options) {
        if (options.facets || options.order != SearchOptions::Order::Relevance) return false;
        return options.offset >= 0 && options.limit >= 0;
    }

    Status openReader(Project& project) {
        Project* project_ = &project;
        auto expected = lastChange(project);
        if (!expected) return expected.error();
        auto db = std::make_unique<Xapian::Database>();
        std::vector<Xapian::Database> opened;
        int depth = std::numeric_limits<int>::max();
        for (int i = 0; i < kShards; ++i) {
            // Separate handles from the combined reader's: each thread of a search uses its own.
            Xapian::Database shard(shardPath(directory, i).toStdString());
            if (shard.get_metadata(kVersionKey) != std::to_string(kFormatVersion))
                return makeError(QStringLiteral("index format differs"));
            db->add_database(Xapian::Database(shardPath(directory, i).toStdString()));
            depth = std::min(depth, TopCandidates::depth(shard));
            opened.push_back(shard);
        }
        Xapian::Database changes(deltaPath(directory).toStdString());
        if (changes.get_metadata(kVersionKey) != std::to_string(kFormatVersion))
            return makeError(QStringLiteral("index format differs"));
        if (changes.get_metadata(kChangeKey) != std::to_string(*expected))
            return makeError(QStringLiteral("index is older than the project"));
        db->add_database(Xapian::Database(deltaPath(directory).toStdString()));
        opened.push_back(changes);
        shards = std::move(opened);
        topDepth = depth;
        superseded = parseIds(changes.get_metadata(kSupersededKey));
        auto catalogue = IndexCatalog::load(project);
        if (!catalogue) return catalogue.error();
        catalog = std::move(*catalogue);
        documentOrder.reset();
        reader = std::move(db);
        variants.forget();
        this->project = project_;
        return {};
    }
};

QString SearchIndex::locationFor(const QString& projectPath) { return projectPath + QStringLiteral("-index"); }
int SearchIndex::formatVersion() { return kFormatVersion; }
int SearchIndex::shardCount() { return kShards; }

SearchIndex::SearchIndex(QString directory) : d(std::make_unique<Impl>()) { d->directory = std::move(directory); }

SearchIndex::~SearchIndex() { detach(); }

Status SearchIndex::open(Project& project, const Progress& progress, bool* rebuilt) {
    if (rebuilt) *rebuilt = false;
    try {
        if (d->openReader(project)) return {};
    } catch (const Xapian::Error&) {
        // Missing, damaged, from another format or stale: the index is a cache, so rebuild it.
    }
    if (rebuilt) *rebuilt = true;
    return rebuild(project, progress);
}

Status SearchIndex::rebuild(Project& project, const Progress& progress) {
    d->reader.reset();
    auto catalogue = IndexCatalog::load(project);
    if (!catalogue) return catalogue.error();
    d->catalog = std::move(*catalogue);
    d->documentOrder.reset();
    auto change = lastChange(project);
    if (!change) return change.error();
    auto passages = PassageLoader(project, d->catalog).load();
    if (!passages) return passages.error();

    // Shards are written side by side, one thread each, and searched together as one database.
    std::vector<std::vector<const Passage*>> byShard(kShards);
    for (const Passage& p : *passages) byShard[size_t(shardOf(p.sourceId))].push_back(&p);
    const QString building = d->directory + QStringLiteral(".building");
    QDir(building).removeRecursively();
    if (!QDir().mkpath(building)) return makeError(QStringLiteral("%1: cannot create the index folder").arg(building));

    // Xapian flushes a writer every XAPIAN_FLUSH_THRESHOLD documents (10,000 unless set); parts
    // are meant to be committed once, so raise it unless the user chose a value.
    static bool thresholdIsOurs = false;
    if (thresholdIsOurs || qEnvironmentVariableIsEmpty("XAPIAN_FLUSH_THRESHOLD")) {
        qputenv("XAPIAN_FLUSH_THRESHOLD", QByteArray::number(qulonglong(ShardWriter::passagesPerPart() + 1)));
        thresholdIsOurs = true;
    }
    const std::map<std::string, std::string> metadata = {{kVersionKey, std::to_string(kFormatVersion)}};
    std::atomic<int> done{0};
    const int total = int(passages->size());
    std::vector<QString> errors(kShards);
    auto writeShard = [&](int shard) {
        try {
            ShardWriter writer(d->catalog, QStringLiteral("%1/parts%2").arg(building).arg(shard),
                               shardPath(building, shard).toStdString());
            writer.write(byShard[size_t(shard)], metadata, [&] {
                const int now = ++done;
                // Only the calling thread reports, so a GUI callback never runs on a worker.
                if (shard == 0 && progress && now % 500 == 0) progress(now, total);
            });
            TopCandidates::store(shardPath(building, shard).toStdString());
            QDir(QStringLiteral("%1/parts%2").arg(building).arg(shard)).removeRecursively();
        } catch (const Xapian::Error& e) {
            errors[size_t(shard)] = fromStd(e.get_description());
        } catch (const std::exception& e) {
            errors[size_t(shard)] = QString::fromUtf8(e.what());
        }
    };
    std::vector<std::thread> helpers;
    for (int shard = 1; shard < kShards; ++shard) helpers.emplace_back(writeShard, shard);
    writeShard(0); // on the calling thread
    for (std::thread& t : helpers) t.join();
    if (progress) progress(total, total);
    try {
        Xapian::WritableDatabase changes(deltaPath(building).toStdString(), Xapian::DB_CREATE_OR_OVERWRITE);
        changes.set_metadata(kVersionKey, std::to_string(kFormatVersion));
        changes.set_metadata(kChangeKey, std::to_string(*change));
        changes.commit();
    } catch (const Xapian::Error& e) {
        errors.push_back(fromStd(e.get_description()));
    }
    for (const QString& e : errors)
        if (!e.isEmpty()) {
            QDir(building).removeRecursively();
            return makeError(QStringLiteral("%1: cannot build the search index (%2)").arg(d->directory, e));
        }
    QDir(d->directory).removeRecursively();
    if (!QDir().rename(building, d->directory))
        return makeError(QStringLiteral("%1: cannot move the new index into place").arg(d->directory));
    try {
        return d->openReader(project);
    } catch (const Xapian::Error& e) {
        return xapianError(QStringLiteral("%1: the new index cannot be opened").arg(d->directory), e);
    }
}

Status SearchIndex::update(Project& project, const ChangeNotice& change) {
    auto catalogue = IndexCatalog::load(project);
    if (!catalogue) return catalogue.error();
    d->catalog = std::move(*catalogue);
    d->documentOrder.reset();
    // Merged or deleted codes can touch any passage: rebuild. Otherwise only the named sources.
    if (change.codebookChanged) return rebuild(project);
    auto last = lastChange(project);
    if (!last) return last.error();
    try {
        // The base shards stay as built; changed sources get new passages in the delta, and
        // their base passages are hidden from every search.
        Xapian::WritableDatabase out(deltaPath(d->directory).toStdString(), Xapian::DB_OPEN);
        std::set<qint64> superseded = d->superseded;
        if (!change.sourceIds.empty()) {
            auto passages = PassageLoader(project, d->catalog).load(change.sourceIds);
            if (!passages) return passages.error();
            DocumentBuilder builder(d->catalog);
            for (qint64 id : change.sourceIds) {
                out.delete_document(terms::kSource + std::to_string(id));
                superseded.insert(id);
            }
            for (const Passage& p : *passages) {
                Xapian::Document doc = builder.build(p);
                doc.add_boolean_term(terms::kDelta);
                out.add_document(doc);
            }
        }
        out.set_metadata(kSupersededKey, joinIds(superseded));
        out.set_metadata(kChangeKey, std::to_string(*last));
        out.commit();
        d->superseded = std::move(superseded);
        if (d->reader) d->reader->reopen();
        for (Xapian::Database& db : d->shards) db.reopen();
        d->variants.forget();
        return {};
    } catch (const Xapian::Error& e) {
        // An index that cannot be updated is rebuilt from the project rather than left stale.
        return rebuild(project);
    }
}

void SearchIndex::attach(Project& project) {
    detach();
    d->attached = &project;
    d->listener = project.addListener([this](const ChangeNotice& change) {
        if (d->attached) (void)update(*d->attached, change);
    });
}

void SearchIndex::detach() {
    if (d->attached) d->attached->removeListener(d->listener);
    d->attached = nullptr;
}

Result<qint64> SearchIndex::compact() {
    if (!d->reader || !d->project) return makeError(QStringLiteral("the search index is not open"));
    const QString compacted = d->directory + QStringLiteral(".compact");
    try {
        QDir(compacted).removeRecursively();
        QDir().mkpath(compacted);
        for (int i = 0; i < kShards; ++i)
            Xapian::Database(shardPath(d->directory, i).toStdString())
                .compact(shardPath(compacted, i).toStdString(), 0, ShardWriter::kBlockSize);
        Xapian::Database(deltaPath(d->directory).toStdString()).compact(deltaPath(compacted).toStdString());
        d->reader.reset();
        d->shards.clear();
        QDir(d->directory).removeRecursively();
        if (!QDir().rename(compacted, d->directory)) return makeError(QStringLiteral("%1: cannot replace the index").arg(d->directory));
        if (Status opened = d->openReader(*d->project); !opened) return opened.error();
    } catch (const Xapian::Error& e) {
        return xapianError(QStringLiteral("%1: compaction failed").arg(d->directory), e);
    }
    return directorySize(d->directory);
}

Result<qint64> SearchIndex::sizeOnDisk() { return directorySize(d->directory); }

Result<qint64> SearchIndex::passageCount() {
    if (!d->reader) return makeError(QStringLiteral("the search index is not open"));
    try {
        // Base passages of superseded sources are still stored but never found.
        qint64 count = qint64(d->reader->get_doccount());
        for (qint64 id : d->superseded) {
            const std::string term = terms::kSource + std::to_string(id);
            count -= qint64(d->reader->get_termfreq(term)) - qint64(d->shards.back().get_termfreq(term));
        }
        return count;
    } catch (const Xapian::Error& e) {
        return xapianError(QStringLiteral("search index"), e);
    }
}

Result<SearchResults> SearchIndex::search(const QString& query, const SearchOptions& options) {
    if (!d->reader) return makeError(QStringLiteral("the search index is not open"));
    QStringList fields;
    for (const QString& a : d->catalog.attributeNames) fields << a;
    auto parsed = QueryParser(fields).parse(query);
    if (!parsed) return parsed.error();
    QueryBuilder builder(d->catalog, d->stemmer, *d->reader, d->variants);
    auto xq = builder.build(*parsed);
    if (!xq) return xq.error();
    try {
        // One query object per sub-database (see ShardedEnquire); base shards also hide the
        // passages of sources the delta has replaced.
        std::vector<Xapian::Query> queries;
        for (size_t i = 0; i < d->shards.size(); ++i) {
            auto q = i == 0 ? xq : QueryBuilder(d->catalog, d->stemmer, *d->reader, d->variants).build(*parsed);
            if (!q) return q.error();
            Xapian::Query matching = *q;
            const bool base = i + 1 < d->shards.size();
            if (base && !d->superseded.empty()) {
                std::vector<Xapian::Query> replaced;
                for (qint64 id : d->superseded) replaced.emplace_back(terms::kSource + std::to_string(id));
                matching = Xapian::Query(Xapian::Query::OP_AND_NOT, matching,
                                         Xapian::Query(Xapian::Query::OP_OR, replaced.begin(), replaced.end()));
            }
            if (options.order == SearchOptions::Order::Unranked)
                matching = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, matching, 0.0);
            queries.push_back(matching);
        }
        std::vector<ShardedEnquire::Narrowing> narrowings(d->shards.size());
        const auto limitedTo = [](const Xapian::Query& q, std::vector<Xapian::docid> docids) {
            return Xapian::Query(Xapian::Query::OP_FILTER, q,
                                 Xapian::Query((new DocidListSource(std::move(docids)))->release()));
        };
        const std::string stem = d->topCandidateStem(*parsed, options);
        const std::vector<std::string> bounded = stem.empty() ? d->boundedWords(*parsed, options)
                                                              : std::vector<std::string>();
        for (size_t i = 0; i + 1 < d->shards.size(); ++i) {
            if (!stem.empty()) {
                if (auto list = TopCandidates::load(d->shards[i], stem))
                    narrowings[i] = {limitedTo(queries[i], std::move(list->docids)), nullptr, (long long)list->matches};
            } else if (!bounded.empty()) {
                if (auto bound = CandidateBound::make(d->shards[i], bounded)) {
                    const size_t wanted = size_t(options.offset + options.limit);
                    narrowings[i].query = limitedTo(queries[i], bound->candidates());
                    narrowings[i].proves = [bound = std::move(*bound), wanted](const Xapian::MSet& m) {
                        return bound.proves(m, wanted);
                    };
                }
            }
        }
        if (options.order == SearchOptions::Order::Document && !d->documentOrder)
            d->documentOrder = std::make_unique<DocumentOrderKey>(d->catalog);
        ShardedEnquire::Request request;
        request.first = size_t(std::max(0, options.offset));
        request.count = size_t(std::max(0, options.limit));
        request.sortKey = options.order == SearchOptions::Order::Document ? d->documentOrder.get() : nullptr;
        request.facets = options.facets;
        request.participantSlot = terms::ParticipantId;
        request.codesSlot = terms::DirectCodes;
        request.narrowings = std::move(narrowings);
        const ShardedEnquire::Answer answer = ShardedEnquire::run(d->shards, queries, request);
        SearchResults results;
        results.total = qint64(answer.total);
        HitMarker marker(builder.highlight());
        SqliteSliceReader texts(d->project->db(), "sources", "text");
        int rank = options.offset;
        for (const ShardedEnquire::Hit& found : answer.hits) {
            const Xapian::Document& doc = found.doc;
            SearchHit hit;
            const LocationValue at = LocationValue::unpack(doc.get_value(terms::Location));
            hit.sourceId = at.sourceId;
            hit.turnNumber = at.turnNumber;
            hit.start = qsizetype(at.start);
            hit.end = qsizetype(at.end);
            hit.passageId = QStringLiteral("%1:%2").arg(hit.sourceId).arg(hit.start);
            hit.interviewer = at.interviewer;
            hit.mediaTimeMs = at.mediaTimeMs;
            const qint64 participant = qint64(slotNumber(doc, terms::ParticipantId));
            if (auto p = d->catalog.participants.find(participant); p != d->catalog.participants.end())
                hit.participantCode = p->second.code;
            if (auto s = d->catalog.sources.find(hit.sourceId); s != d->catalog.sources.end()) {
                hit.sourceTitle = s->second.title;
                hit.sourceKind = s->second.kind;
            }
            hit.weight = found.weight;
            hit.rank = ++rank;
            // The text comes from the project file (read in place); the index keeps no copy.
            auto bytes = texts.read(hit.sourceId, at.byteStart, at.byteEnd - at.byteStart);
            if (!bytes) return bytes.error();
            hit.text = QString::fromUtf8(*bytes);
            if (options.snippets) {
                const auto spans = marker.find(hit.text);
                hit.snippet = HitMarker::snippet(hit.text, spans);
                const TextOffsets offsets(hit.text);
                for (const auto& [a, b] : spans) {
                    const qsizetype s = hit.start + offsets.codePointFromUtf16(a);
                    const qsizetype e = hit.start + offsets.codePointFromUtf16(b);
                    hit.matches.emplace_back(s, e);
                    if (options.kwicWidth > 0) {
                        KwicLine line;
                        line.hitIndex = qsizetype(results.hits.size());
                        line.left = hit.text.mid(std::max<qsizetype>(0, a - options.kwicWidth), std::min<qsizetype>(a, options.kwicWidth)).simplified();
                        line.match = hit.text.mid(a, b - a).simplified();
                        line.right = hit.text.mid(b, options.kwicWidth).simplified();
                        line.start = s;
                        line.end = e;
                        results.kwic.push_back(std::move(line));
                    }
                }
            }
            results.hits.push_back(std::move(hit));
        }
        if (options.facets) {
            std::map<QString, int> groups;
            for (const auto& [value, count] : answer.participantValues) {
                const qint64 id = qint64(Xapian::sortable_unserialise(value));
                auto p = d->catalog.participants.find(id);
                if (p == d->catalog.participants.end()) continue;
                results.byParticipant.push_back({p->second.code, count});
                const QString group = d->catalog.groupOf(id);
                if (!group.isEmpty()) groups[group] += count;
            }
            for (const auto& [group, count] : groups) results.byGroup.push_back({group, count});
            for (const auto& [id, count] : answer.codes)
                if (auto c = d->catalog.codes.find(id); c != d->catalog.codes.end())
                    results.byCode.push_back({c->second.path, count});
            const auto byCount = [](const FacetCount& a, const FacetCount& b) {
                return a.count != b.count ? a.count > b.count : a.value < b.value;
            };
            std::sort(results.byParticipant.begin(), results.byParticipant.end(), byCount);
            std::sort(results.byGroup.begin(), results.byGroup.end(), byCount);
            std::sort(results.byCode.begin(), results.byCode.end(), byCount);
        }
        if (results.total == 0 && options.spelling) results.suggestion = SpellingSuggester(*d->reader, d->stemmer, d->variants).suggest(query, builder.words());
        return results;
    } catch (const Xapian::Error& e) {
        return xapianError(QStringLiteral("search failed"), e);
    }
}

} // namespace warrant
