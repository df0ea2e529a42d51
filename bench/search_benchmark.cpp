// warrant-bench-search: import + index throughput, index size, memory and query latency of the
// Xapian passage index on a synthetic corpus, compared in the same run, on the same passages and
// the same queries, with SQLite FTS5 and a naive LIKE '%…%' scan. See docs/performance.md.

#include "CorpusGenerator.h"
#include "MachineInfo.h"
#include "ProcessStats.h"
#include "SqliteBaseline.h"

#include "SearchIndex.h"
#include "ops/CodebookIo.h"
#include "ops/CodingCsvApplier.h"
#include "ops/ImportService.h"
#include "ops/ParticipantCsvImporter.h"
#include "store/Project.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <cmath>
#include <map>
#include <optional>

using namespace warrant;
using namespace warrant::bench;

namespace {

QTextStream& out() {
    static QTextStream s(stdout);
    return s;
}

void say(const QString& line) { out() << line << Qt::endl; }

struct Options {
    std::vector<int> sizes;
    int queries = 200;
    int likeQueries = 20;
    int meanWords = 8400;
    QString workdir;
    QString json;
    bool keep = false;
    bool skipFts5 = false;
    bool skipLike = false;
    bool child = false;
};

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

constexpr double kMB = 1e6; // decimal megabytes throughout

QString mb(qint64 bytes) { return QString::number(double(bytes) / kMB, 'f', 1) + QStringLiteral(" MB"); }
QString fixed(double v, int decimals = 2) { return QString::number(v, 'f', decimals); }
QString pad(const QString& s, int width) { return width < 0 ? s.rightJustified(-width) : s.leftJustified(width); }

// Nearest-rank percentile of sorted values.
double percentile(std::vector<double> v, double p) {
    if (v.empty()) return std::nan("");
    std::sort(v.begin(), v.end());
    const size_t rank = size_t(std::ceil(p / 100.0 * double(v.size())));
    return v[std::min(v.size() - 1, rank == 0 ? 0 : rank - 1)];
}

struct Latencies {
    QString name;
    std::vector<double> ms;
    qint64 totalMatches = 0;
    int zeroHits = 0;
    qint64 rows = 0;
    qint64 rowsWithSnippet = 0;
    int errors = 0;
    QString firstError;
    QStringList unmarked; // a few hits whose snippet marks no match

    double p(double q) const { return percentile(ms, q); }
    double max() const { return ms.empty() ? std::nan("") : *std::max_element(ms.begin(), ms.end()); }
    double mean() const {
        double s = 0;
        for (double x : ms) s += x;
        return ms.empty() ? std::nan("") : s / double(ms.size());
    }
    Latencies head(size_t n) const {
        Latencies h;
        h.name = name;
        h.ms.assign(ms.begin(), ms.begin() + qsizetype(std::min(n, ms.size())));
        return h;
    }
    void add(const Latencies& o) {
        ms.insert(ms.end(), o.ms.begin(), o.ms.end());
        totalMatches += o.totalMatches;
        zeroHits += o.zeroHits;
        rows += o.rows;
        rowsWithSnippet += o.rowsWithSnippet;
        errors += o.errors;
        if (firstError.isEmpty()) firstError = o.firstError;
        unmarked << o.unmarked;
    }
    QJsonObject json() const {
        QJsonObject o;
        o[QStringLiteral("queries")] = int(ms.size());
        o[QStringLiteral("p50_ms")] = p(50);
        o[QStringLiteral("p95_ms")] = p(95);
        o[QStringLiteral("max_ms")] = max();
        o[QStringLiteral("mean_ms")] = mean();
        o[QStringLiteral("zero_hit_queries")] = zeroHits;
        o[QStringLiteral("mean_matches")] = ms.empty() ? 0.0 : double(totalMatches) / double(ms.size());
        o[QStringLiteral("rows_returned")] = double(rows);
        o[QStringLiteral("rows_with_marked_snippet")] = double(rowsWithSnippet);
        o[QStringLiteral("errors")] = errors;
        if (!firstError.isEmpty()) o[QStringLiteral("first_error")] = firstError;
        if (!unmarked.isEmpty()) o[QStringLiteral("unmarked_snippet_examples")] = QJsonArray::fromStringList(unmarked);
        QJsonArray all;
        for (double x : ms) all.append(x);
        o[QStringLiteral("all_ms")] = all;
        return o;
    }
};

QString xapianQuery(const BenchQuery& q) {
    switch (q.kind) {
    case QueryKind::Single: return q.word1;
    case QueryKind::Phrase: return QStringLiteral("\"%1 %2\"").arg(q.word1, q.word2);
    case QueryKind::And: return QStringLiteral("%1 AND %2").arg(q.word1, q.word2);
    case QueryKind::Participant: return QStringLiteral("%1 participant:%2").arg(q.word1, q.participant);
    case QueryKind::Code: return QStringLiteral("%1 code:\"%2\"").arg(q.word1, q.codePath);
    }
    return q.word1;
}

QJsonObject phaseJson(const PhaseFigures& f) {
    QJsonObject o;
    o[QStringLiteral("name")] = f.name;
    o[QStringLiteral("seconds")] = f.seconds;
    o[QStringLiteral("cpu_seconds")] = f.cpuSeconds;
    o[QStringLiteral("rss_before_mb")] = double(f.rssBeforeKb) * 1024 / kMB;
    o[QStringLiteral("rss_after_mb")] = double(f.rssAfterKb) * 1024 / kMB;
    o[QStringLiteral("peak_rss_mb")] = double(f.peakRssKb) * 1024 / kMB;
    o[QStringLiteral("peak_is_phase_only")] = f.peakIsPhaseOnly;
    o[QStringLiteral("storage_read_mb")] = double(f.readBytes) / kMB;
    o[QStringLiteral("storage_write_mb")] = double(f.writeBytes) / kMB;
    o[QStringLiteral("write_calls_mb")] = double(f.writeCalls) / kMB;
    o[QStringLiteral("other_processes_cpu_seconds")] = f.otherCpuSeconds;
    o[QStringLiteral("steal_seconds")] = f.stealSeconds;
    return o;
}

void printPhase(const PhaseFigures& f, const QString& extra = {}) {
    say(QStringLiteral("  %1 %2 s  cpu %3 s (%4×, others %5 s)  rss %6 → %7 MB, peak %8 MB  write() %9 MB, to storage %10 MB%11")
            .arg(pad(f.name, 22), pad(fixed(f.seconds), -8), pad(fixed(f.cpuSeconds), -8),
                 fixed(f.seconds > 0 ? f.cpuSeconds / f.seconds : 0, 2), fixed(f.otherCpuSeconds + f.stealSeconds, 1))
            .arg(qint64(double(f.rssBeforeKb) * 1024 / kMB))
            .arg(qint64(double(f.rssAfterKb) * 1024 / kMB))
            .arg(qint64(double(f.peakRssKb) * 1024 / kMB))
            .arg(qint64(double(f.writeCalls) / kMB))
            .arg(qint64(double(f.writeBytes) / kMB))
            .arg(extra.isEmpty() ? QString() : QStringLiteral("  ") + extra));
}


const std::vector<QueryKind> kKinds = {QueryKind::Single, QueryKind::Phrase, QueryKind::And, QueryKind::Participant,
                                       QueryKind::Code};

// Rows of the comparison tables: the five classes and "filtered" (participant + code).
struct ClassRow {
    QString name;
    std::vector<QueryKind> kinds;
};
const std::vector<ClassRow> kRows = {{QStringLiteral("single"), {QueryKind::Single}},
                                     {QStringLiteral("phrase"), {QueryKind::Phrase}},
                                     {QStringLiteral("and"), {QueryKind::And}},
                                     {QStringLiteral("filtered"), {QueryKind::Participant, QueryKind::Code}},
                                     {QStringLiteral(" participant"), {QueryKind::Participant}},
                                     {QStringLiteral(" code"), {QueryKind::Code}}};

Latencies combine(const std::map<QueryKind, Latencies>& byKind, const ClassRow& row, size_t headPerKind = 0) {
    Latencies l;
    l.name = row.name.trimmed();
    for (QueryKind k : row.kinds) {
        auto it = byKind.find(k);
        if (it == byKind.end()) continue;
        l.add(headPerKind ? it->second.head(headPerKind) : it->second);
    }
    return l;
}

Result<QJsonObject> runOne(int transcripts, const Options& opt) {
    QJsonObject result;
    result[QStringLiteral("transcripts")] = transcripts;
    result[QStringLiteral("date")] = QDate::currentDate().toString(Qt::ISODate);
    result[QStringLiteral("machine")] = machineJson();
    QJsonArray phases;
    qint64 peakKb = 0;
    const auto phaseDone = [&](const PhaseFigures& f, const QString& extra = {}) {
        printPhase(f, extra);
        phases.append(phaseJson(f));
        peakKb = std::max(peakKb, f.peakRssKb);
    };

    // Work folder.
    std::optional<QTemporaryDir> temp;
    QString base = opt.workdir;
    if (base.isEmpty()) {
        temp.emplace(QDir::tempPath() + QStringLiteral("/warrant-bench-XXXXXX"));
        if (!temp->isValid()) return makeError(QStringLiteral("cannot create a temporary folder"));
        temp->setAutoRemove(!opt.keep);
        base = temp->path();
    }
    const QString runDir = QStringLiteral("%1/n%2").arg(base).arg(transcripts);
    QDir(runDir).removeRecursively();
    if (!QDir().mkpath(runDir)) return makeError(QStringLiteral("%1: cannot create the folder").arg(runDir));
    struct Cleanup {
        QString dir;
        bool keep;
        ~Cleanup() {
            if (!keep) QDir(dir).removeRecursively();
        }
    } cleanup{runDir, opt.keep};

    say(QStringLiteral("== %1 transcripts (work folder %2%3)").arg(transcripts).arg(runDir, opt.keep ? QStringLiteral(", kept") : QString()));

    // 1. Corpus.
    CorpusOptions corpusOptions;
    corpusOptions.transcripts = transcripts;
    corpusOptions.meanWords = opt.meanWords;
    CorpusGenerator generator(corpusOptions);
    const QString corpusDir = runDir + QStringLiteral("/corpus");
    Phase gen(QStringLiteral("generate corpus"));
    auto corpus = generator.write(corpusDir);
    if (!corpus) return corpus.error();
    phaseDone(gen.stop());
    const qint64 textBytes = corpus->bytes;
    say(QStringLiteral("  corpus: %1 transcripts, %2 participants, %3 M words, %4 (%5 KB and %6 words per transcript), "
                       "%7 turns, %8 coding rows")
            .arg(corpus->transcripts)
            .arg(corpus->participants)
            .arg(fixed(double(corpus->words) / 1e6))
            .arg(mb(textBytes))
            .arg(fixed(double(textBytes) / 1e3 / std::max(1, corpus->transcripts), 1))
            .arg(corpus->words / std::max(1, corpus->transcripts))
            .arg(corpus->turns)
            .arg(corpus->codings));
    QJsonObject corpusJson;
    corpusJson[QStringLiteral("transcripts")] = corpus->transcripts;
    corpusJson[QStringLiteral("participants")] = corpus->participants;
    corpusJson[QStringLiteral("words")] = double(corpus->words);
    corpusJson[QStringLiteral("bytes")] = double(textBytes);
    corpusJson[QStringLiteral("turns")] = double(corpus->turns);
    corpusJson[QStringLiteral("paragraphs")] = double(corpus->paragraphs);
    corpusJson[QStringLiteral("coding_rows")] = double(corpus->codings);
    corpusJson[QStringLiteral("vocabulary")] = int(generator.vocabulary().size());
    result[QStringLiteral("corpus")] = corpusJson;

    // 2. Project and import.
    const QString projectPath = runDir + QStringLiteral("/bench.warrant");
    auto created = Project::create(projectPath, QStringLiteral("bench"));
    if (!created) return created.error();
    std::unique_ptr<Project> project = std::move(*created);

    Phase importPhase(QStringLiteral("import transcripts"));
    ImportRequest request;
    request.paths << corpusDir + QStringLiteral("/transcripts");
    auto report = ImportService(*project).run(request);
    if (!report) return makeError(QStringLiteral("import: %1").arg(report.errorMessage()));
    const PhaseFigures importFigures = importPhase.stop();
    phaseDone(importFigures, QStringLiteral("%1 sources").arg(report->imported.size()));

    Phase participantsPhase(QStringLiteral("participants.csv"));
    auto participants = ParticipantCsvImporter(*project).importFile(corpusDir + QStringLiteral("/participants.csv"));
    if (!participants) return participants.error();
    phaseDone(participantsPhase.stop(), QStringLiteral("%1 participants").arg(*participants));
    Phase codebookPhase(QStringLiteral("codebook.csv"));
    auto codes = CodebookIo(*project).importFile(corpusDir + QStringLiteral("/codebook.csv"));
    if (!codes) return codes.error();
    phaseDone(codebookPhase.stop(), QStringLiteral("%1 codes").arg(*codes));
    Phase codingsPhase(QStringLiteral("codings.csv"));
    auto codings = CodingCsvApplier(*project).applyFile(corpusDir + QStringLiteral("/codings.csv"));
    if (!codings) return codings.error();
    phaseDone(codingsPhase.stop(), QStringLiteral("%1 codings").arg(*codings));
    result[QStringLiteral("project_bytes")] = double(QFileInfo(projectPath).size());

    // 3. Index.
    const QString indexDir = SearchIndex::locationFor(projectPath);
    std::vector<double> progressAt;
    PhaseFigures indexFigures;
    qint64 sizeBefore = 0, sizeAfter = 0, passages = 0;
    double firstProgress = -1, lastProgress = -1, compactSeconds = 0, openSeconds = 0;
    {
        SearchIndex index(indexDir);
        Phase indexPhase(QStringLiteral("index (rebuild)"));
        const auto t0 = Clock::now();
        Status built = index.rebuild(*project, [&](int done, int total) {
            const double t = since(t0);
            if (firstProgress < 0) firstProgress = t;
            if (done == total) lastProgress = t;
        });
        if (!built) return makeError(QStringLiteral("rebuild: %1").arg(built.errorMessage()));
        indexFigures = indexPhase.stop();
        auto size = index.sizeOnDisk();
        sizeBefore = size ? *size : -1;
        phaseDone(indexFigures, QStringLiteral("index %1").arg(mb(sizeBefore)));
        if (firstProgress >= 0)
            say(QStringLiteral("    progress callbacks: first at %1 s, %2 at %3 s; %4 s after the last one")
                    .arg(fixed(firstProgress))
                    .arg(lastProgress >= 0 ? QStringLiteral("done == total") : QStringLiteral("(none with done == total)"))
                    .arg(fixed(lastProgress))
                    .arg(fixed(lastProgress >= 0 ? indexFigures.seconds - lastProgress : 0)));
        Phase compactPhase(QStringLiteral("compact"));
        auto compacted = index.compact();
        if (!compacted) return makeError(QStringLiteral("compact: %1").arg(compacted.errorMessage()));
        const PhaseFigures cf = compactPhase.stop();
        compactSeconds = cf.seconds;
        sizeAfter = *compacted;
        phaseDone(cf, QStringLiteral("index %1").arg(mb(sizeAfter)));
    }
    SearchIndex index(indexDir);
    {
        Phase openPhase(QStringLiteral("open index"));
        bool rebuilt = false;
        Status opened = index.open(*project, {}, &rebuilt);
        if (!opened) return makeError(QStringLiteral("open: %1").arg(opened.errorMessage()));
        const PhaseFigures of = openPhase.stop();
        openSeconds = of.seconds;
        phaseDone(of, rebuilt ? QStringLiteral("REBUILT on open (the compacted index was not accepted)") : QString());
        auto count = index.passageCount();
        passages = count ? *count : -1;
    }
    const double importIndexSeconds = importFigures.seconds + indexFigures.seconds;
    const double mbPerSecond = double(textBytes) / kMB / importIndexSeconds;
    QJsonObject indexJson;
    indexJson[QStringLiteral("import_seconds")] = importFigures.seconds;
    indexJson[QStringLiteral("index_seconds")] = indexFigures.seconds;
    indexJson[QStringLiteral("index_cpu_seconds")] = indexFigures.cpuSeconds;
    indexJson[QStringLiteral("import_index_seconds")] = importIndexSeconds;
    indexJson[QStringLiteral("import_index_mb_per_s")] = mbPerSecond;
    indexJson[QStringLiteral("index_only_mb_per_s")] = double(textBytes) / kMB / indexFigures.seconds;
    indexJson[QStringLiteral("first_progress_seconds")] = firstProgress;
    indexJson[QStringLiteral("last_progress_seconds")] = lastProgress;
    indexJson[QStringLiteral("compact_seconds")] = compactSeconds;
    indexJson[QStringLiteral("open_seconds")] = openSeconds;
    indexJson[QStringLiteral("bytes_before_compaction")] = double(sizeBefore);
    indexJson[QStringLiteral("bytes_after_compaction")] = double(sizeAfter);
    indexJson[QStringLiteral("size_ratio_to_text")] = double(sizeAfter) / double(textBytes);
    indexJson[QStringLiteral("passages")] = double(passages);
    say(QStringLiteral("  import+index: %1 s → %2 MB/s (import %3 s, index %4 s); index %5 → %6 compacted = %7× the text; %8 passages")
            .arg(fixed(importIndexSeconds, 1), fixed(mbPerSecond), fixed(importFigures.seconds, 1), fixed(indexFigures.seconds, 1),
                 mb(sizeBefore), mb(sizeAfter), fixed(double(sizeAfter) / double(textBytes)))
            .arg(passages));

    // 4. Queries through SearchIndex: limit 20, snippets on, facets off.
    std::map<QueryKind, std::vector<BenchQuery>> querySets;
    for (QueryKind k : kKinds) querySets[k] = generator.queries(k, opt.queries);
    const auto runXapian = [&](const std::vector<BenchQuery>& set, const QString& name, bool facets, bool snippets = true) {
        Latencies l;
        l.name = name;
        SearchOptions so;
        so.limit = 20;
        so.snippets = snippets;
        so.facets = facets;
        for (const BenchQuery& q : set) {
            const QString text = xapianQuery(q);
            const auto t0 = Clock::now();
            auto r = index.search(text, so);
            const double ms = since(t0) * 1000;
            if (!r) {
                if (l.firstError.isEmpty()) l.firstError = text + QStringLiteral(": ") + r.errorMessage();
                ++l.errors;
                continue;
            }
            l.ms.push_back(ms);
            l.totalMatches += r->total;
            if (r->total == 0) ++l.zeroHits;
            for (const SearchHit& h : r->hits) {
                ++l.rows;
                if (h.snippet.contains(u'\u00AB')) ++l.rowsWithSnippet;
                else if (snippets && l.unmarked.size() < 5)
                    l.unmarked << QStringLiteral("%1 → passage %2: %3").arg(text, h.passageId, h.snippet.left(160));
            }
        }
        return l;
    };
    (void)runXapian(generator.queries(QueryKind::Single, 20, 1), QStringLiteral("warm-up"), false);
    std::map<QueryKind, Latencies> xapian;
    Phase xapianQueries(QStringLiteral("Xapian queries"));
    say(QStringLiteral("  Xapian queries (limit 20, snippets on, facets off; %1 per class):").arg(opt.queries));
    for (QueryKind k : kKinds) {
        xapian[k] = runXapian(querySets[k], CorpusGenerator::kindName(k), false);
        const Latencies& l = xapian[k];
        say(QStringLiteral("    %1 p50 %2 ms  p95 %3 ms  max %4 ms  mean matches %5  no hits %6  snippets marked %7/%8%9")
                .arg(pad(l.name, 12), pad(fixed(l.p(50)), -7), pad(fixed(l.p(95)), -7), pad(fixed(l.max()), -7))
                .arg(qint64(l.ms.empty() ? 0 : l.totalMatches / qint64(l.ms.size())))
                .arg(l.zeroHits)
                .arg(l.rowsWithSnippet)
                .arg(l.rows)
                .arg(l.errors ? QStringLiteral("  ERRORS %1: %2").arg(l.errors).arg(l.firstError) : QString()));
    }
    for (QueryKind k : kKinds)
        for (const QString& u : xapian[k].unmarked) say(QStringLiteral("    hit without a marked snippet: %1").arg(u));
    const Latencies facets = runXapian(querySets[QueryKind::Single], QStringLiteral("single+facets"), true);
    say(QStringLiteral("    %1 p50 %2 ms  p95 %3 ms  max %4 ms  (facets on)")
            .arg(pad(facets.name, 12), pad(fixed(facets.p(50)), -7), pad(fixed(facets.p(95)), -7), pad(fixed(facets.max()), -7)));
    // Where the time goes: the same queries without snippets (diagnostic; not a target).
    std::map<QueryKind, Latencies> bare;
    QString bareLine;
    for (QueryKind k : kKinds) {
        bare[k] = runXapian(querySets[k], CorpusGenerator::kindName(k), false, false);
        bareLine += QStringLiteral("  %1 %2/%3").arg(bare[k].name, fixed(bare[k].p(50)), fixed(bare[k].p(95)));
    }
    say(QStringLiteral("    without snippets, p50/p95 ms:%1").arg(bareLine));
    // The same sets split by whether a query contains a function word ("the", "was"): these
    // words match a large share of all passages and set the p95.
    QJsonObject splitJson;
    QString splitLine;
    for (QueryKind k : {QueryKind::Single, QueryKind::Phrase, QueryKind::And}) {
        Latencies content, function;
        const auto& set = querySets[k];
        const auto& ms = xapian[k].ms;
        if (ms.size() != set.size()) continue; // errors: times no longer line up with queries
        for (size_t i = 0; i < set.size(); ++i) {
            const bool f = CorpusGenerator::isFunctionWord(set[i].word1) ||
                           (!set[i].word2.isEmpty() && CorpusGenerator::isFunctionWord(set[i].word2));
            (f ? function : content).ms.push_back(ms[i]);
        }
        const QString name = CorpusGenerator::kindName(k);
        QJsonObject o;
        o[QStringLiteral("content_words")] = content.json();
        o[QStringLiteral("with_function_word")] = function.json();
        splitJson[name] = o;
        splitLine += QStringLiteral("  %1 %2/%3 (%4) vs %5/%6 (%7)")
                         .arg(name, fixed(content.p(50)), fixed(content.p(95)))
                         .arg(content.ms.size())
                         .arg(fixed(function.p(50)), fixed(function.p(95)))
                         .arg(function.ms.size());
    }
    say(QStringLiteral("    content words only vs with a function word, p50/p95 ms (queries):%1").arg(splitLine));
    phaseDone(xapianQueries.stop(), QStringLiteral("(all Xapian query sets)"));
    QJsonObject xapianJson;
    for (const ClassRow& row : kRows) xapianJson[row.name.trimmed()] = combine(xapian, row).json();
    xapianJson[QStringLiteral("single_with_facets")] = facets.json();
    QJsonObject bareJson;
    for (const ClassRow& row : kRows) bareJson[row.name.trimmed()] = combine(bare, row).json();
    xapianJson[QStringLiteral("without_snippets")] = bareJson;
    xapianJson[QStringLiteral("by_word_kind")] = splitJson;
    QJsonObject queriesJson;
    for (QueryKind k : kKinds) {
        QJsonArray a;
        for (const BenchQuery& q : querySets[k]) a.append(xapianQuery(q));
        queriesJson[CorpusGenerator::kindName(k)] = a;
    }
    result[QStringLiteral("queries")] = queriesJson;
    const qint64 runPeakKb = std::max(peakKb, maxRssKb());
    result[QStringLiteral("peak_rss_mb_xapian_part")] = double(runPeakKb) * 1024 / kMB;

    // 5. Baselines on the same passages.
    std::map<QueryKind, Latencies> fts, like;
    QJsonObject ftsJson, likeJson;
    QString ftsDetail;
    const bool ftsAvailable = SqliteBaseline::fts5Available(&ftsDetail);
    // Times the first `count` queries of a class on a baseline; LIKE counts every match, FTS5
    // only the rows it returns.
    const auto timeBaseline = [](QueryKind kind, const std::vector<BenchQuery>& set, size_t count,
                                 const std::function<Result<SqliteBaseline::QueryOutcome>(const BenchQuery&)>& query) {
        Latencies l;
        l.name = CorpusGenerator::kindName(kind);
        for (size_t i = 0; i < std::min(set.size(), count); ++i) {
            const auto t0 = Clock::now();
            auto r = query(set[i]);
            const double ms = since(t0) * 1000;
            if (!r) {
                if (l.firstError.isEmpty()) l.firstError = r.errorMessage();
                ++l.errors;
                continue;
            }
            l.ms.push_back(ms);
            l.totalMatches += r->matches;
            l.rows += r->rows;
            l.rowsWithSnippet += r->snippetsWithMark;
            if (r->matches == 0) ++l.zeroHits;
        }
        return l;
    };
    const auto printBaseline = [](const Latencies& l, int decimals) {
        say(QStringLiteral("    %1 p50 %2 ms  p95 %3 ms  max %4 ms  no hits %5%6")
                .arg(pad(l.name, 12), pad(fixed(l.p(50), decimals), -8), pad(fixed(l.p(95), decimals), -8),
                     pad(fixed(l.max(), decimals), -8))
                .arg(l.zeroHits)
                .arg(l.errors ? QStringLiteral("  ERRORS %1: %2").arg(l.errors).arg(l.firstError) : QString()));
    };
    if (!opt.skipFts5 || !opt.skipLike) {
        SqliteBaseline baseline;
        Phase loadPhase(QStringLiteral("baseline passages"));
        auto loaded = baseline.load(*project, runDir + QStringLiteral("/baseline.sqlite"));
        if (!loaded) return loaded.error();
        const PhaseFigures lf = loadPhase.stop();
        phaseDone(lf, QStringLiteral("%1 passages, %2 of text").arg(loaded->passages).arg(mb(loaded->textBytes)));
        if (loaded->passages != passages)
            say(QStringLiteral("  WARNING: the baseline holds %1 passages, the index %2: they no longer load alike")
                    .arg(loaded->passages)
                    .arg(passages));
        likeJson[QStringLiteral("passages")] = double(loaded->passages);
        likeJson[QStringLiteral("table_bytes")] = double(loaded->tableBytes);
        likeJson[QStringLiteral("extract_seconds")] = lf.seconds;

        if (opt.skipFts5) {
            say(QStringLiteral("  FTS5: skipped (--skip-fts5)"));
        } else if (!ftsAvailable) {
            say(QStringLiteral("  FTS5: SKIPPED — this SQLite has no FTS5 (%1)").arg(ftsDetail));
        } else {
            Phase ftsPhase(QStringLiteral("FTS5 build"));
            auto built = baseline.buildFts5();
            if (!built) return built.error();
            const PhaseFigures ff = ftsPhase.stop();
            phaseDone(ff, QStringLiteral("%1 MB/s, index %2 = %3× the text")
                              .arg(fixed(double(textBytes) / kMB / built->seconds), mb(built->indexBytes),
                                   fixed(double(built->indexBytes) / double(textBytes))));
            ftsJson[QStringLiteral("detail")] = ftsDetail;
            ftsJson[QStringLiteral("build_seconds")] = built->seconds;
            ftsJson[QStringLiteral("build_mb_per_s")] = double(textBytes) / kMB / built->seconds;
            ftsJson[QStringLiteral("extract_seconds")] = lf.seconds;
            ftsJson[QStringLiteral("extract_and_build_mb_per_s")] = double(textBytes) / kMB / (built->seconds + lf.seconds);
            ftsJson[QStringLiteral("index_bytes")] = double(built->indexBytes);
            ftsJson[QStringLiteral("size_ratio_to_text")] = double(built->indexBytes) / double(textBytes);
            // Warm-up, then the same queries as Xapian.
            for (const BenchQuery& q : generator.queries(QueryKind::Single, 20, 1)) (void)baseline.fts5(q);
            Phase ftsQueries(QStringLiteral("FTS5 queries"));
            say(QStringLiteral("  FTS5 queries (MATCH … ORDER BY rank LIMIT 20 with snippet()):"));
            for (QueryKind k : kKinds) {
                fts[k] = timeBaseline(k, querySets[k], querySets[k].size(), [&](const BenchQuery& q) { return baseline.fts5(q); });
                printBaseline(fts[k], 2);
            }
            phaseDone(ftsQueries.stop());
            for (const ClassRow& row : kRows) ftsJson[row.name.trimmed()] = combine(fts, row).json();
        }

        if (opt.skipLike) {
            say(QStringLiteral("  LIKE: skipped (--skip-like)"));
        } else {
            say(QStringLiteral("  LIKE scan (first %1 queries of each class; all matches counted, snippets for 20):").arg(opt.likeQueries));
            Phase likeQueries(QStringLiteral("LIKE queries"));
            for (QueryKind k : kKinds) {
                like[k] = timeBaseline(k, querySets[k], size_t(opt.likeQueries), [&](const BenchQuery& q) { return baseline.like(q); });
                printBaseline(like[k], 1);
            }
            phaseDone(likeQueries.stop());
            for (const ClassRow& row : kRows) likeJson[row.name.trimmed()] = combine(like, row).json();
        }
    }

    // 6. Comparison table: p95 (and p50) per class; LIKE compared on the same first queries.
    say(QString());
    say(QStringLiteral("  %1 transcripts, latency in ms (limit 20, snippets on):").arg(transcripts));
    say(QStringLiteral("    %1 %2 %3 %4 %5 %6 %7 %8")
            .arg(pad(QStringLiteral("class"), 12), pad(QStringLiteral("Xapian p50/p95"), -16), pad(QStringLiteral("FTS5 p50/p95"), -18),
                 pad(QStringLiteral("FTS5/X p95"), -11), pad(QStringLiteral("X p95 (LIKE set)"), -17),
                 pad(QStringLiteral("LIKE p50/p95"), -16), pad(QStringLiteral("LIKE/X p50"), -11), pad(QStringLiteral("LIKE/X p95"), -11)));
    QJsonObject ratios;
    for (const ClassRow& row : kRows) {
        const Latencies x = combine(xapian, row);
        const Latencies f = combine(fts, row);
        const Latencies xl = combine(xapian, row, size_t(opt.likeQueries));
        const Latencies l = combine(like, row);
        QJsonObject r;
        QString fCol = QStringLiteral("-"), fRatio = QStringLiteral("-"), lCol = QStringLiteral("-"), l50 = QStringLiteral("-"),
                l95 = QStringLiteral("-"), xlCol = QStringLiteral("-");
        if (!f.ms.empty()) {
            fCol = fixed(f.p(50), 1) + u'/' + fixed(f.p(95), 1);
            fRatio = fixed(f.p(95) / x.p(95), 1) + u'×';
            r[QStringLiteral("fts5_over_xapian_p95")] = f.p(95) / x.p(95);
            r[QStringLiteral("fts5_over_xapian_p50")] = f.p(50) / x.p(50);
        }
        if (!l.ms.empty()) {
            xlCol = fixed(xl.p(95));
            lCol = fixed(l.p(50), 0) + u'/' + fixed(l.p(95), 0);
            l50 = fixed(l.p(50) / xl.p(50), 0) + u'×';
            l95 = fixed(l.p(95) / xl.p(95), 0) + u'×';
            r[QStringLiteral("like_over_xapian_p50")] = l.p(50) / xl.p(50);
            r[QStringLiteral("like_over_xapian_p95")] = l.p(95) / xl.p(95);
        }
        ratios[row.name.trimmed()] = r;
        say(QStringLiteral("    %1 %2 %3 %4 %5 %6 %7 %8")
                .arg(pad(row.name, 12), pad(fixed(x.p(50)) + u'/' + fixed(x.p(95)), -16), pad(fCol, -18), pad(fRatio, -11),
                     pad(xlCol, -17), pad(lCol, -16), pad(l50, -11), pad(l95, -11)));
    }
    peakKb = std::max(peakKb, maxRssKb());
    say(QStringLiteral("  peak RSS: %1 MB (whole run); index phase %2 MB; import phase %3 MB")
            .arg(qint64(double(peakKb) * 1024 / kMB))
            .arg(qint64(double(indexFigures.peakRssKb) * 1024 / kMB))
            .arg(qint64(double(importFigures.peakRssKb) * 1024 / kMB)));

    // 7. Targets (the latency targets are stated for 10,000 transcripts).
    QJsonArray targets;
    const auto target = [&](const QString& what, double value, double limit, bool atMost, const QString& unit) {
        const bool met = atMost ? value <= limit : value >= limit;
        QJsonObject t;
        t[QStringLiteral("target")] = what;
        t[QStringLiteral("value")] = value;
        t[QStringLiteral("limit")] = limit;
        t[QStringLiteral("met")] = met;
        targets.append(t);
        say(QStringLiteral("    %1 %2 %4%3 (target %5%3)")
                .arg(met ? QStringLiteral("met    ") : QStringLiteral("NOT MET"), pad(what, 44), unit, fixed(value),
                     atMost ? QStringLiteral("≤ ") + fixed(limit, 0) : QStringLiteral("≥ ") + fixed(limit, 0)));
    };
    say(QStringLiteral("  targets%1:").arg(transcripts < 10000 ? QStringLiteral(" (latency targets are for 10,000 transcripts)") : QString()));
    target(QStringLiteral("import+index throughput"), mbPerSecond, 3, false, QStringLiteral(" MB/s"));
    target(QStringLiteral("compacted index / text"), double(sizeAfter) / double(textBytes), 3, true, QStringLiteral("×"));
    for (const ClassRow& row : kRows) {
        if (row.name.startsWith(u' ')) continue;
        const Latencies x = combine(xapian, row);
        target(QStringLiteral("%1 p95").arg(row.name), x.p(95), row.name == QStringLiteral("phrase") ? 25 : 10, true, QStringLiteral(" ms"));
        const Latencies f = combine(fts, row);
        if (!f.ms.empty()) target(QStringLiteral("%1: FTS5 p95 / Xapian p95").arg(row.name), f.p(95) / x.p(95), 1, false, QStringLiteral("×"));
        const Latencies l = combine(like, row);
        if (!l.ms.empty())
            target(QStringLiteral("%1: LIKE p95 / Xapian p95").arg(row.name), l.p(95) / combine(xapian, row, size_t(opt.likeQueries)).p(95), 50,
                   false, QStringLiteral("×"));
    }

    result[QStringLiteral("phases")] = phases;
    result[QStringLiteral("index")] = indexJson;
    result[QStringLiteral("xapian")] = xapianJson;
    if (!ftsJson.isEmpty()) result[QStringLiteral("fts5")] = ftsJson;
    if (!likeJson.isEmpty()) result[QStringLiteral("like")] = likeJson;
    result[QStringLiteral("ratios")] = ratios;
    result[QStringLiteral("targets")] = targets;
    result[QStringLiteral("peak_rss_mb")] = double(peakKb) * 1024 / kMB;
    result[QStringLiteral("text_bytes")] = double(textBytes);
    project.reset();
    return result;
}

// One line per figure, one column per corpus size.
void printSummary(const std::vector<QJsonObject>& runs) {
    if (runs.empty()) return;
    say(QString());
    say(QStringLiteral("== Summary"));
    QString header = pad(QString(), 34);
    for (const QJsonObject& r : runs) header += pad(QStringLiteral("%1 transcripts").arg(r[QStringLiteral("transcripts")].toInt()), -20);
    say(header);
    const auto line = [&](const QString& name, const std::function<QString(const QJsonObject&)>& value) {
        QString s = pad(name, 34);
        for (const QJsonObject& r : runs) s += pad(value(r), -20);
        say(s);
    };
    const auto num = [](const QJsonObject& o, const char* a, const char* b = nullptr, const char* c = nullptr) {
        QJsonValue v = o.value(QLatin1String(a));
        if (b) v = v.toObject().value(QLatin1String(b));
        if (c) v = v.toObject().value(QLatin1String(c));
        return v.isUndefined() ? std::nan("") : v.toDouble();
    };
    const auto show = [](double v, int decimals) { return std::isnan(v) ? QStringLiteral("-") : fixed(v, decimals); };
    const auto times = [](double v, int decimals) { return std::isnan(v) ? QStringLiteral("-") : fixed(v, decimals) + u'×'; };
    line(QStringLiteral("text (MB)"), [&](const QJsonObject& r) { return show(num(r, "text_bytes") / kMB, 1); });
    line(QStringLiteral("words (M)"), [&](const QJsonObject& r) { return show(num(r, "corpus", "words") / 1e6, 2); });
    line(QStringLiteral("passages"), [&](const QJsonObject& r) { return show(num(r, "index", "passages"), 0); });
    line(QStringLiteral("import (s)"), [&](const QJsonObject& r) { return show(num(r, "index", "import_seconds"), 1); });
    line(QStringLiteral("index rebuild (s)"), [&](const QJsonObject& r) { return show(num(r, "index", "index_seconds"), 1); });
    line(QStringLiteral("import+index (MB/s)"), [&](const QJsonObject& r) { return show(num(r, "index", "import_index_mb_per_s"), 2); });
    line(QStringLiteral("index before compaction (MB)"), [&](const QJsonObject& r) { return show(num(r, "index", "bytes_before_compaction") / kMB, 0); });
    line(QStringLiteral("index after compaction (MB)"), [&](const QJsonObject& r) { return show(num(r, "index", "bytes_after_compaction") / kMB, 0); });
    line(QStringLiteral("compacted index / text"), [&](const QJsonObject& r) { return times(num(r, "index", "size_ratio_to_text"), 2); });
    line(QStringLiteral("peak RSS (MB)"), [&](const QJsonObject& r) { return show(num(r, "peak_rss_mb"), 0); });
    for (const char* cls : {"single", "phrase", "and", "filtered"}) {
        line(QStringLiteral("Xapian %1 p50/p95 (ms)").arg(QLatin1String(cls)), [&](const QJsonObject& r) {
            return show(num(r, "xapian", cls, "p50_ms"), 2) + u'/' + show(num(r, "xapian", cls, "p95_ms"), 2);
        });
    }
    line(QStringLiteral("Xapian single+facets p50/p95"), [&](const QJsonObject& r) {
        return show(num(r, "xapian", "single_with_facets", "p50_ms"), 2) + u'/' + show(num(r, "xapian", "single_with_facets", "p95_ms"), 2);
    });
    line(QStringLiteral("FTS5 build (MB/s)"), [&](const QJsonObject& r) { return show(num(r, "fts5", "build_mb_per_s"), 1); });
    line(QStringLiteral("FTS5 index / text"), [&](const QJsonObject& r) { return times(num(r, "fts5", "size_ratio_to_text"), 2); });
    for (const char* cls : {"single", "phrase", "and", "filtered"}) {
        line(QStringLiteral("FTS5 %1 p50/p95 (ms)").arg(QLatin1String(cls)), [&](const QJsonObject& r) {
            return show(num(r, "fts5", cls, "p50_ms"), 1) + u'/' + show(num(r, "fts5", cls, "p95_ms"), 1);
        });
        line(QStringLiteral("  FTS5/Xapian p95"), [&](const QJsonObject& r) { return times(num(r, "ratios", cls, "fts5_over_xapian_p95"), 1); });
    }
    for (const char* cls : {"single", "phrase", "and", "filtered"}) {
        line(QStringLiteral("LIKE %1 p50/p95 (ms)").arg(QLatin1String(cls)), [&](const QJsonObject& r) {
            return show(num(r, "like", cls, "p50_ms"), 0) + u'/' + show(num(r, "like", cls, "p95_ms"), 0);
        });
        line(QStringLiteral("  LIKE/Xapian p95"), [&](const QJsonObject& r) { return times(num(r, "ratios", cls, "like_over_xapian_p95"), 0); });
    }
}

bool writeJson(const QString& path, const QJsonObject& o) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    f.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
    return true;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("warrant-bench-search"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Generates a synthetic interview corpus, imports and indexes it, and times searches of the Xapian index against "
        "SQLite FTS5 and a LIKE scan over the same passages. See docs/performance.md."));
    parser.addHelpOption();
    const QCommandLineOption transcriptsOpt(QStringLiteral("transcripts"),
                                            QStringLiteral("Corpus sizes, comma-separated (default 1000), e.g. 1000,10000."),
                                            QStringLiteral("N[,N…]"), QStringLiteral("1000"));
    const QCommandLineOption queriesOpt(QStringLiteral("queries"), QStringLiteral("Queries per class (default 200)."),
                                        QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption likeOpt(QStringLiteral("like-queries"),
                                     QStringLiteral("Queries per class for the slow LIKE scan (default 20)."), QStringLiteral("N"),
                                     QStringLiteral("20"));
    const QCommandLineOption wordsOpt(QStringLiteral("words"), QStringLiteral("Mean words per transcript (default 8400)."),
                                      QStringLiteral("N"), QStringLiteral("8400"));
    const QCommandLineOption workdirOpt(QStringLiteral("workdir"),
                                        QStringLiteral("Folder for the corpus, project and indexes (default: a temporary folder)."),
                                        QStringLiteral("DIR"));
    const QCommandLineOption keepOpt(QStringLiteral("keep"), QStringLiteral("Keep the corpus, project and indexes."));
    const QCommandLineOption skipFtsOpt(QStringLiteral("skip-fts5"), QStringLiteral("Do not build or query the FTS5 baseline."));
    const QCommandLineOption skipLikeOpt(QStringLiteral("skip-like"), QStringLiteral("Do not run the LIKE scan baseline."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Also write all figures as JSON."), QStringLiteral("FILE"));
    QCommandLineOption childOpt(QStringLiteral("child"), QStringLiteral("Internal: one corpus size, in a process of its own."));
    childOpt.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({transcriptsOpt, queriesOpt, likeOpt, wordsOpt, workdirOpt, keepOpt, skipFtsOpt, skipLikeOpt, jsonOpt, childOpt});
    parser.process(app);

    Options opt;
    for (const QString& part : parser.value(transcriptsOpt).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = part.trimmed().toInt(&ok);
        if (!ok || n < 1) {
            say(QStringLiteral("--transcripts: '%1' is not a positive number").arg(part));
            return 2;
        }
        opt.sizes.push_back(n);
    }
    opt.queries = std::max(1, parser.value(queriesOpt).toInt());
    opt.likeQueries = std::max(0, parser.value(likeOpt).toInt());
    opt.meanWords = std::max(100, parser.value(wordsOpt).toInt());
    opt.workdir = parser.value(workdirOpt);
    opt.json = parser.value(jsonOpt);
    opt.keep = parser.isSet(keepOpt);
    opt.skipFts5 = parser.isSet(skipFtsOpt);
    opt.skipLike = parser.isSet(skipLikeOpt) || opt.likeQueries == 0;
    opt.child = parser.isSet(childOpt);
    if (opt.sizes.empty()) opt.sizes.push_back(1000);

    if (!opt.child) {
        const QJsonObject m = machineJson();
        say(QStringLiteral("warrant-bench-search: %1, %2 cores, %3 GB RAM, %4; SQLite %5, Qt %6; %7")
                .arg(m[QStringLiteral("cpu")].toString())
                .arg(m[QStringLiteral("cores")].toInt())
                .arg(fixed(m[QStringLiteral("memory_gb")].toDouble(), 0))
                .arg(m[QStringLiteral("os")].toString(), m[QStringLiteral("sqlite")].toString(), m[QStringLiteral("qt")].toString(),
                     QDate::currentDate().toString(Qt::ISODate)));
        say(QStringLiteral("command: %1").arg(QCoreApplication::arguments().join(u' ')));
    }

    std::vector<QJsonObject> runs;
    if (opt.sizes.size() == 1) {
        auto r = runOne(opt.sizes.front(), opt);
        if (!r) {
            say(QStringLiteral("error: %1").arg(r.errorMessage()));
            return 1;
        }
        runs.push_back(*r);
    } else {
        // Each size in a process of its own, so peak RSS and caches are per size.
        QTemporaryDir jsonDir;
        for (int n : opt.sizes) {
            const QString childJson = jsonDir.path() + QStringLiteral("/n%1.json").arg(n);
            QStringList args = {QStringLiteral("--child"), QStringLiteral("--transcripts"), QString::number(n),
                                QStringLiteral("--queries"), QString::number(opt.queries), QStringLiteral("--like-queries"),
                                QString::number(opt.likeQueries), QStringLiteral("--words"), QString::number(opt.meanWords),
                                QStringLiteral("--json"), childJson};
            if (!opt.workdir.isEmpty()) args << QStringLiteral("--workdir") << opt.workdir;
            if (opt.keep) args << QStringLiteral("--keep");
            if (opt.skipFts5) args << QStringLiteral("--skip-fts5");
            if (opt.skipLike) args << QStringLiteral("--skip-like");
            out().flush();
            QProcess child;
            child.setProcessChannelMode(QProcess::ForwardedChannels);
            child.start(QCoreApplication::applicationFilePath(), args);
            child.waitForFinished(-1);
            if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
                say(QStringLiteral("error: the run for %1 transcripts failed (exit code %2)").arg(n).arg(child.exitCode()));
                return 1;
            }
            QFile f(childJson);
            if (!f.open(QIODevice::ReadOnly)) {
                say(QStringLiteral("error: %1: no figures from the run for %2 transcripts").arg(childJson).arg(n));
                return 1;
            }
            runs.push_back(QJsonDocument::fromJson(f.readAll()).object());
        }
    }
    if (!opt.child) printSummary(runs);

    if (!opt.json.isEmpty()) {
        QJsonObject all;
        if (opt.child) {
            all = runs.front();
        } else {
            all[QStringLiteral("command")] = QCoreApplication::arguments().join(u' ');
            all[QStringLiteral("machine")] = machineJson();
            all[QStringLiteral("date")] = QDate::currentDate().toString(Qt::ISODate);
            QJsonArray a;
            for (const QJsonObject& r : runs) a.append(r);
            all[QStringLiteral("runs")] = a;
        }
        if (!writeJson(opt.json, all)) {
            say(QStringLiteral("error: %1: cannot write").arg(opt.json));
            return 1;
        }
        if (!opt.child) say(QStringLiteral("figures written to %1").arg(opt.json));
    }
    return 0;
}
