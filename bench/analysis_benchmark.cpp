// warrant-bench-analysis: the core analyses (intercoder agreement, code matrix, co-occurrence,
// coverage) timed on the path a user's request takes — open the project read-only, load the
// AnalysisSnapshot, compute — on the search benchmark's corpus (10,000 transcripts, about 220,000
// codings by default). See docs/performance.md, "Analysis (agreement, matrix, co-occurrence)".

#include "MachineInfo.h"
#include "CorpusGenerator.h"
#include "ProcessStats.h"

#include "analysis/AnalysisSnapshot.h"
#include "analysis/CodeCooccurrence.h"
#include "analysis/CodeMatrix.h"
#include "analysis/IntercoderAgreement.h"
#include "analysis/SaturationCoverage.h"
#include "ops/CodebookIo.h"
#include "ops/CodingCsvApplier.h"
#include "ops/ImportService.h"
#include "ops/ParticipantCsvImporter.h"
#include "store/AnalysisRepository.h"
#include "store/Project.h"
#include "store/SqliteStatement.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>

#include <sys/resource.h>

using namespace warrant;
using namespace warrant::bench;

namespace {

void say(const QString& line) {
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

constexpr double kMB = 1e6;

QString fixed(double v, int decimals = 2) { return QString::number(v, 'f', decimals); }
QString pad(const QString& s, int width) { return width < 0 ? s.rightJustified(-width) : s.leftJustified(width); }
QString ms(double seconds) { return seconds < 0.1 ? fixed(seconds * 1e3, 1) + QStringLiteral(" ms") : fixed(seconds * 1e3, 0) + QStringLiteral(" ms"); }

double median(std::vector<double> v) {
    if (v.empty()) return std::nan("");
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}
double minOf(const std::vector<double>& v) { return v.empty() ? std::nan("") : *std::min_element(v.begin(), v.end()); }
double maxOf(const std::vector<double>& v) { return v.empty() ? std::nan("") : *std::max_element(v.begin(), v.end()); }

QString loadAverage() {
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly)) return QStringLiteral("?");
    const QList<QByteArray> parts = f.readAll().simplified().split(' ');
    return QStringLiteral("%1 %2 %3").arg(QString::fromLatin1(parts.value(0)), QString::fromLatin1(parts.value(1)),
                                          QString::fromLatin1(parts.value(2)));
}


QJsonObject phaseJson(const PhaseFigures& f) {
    return {{QStringLiteral("name"), f.name},
            {QStringLiteral("seconds"), f.seconds},
            {QStringLiteral("cpu_seconds"), f.cpuSeconds},
            {QStringLiteral("rss_before_mb"), double(f.rssBeforeKb) * 1024 / kMB},
            {QStringLiteral("rss_after_mb"), double(f.rssAfterKb) * 1024 / kMB},
            {QStringLiteral("peak_rss_mb"), double(f.peakRssKb) * 1024 / kMB},
            {QStringLiteral("storage_read_mb"), double(f.readBytes) / kMB},
            {QStringLiteral("other_processes_cpu_seconds"), f.otherCpuSeconds},
            {QStringLiteral("steal_seconds"), f.stealSeconds}};
}

void printSetupPhase(const PhaseFigures& f, const QString& extra = {}) {
    say(QStringLiteral("  %1 %2 s  cpu %3 s  others %4 s  peak %5 MB%6")
            .arg(pad(f.name, 20), pad(fixed(f.seconds), -8), pad(fixed(f.cpuSeconds), -8), fixed(f.otherCpuSeconds + f.stealSeconds, 1))
            .arg(qint64(double(f.peakRssKb) * 1024 / kMB))
            .arg(extra.isEmpty() ? QString() : QStringLiteral("  ") + extra));
}

struct Options {
    int transcripts = 10000;
    int repeats = 5;
    int meanWords = 8400;
    QString workdir;
    QString json;
    bool keep = false;
    bool reuse = false;
    QStringList only; // analyses whose names contain one of these (empty: all)
};

// What one analysis run cost: the snapshot load before it and the computation itself.
struct Sample {
    PhaseFigures open, load, compute;
    qint64 loadFaults = 0, computeFaults = 0; // page faults (minor and major) within each
};

// Page faults of the process so far: on this kind of virtual machine a fault costs microseconds,
// so memory first touched (fresh allocations, the project file's memory map) shows up here.
qint64 pageFaults() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_minflt + usage.ru_majflt);
}

// The repeated runs of one analysis.
struct Series {
    QString name;
    std::vector<Sample> samples;
    QString result; // a one-line summary of what it computed (the same every run)

    std::vector<double> values(const std::function<double(const Sample&)>& f) const {
        std::vector<double> v;
        for (const Sample& s : samples) v.push_back(f(s));
        return v;
    }
    std::vector<double> compute() const { return values([](const Sample& s) { return s.compute.seconds; }); }
    std::vector<double> computeCpu() const { return values([](const Sample& s) { return s.compute.cpuSeconds; }); }
    std::vector<double> load() const { return values([](const Sample& s) { return s.load.seconds; }); }
    std::vector<double> total() const { return values([](const Sample& s) { return s.load.seconds + s.compute.seconds; }); }
    std::vector<double> totalCpu() const { return values([](const Sample& s) { return s.load.cpuSeconds + s.compute.cpuSeconds; }); }
    double others() const {
        double o = 0;
        for (const Sample& s : samples) o += s.load.otherCpuSeconds + s.compute.otherCpuSeconds;
        return o;
    }
    double steal() const {
        double o = 0;
        for (const Sample& s : samples) o += s.load.stealSeconds + s.compute.stealSeconds;
        return o;
    }
    double wall() const {
        double o = 0;
        for (const Sample& s : samples) o += s.load.seconds + s.compute.seconds;
        return o;
    }
    qint64 peakKb() const {
        qint64 p = 0;
        for (const Sample& s : samples) p = std::max({p, s.load.peakRssKb, s.compute.peakRssKb});
        return p;
    }
};

QString spread(const std::vector<double>& v) {
    if (v.size() < 2) return ms(median(v));
    return QStringLiteral("%1 (%2–%3)").arg(ms(median(v)), ms(minOf(v)), ms(maxOf(v)));
}

QJsonObject statsJson(const std::vector<double>& v) {
    QJsonArray all;
    for (double x : v) all.append(x);
    return {{QStringLiteral("median"), median(v)}, {QStringLiteral("min"), minOf(v)}, {QStringLiteral("max"), maxOf(v)},
            {QStringLiteral("all"), all}};
}

using Analysis = std::function<Result<QString>(Project&, const AnalysisSnapshot&)>;

struct Bench {
    QString name;
    Analysis run;
    bool once = false; // timed a single time (the slow agreement units)
};

QString agreementSummary(const AgreementReport& r) {
    return QStringLiteral("%1 sources, %2 units per code; pooled both %3, %4 only %5, %6 only %7; kappa %8, alpha %9, cu-alpha %10")
        .arg(r.sources.size())
        .arg(r.total.units / std::max<qint64>(1, qint64(r.codes.size())))
        .arg(r.total.both)
        .arg(r.coders.value(0))
        .arg(r.total.firstOnly)
        .arg(r.coders.value(1))
        .arg(r.total.secondOnly)
        .arg(r.total.kappa ? fixed(*r.total.kappa, 3) : QStringLiteral("-"))
        .arg(r.total.alpha ? fixed(*r.total.alpha, 3) : QStringLiteral("-"))
        .arg(r.cuAlpha ? fixed(*r.cuAlpha, 3) : QStringLiteral("-"));
}

QString matrixSummary(const CodeMatrixResult& m) {
    qint64 sum = 0;
    for (const auto& line : m.cells)
        for (qint64 n : line) sum += n;
    return QStringLiteral("%1 rows × %2 columns, cells sum to %3").arg(m.rows.size()).arg(m.columns.size()).arg(sum);
}

QString cooccurrenceSummary(const CooccurrenceResult& c) {
    qint64 together = 0;
    for (const CooccurrencePair& p : c.pairs) together += p.together;
    return QStringLiteral("%1 pairs, %2 places in common; top: %3 + %4 (%5)")
        .arg(c.pairs.size())
        .arg(together)
        .arg(c.pairs.empty() ? QString() : c.pairs.front().firstCode, c.pairs.empty() ? QString() : c.pairs.front().secondCode)
        .arg(c.pairs.empty() ? 0 : c.pairs.front().together);
}

std::vector<Bench> analyses(const QStringList& coders) {
    const auto agreement = [coders](AgreementUnit unit) {
        return [coders, unit](Project& project, const AnalysisSnapshot& snapshot) -> Result<QString> {
            AgreementRequest request;
            request.coders = coders;
            request.unit = unit;
            auto r = IntercoderAgreement::compute(project, snapshot, request);
            if (!r) return r.error();
            return agreementSummary(*r);
        };
    };
    const auto matrix = [](const QString& columns) {
        return [columns](Project& project, const AnalysisSnapshot& snapshot) -> Result<QString> {
            MatrixRequest request;
            request.columns = columns;
            request.count = MatrixCount::Segments;
            auto m = CodeMatrix::compute(project, snapshot, request);
            if (!m) return m.error();
            return matrixSummary(*m);
        };
    };
    const auto cooccurrence = [](CooccurrenceScope scope) {
        return [scope](Project&, const AnalysisSnapshot& snapshot) -> Result<QString> {
            auto c = CodeCooccurrence::compute(snapshot, {}, scope);
            if (!c) return c.error();
            return cooccurrenceSummary(*c);
        };
    };
    return {
        {QStringLiteral("agreement, unit turn"), agreement(AgreementUnit::Turn)},
        {QStringLiteral("matrix × group, segments"), matrix(QStringLiteral("group"))},
        {QStringLiteral("matrix × participant, segments"), matrix(QStringLiteral("participant"))},
        {QStringLiteral("co-occurrence within segment"), cooccurrence(CooccurrenceScope::Segment)},
        {QStringLiteral("co-occurrence within turn"), cooccurrence(CooccurrenceScope::Turn)},
        {QStringLiteral("coverage"),
         [](Project&, const AnalysisSnapshot& snapshot) -> Result<QString> {
             auto c = SaturationCoverage::coverage(snapshot);
             if (!c) return c.error();
             qint64 spoken = 0, coded = 0;
             for (const ParticipantCoverage& p : c->participants) {
                 spoken += p.spokenCharacters;
                 coded += p.codedCharacters;
             }
             return QStringLiteral("%1 codes, %2 participants, %3 % of spoken characters coded")
                 .arg(c->codes.size())
                 .arg(c->participants.size())
                 .arg(fixed(spoken ? 100.0 * double(coded) / double(spoken) : 0, 2));
         }},
        {QStringLiteral("agreement, unit character"), agreement(AgreementUnit::Character), true},
        {QStringLiteral("agreement, unit sentence"), agreement(AgreementUnit::Sentence), true},
    };
}


// Where AnalysisSnapshot::load spends its time: each of AnalysisRepository's bulk reads on its own,
// and (marked "variant") the same reads written differently, to size what a change would save.
struct LoadStep {
    QString name;
    std::function<Result<qint64>(Project&)> run; // rows read
};

template <typename T>
std::function<Result<qint64>(Project&)> repositoryRead(Result<T> (AnalysisRepository::*read)()) {
    return [read](Project& project) -> Result<qint64> {
        AnalysisRepository repo(project);
        auto rows = (repo.*read)();
        if (!rows) return rows.error();
        return qint64(rows->size());
    };
}

// Steps through a query, reading every column as the repository would (integers, or text where
// `textColumns` says so).
std::function<Result<qint64>(Project&)> sqlRead(const QString& sql, int columns, QList<int> textColumns = {}) {
    return [sql, columns, textColumns](Project& project) -> Result<qint64> {
        SqliteStatement rows = project.db().prepare(sql);
        if (!rows.valid()) return makeError(project.db().lastError());
        qint64 n = 0, sum = 0;
        while (rows.next()) {
            for (int c = 0; c < columns; ++c)
                sum += textColumns.contains(c) ? rows.text(c).size() : rows.int64(c);
            ++n;
        }
        if (rows.failed()) return makeError(rows.error());
        return n + (sum == -1 ? 1 : 0); // keeps the reads from being optimised away
    };
}

std::vector<LoadStep> loadSteps(const std::vector<qint64>& compared) {
    const auto perSource = [compared](auto read) {
        return [compared, read](Project& project) -> Result<qint64> {
            AnalysisRepository repo(project);
            auto rows = (repo.*read)(compared);
            if (!rows) return rows.error();
            return qint64(rows->size());
        };
    };
    return {
        {QStringLiteral("codes()"), repositoryRead(&AnalysisRepository::codes)},
        {QStringLiteral("sources()"), repositoryRead(&AnalysisRepository::sources)},
        {QStringLiteral("turns()"), repositoryRead(&AnalysisRepository::turns)},
        {QStringLiteral("codings()"), repositoryRead(&AnalysisRepository::codings)},
        {QStringLiteral("participants()"), repositoryRead(&AnalysisRepository::participants)},
        {QStringLiteral("coders()"), repositoryRead(&AnalysisRepository::coders)},
        {QStringLiteral("variant: sources, id/title/kind/Date only"),
         sqlRead(QStringLiteral("SELECT s.id, s.title, s.kind, ifnull((SELECT h.value FROM source_header h WHERE h.source_id = s.id AND "
                                "h.key = 'Date' COLLATE NOCASE ORDER BY h.position LIMIT 1), '') FROM sources s ORDER BY s.id"),
                 4, {1, 2, 3})},
        {QStringLiteral("variant: sources, id + participant_id"), sqlRead(QStringLiteral("SELECT id, ifnull(participant_id, 0) FROM sources ORDER BY id"), 2)},
        {QStringLiteral("sentence unit: texts(compared sources)"), perSource(&AnalysisRepository::texts)},
        {QStringLiteral("character unit: lengths(compared sources)"), perSource(&AnalysisRepository::lengths)},
        {QStringLiteral("variant: turns by source_id, turn_number"),
         sqlRead(QStringLiteral("SELECT id, source_id, turn_number, start_pos, end_pos, ifnull(participant_id, 0), is_interviewer "
                                "FROM turns ORDER BY source_id, turn_number"), 7)},
    };
}

bool writeJson(const QString& path, const QJsonObject& o) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    f.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
    return true;
}

// Generates the search benchmark's corpus and imports it the same way (ImportService, then
// participants.csv, codebook.csv and codings.csv), so the project is the same one.
Status buildProject(const QString& runDir, const QString& projectPath, const Options& opt, QJsonObject& result) {
    QJsonArray phases;
    CorpusOptions corpusOptions;
    corpusOptions.transcripts = opt.transcripts;
    corpusOptions.meanWords = opt.meanWords;
    CorpusGenerator generator(corpusOptions);
    const QString corpusDir = runDir + QStringLiteral("/corpus");
    Phase gen(QStringLiteral("generate corpus"));
    auto corpus = generator.write(corpusDir);
    if (!corpus) return corpus.error();
    PhaseFigures f = gen.stop();
    printSetupPhase(f, QStringLiteral("%1 transcripts, %2 M words, %3 coding rows")
                           .arg(corpus->transcripts)
                           .arg(fixed(double(corpus->words) / 1e6))
                           .arg(corpus->codings));
    phases.append(phaseJson(f));

    auto created = Project::create(projectPath, QStringLiteral("bench"));
    if (!created) return created.error();
    std::unique_ptr<Project> project = std::move(*created);
    Phase importPhase(QStringLiteral("import transcripts"));
    ImportRequest request;
    request.paths << corpusDir + QStringLiteral("/transcripts");
    auto report = ImportService(*project).run(request);
    if (!report) return makeError(QStringLiteral("import: %1").arg(report.errorMessage()));
    f = importPhase.stop();
    printSetupPhase(f, QStringLiteral("%1 sources").arg(report->imported.size()));
    phases.append(phaseJson(f));

    Phase participantsPhase(QStringLiteral("participants.csv"));
    auto participants = ParticipantCsvImporter(*project).importFile(corpusDir + QStringLiteral("/participants.csv"));
    if (!participants) return participants.error();
    f = participantsPhase.stop();
    printSetupPhase(f, QStringLiteral("%1 participants").arg(*participants));
    phases.append(phaseJson(f));

    Phase codebookPhase(QStringLiteral("codebook.csv"));
    auto codes = CodebookIo(*project).importFile(corpusDir + QStringLiteral("/codebook.csv"));
    if (!codes) return codes.error();
    f = codebookPhase.stop();
    printSetupPhase(f, QStringLiteral("%1 codes").arg(*codes));
    phases.append(phaseJson(f));

    Phase codingsPhase(QStringLiteral("codings.csv"));
    auto codings = CodingCsvApplier(*project).applyFile(corpusDir + QStringLiteral("/codings.csv"));
    if (!codings) return codings.error();
    f = codingsPhase.stop();
    printSetupPhase(f, QStringLiteral("%1 codings").arg(*codings));
    phases.append(phaseJson(f));

    result[QStringLiteral("setup_phases")] = phases;
    result[QStringLiteral("generator")] = QJsonObject{{QStringLiteral("transcripts"), corpus->transcripts},
                                                      {QStringLiteral("words"), double(corpus->words)},
                                                      {QStringLiteral("bytes"), double(corpus->bytes)},
                                                      {QStringLiteral("coding_rows"), double(corpus->codings)}};
    if (!opt.keep) QDir(corpusDir).removeRecursively(); // the project holds everything the analyses read
    return {};
}

Result<std::unique_ptr<Project>> openReadOnly(const QString& path, PhaseFigures* figures) {
    Phase p(QStringLiteral("open"));
    auto project = Project::open(path, Project::Mode::ReadOnly);
    *figures = p.stop();
    return project;
}

// One request as the CLI serves it: open the project read-only, load the snapshot, compute.
Result<Sample> runOnce(const QString& projectPath, const Bench* bench, QString* summary) {
    Sample s;
    auto project = openReadOnly(projectPath, &s.open);
    if (!project) return project.error();
    std::optional<AnalysisSnapshot> snapshot;
    {
        const qint64 faults = pageFaults();
        Phase load(QStringLiteral("load"));
        auto loaded = AnalysisSnapshot::load(**project);
        s.load = load.stop();
        s.loadFaults = pageFaults() - faults;
        if (!loaded) return makeError(QStringLiteral("AnalysisSnapshot::load: %1").arg(loaded.errorMessage()));
        snapshot.emplace(std::move(*loaded));
    }
    if (bench) {
        const qint64 faults = pageFaults();
        Phase compute(bench->name);
        auto r = bench->run(**project, *snapshot);
        s.compute = compute.stop();
        s.computeFaults = pageFaults() - faults;
        if (!r) return makeError(QStringLiteral("%1: %2").arg(bench->name, r.errorMessage()));
        if (summary) *summary = *r;
    }
    return s;
}

int run(const Options& opt) {
    const QJsonObject machine = machineJson();
    say(QStringLiteral("warrant-bench-analysis: %1, %2 cores, %3 GB RAM, %4, Qt %5; %6")
            .arg(machine[QStringLiteral("cpu")].toString())
            .arg(machine[QStringLiteral("cores")].toInt())
            .arg(fixed(machine[QStringLiteral("memory_gb")].toDouble(), 0))
            .arg(machine[QStringLiteral("os")].toString(), machine[QStringLiteral("qt")].toString(),
                 QDate::currentDate().toString(Qt::ISODate)));
    say(QStringLiteral("command: %1").arg(QCoreApplication::arguments().join(u' ')));
    const QString loadBefore = loadAverage();
    say(QStringLiteral("load average at start: %1").arg(loadBefore));

    QJsonObject result;
    result[QStringLiteral("command")] = QCoreApplication::arguments().join(u' ');
    result[QStringLiteral("date")] = QDate::currentDate().toString(Qt::ISODate);
    result[QStringLiteral("machine")] = machine;
    result[QStringLiteral("transcripts_requested")] = opt.transcripts;
    result[QStringLiteral("repeats")] = opt.repeats;

    std::optional<QTemporaryDir> temp;
    QString base = opt.workdir;
    if (base.isEmpty()) {
        temp.emplace(QDir::tempPath() + QStringLiteral("/warrant-bench-XXXXXX"));
        if (!temp->isValid()) {
            say(QStringLiteral("error: cannot create a temporary folder"));
            return 1;
        }
        temp->setAutoRemove(!opt.keep);
        base = temp->path();
    }
    const QString runDir = QStringLiteral("%1/analysis-n%2").arg(base).arg(opt.transcripts);
    const QString projectPath = runDir + QStringLiteral("/bench.warrant");
    struct Cleanup {
        QString dir;
        bool keep;
        ~Cleanup() {
            if (!keep) QDir(dir).removeRecursively();
        }
    } cleanup{runDir, opt.keep || opt.reuse};

    if (opt.reuse && QFileInfo::exists(projectPath)) {
        say(QStringLiteral("== %1 transcripts: reusing %2").arg(opt.transcripts).arg(projectPath));
    } else {
        QDir(runDir).removeRecursively();
        if (!QDir().mkpath(runDir)) {
            say(QStringLiteral("error: %1: cannot create the folder").arg(runDir));
            return 1;
        }
        say(QStringLiteral("== %1 transcripts (work folder %2%3)").arg(opt.transcripts).arg(runDir, opt.keep ? QStringLiteral(", kept") : QString()));
        if (Status s = buildProject(runDir, projectPath, opt, result); !s) {
            say(QStringLiteral("error: %1").arg(s.errorMessage()));
            return 1;
        }
    }
    result[QStringLiteral("project_mb")] = double(QFileInfo(projectPath).size()) / kMB;

    // The corpus as the analyses see it (this first load is also the warm-up, not counted).
    QStringList coderNames;
    std::vector<qint64> bothCoded; // the sources the agreement compares
    {
        PhaseFigures openFigures;
        auto project = openReadOnly(projectPath, &openFigures);
        if (!project) {
            say(QStringLiteral("error: %1").arg(project.errorMessage()));
            return 1;
        }
        Phase warm(QStringLiteral("first load (warm-up)"));
        auto snapshot = AnalysisSnapshot::load(**project);
        const PhaseFigures warmFigures = warm.stop();
        if (!snapshot) {
            say(QStringLiteral("error: AnalysisSnapshot::load: %1").arg(snapshot.errorMessage()));
            return 1;
        }
        std::map<qint64, qint64> perCoder;
        std::map<qint64, QSet<qint64>> sourcesPerCoder;
        QSet<qint64> segments;
        for (const AnalysisCoding& c : snapshot->codings()) {
            ++perCoder[c.coderId];
            sourcesPerCoder[c.coderId].insert(c.sourceId);
            segments.insert(c.segmentId);
        }
        std::vector<std::pair<qint64, qint64>> byCount(perCoder.begin(), perCoder.end());
        std::sort(byCount.begin(), byCount.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        QStringList coderLines;
        QJsonArray codersJson;
        for (const auto& [id, n] : byCount) {
            const QString name = snapshot->coderName(id);
            coderNames << name;
            coderLines << QStringLiteral("%1 (%2 codings in %3 sources)").arg(name).arg(n).arg(sourcesPerCoder[id].size());
            codersJson.append(QJsonObject{{QStringLiteral("name"), name},
                                          {QStringLiteral("codings"), double(n)},
                                          {QStringLiteral("sources"), sourcesPerCoder[id].size()}});
        }
        qint64 both = 0;
        if (byCount.size() >= 2)
            for (qint64 id : sourcesPerCoder[byCount[0].first])
                if (sourcesPerCoder[byCount[1].first].contains(id)) {
                    ++both;
                    bothCoded.push_back(id);
                }
        std::sort(bothCoded.begin(), bothCoded.end());
        say(QStringLiteral("  corpus: %1 transcripts, %2 turns, %3 codings on %4 segments, %5 coders, %6 codes, %7 participants; project %8 MB")
                .arg(snapshot->sources().size())
                .arg(snapshot->turns().size())
                .arg(snapshot->codings().size())
                .arg(segments.size())
                .arg(byCount.size())
                .arg(snapshot->codes().size())
                .arg(snapshot->participants().size())
                .arg(fixed(result[QStringLiteral("project_mb")].toDouble(), 0)));
        say(QStringLiteral("  coders: %1; %2 sources coded by both").arg(coderLines.join(QStringLiteral(", "))).arg(both));
        say(QStringLiteral("  first open %1, first load %2 (warm-up, not counted)").arg(ms(openFigures.seconds), ms(warmFigures.seconds)));
        result[QStringLiteral("corpus")] = QJsonObject{{QStringLiteral("transcripts"), int(snapshot->sources().size())},
                                                       {QStringLiteral("turns"), double(snapshot->turns().size())},
                                                       {QStringLiteral("codings"), double(snapshot->codings().size())},
                                                       {QStringLiteral("segments"), segments.size()},
                                                       {QStringLiteral("codes"), int(snapshot->codes().size())},
                                                       {QStringLiteral("participants"), int(snapshot->participants().size())},
                                                       {QStringLiteral("coders"), codersJson},
                                                       {QStringLiteral("sources_coded_by_both"), double(both)}};
        result[QStringLiteral("warm_up_load")] = phaseJson(warmFigures);
        if (coderNames.size() < 2) {
            say(QStringLiteral("error: the corpus has fewer than two coders"));
            return 1;
        }
    }
    const QStringList compared = coderNames.mid(0, 2);

    // The repeated runs: round by round, every analysis once per round, so drift in the machine's
    // load spreads over all of them. Each run is a request of its own (open, load, compute).
    std::vector<Bench> benches = analyses(compared);
    if (!opt.only.isEmpty())
        benches.erase(std::remove_if(benches.begin(), benches.end(),
                                     [&](const Bench& b) {
                                         return std::none_of(opt.only.begin(), opt.only.end(),
                                                             [&](const QString& o) { return b.name.contains(o, Qt::CaseInsensitive); });
                                     }),
                      benches.end());
    Series loadOnly{QStringLiteral("AnalysisSnapshot::load"), {}, {}};
    std::vector<Series> series;
    for (const Bench& b : benches) series.push_back({b.name, {}, {}});
    say(QStringLiteral("  timing (%1 rounds; agreement by character and by sentence once)…").arg(opt.repeats));
    for (int round = 0; round < opt.repeats; ++round) {
        auto s = runOnce(projectPath, nullptr, nullptr);
        if (!s) {
            say(QStringLiteral("error: %1").arg(s.errorMessage()));
            return 1;
        }
        loadOnly.samples.push_back(*s);
        for (size_t i = 0; i < benches.size(); ++i) {
            if (benches[i].once && round > 0) continue;
            QString summary;
            auto r = runOnce(projectPath, &benches[i], &summary);
            if (!r) {
                say(QStringLiteral("error: %1").arg(r.errorMessage()));
                return 1;
            }
            series[i].samples.push_back(*r);
            if (round == 0) series[i].result = summary;
        }
    }

    // The workbench's path: the project stays open and a refresh loads the snapshot again on the
    // same connection (its memory map of the file already populated).
    Series keptOpen{QStringLiteral("AnalysisSnapshot::load, project kept open"), {}, {}};
    {
        PhaseFigures openFigures;
        auto project = openReadOnly(projectPath, &openFigures);
        if (!project) {
            say(QStringLiteral("error: %1").arg(project.errorMessage()));
            return 1;
        }
        for (int round = 0; round <= opt.repeats; ++round) { // round 0 fills the map, not counted
            Sample s;
            const qint64 faults = pageFaults();
            Phase load(QStringLiteral("load (kept open)"));
            auto loaded = AnalysisSnapshot::load(**project);
            s.load = load.stop();
            s.loadFaults = pageFaults() - faults;
            if (!loaded) {
                say(QStringLiteral("error: AnalysisSnapshot::load: %1").arg(loaded.errorMessage()));
                return 1;
            }
            if (round > 0) keptOpen.samples.push_back(s);
        }
    }

    QStringList breakdown; // printed after the main table
    // Where the load's time goes (sub-steps, each timed on its own in every round, each on a
    // connection of its own so that none profits from the pages an earlier one mapped).
    {
        const std::vector<LoadStep> steps = loadSteps(bothCoded);
        std::vector<std::vector<double>> seconds(steps.size()), cpu(steps.size());
        std::vector<qint64> rows(steps.size(), 0);
        for (int round = 0; round < opt.repeats; ++round) {
            for (size_t i = 0; i < steps.size(); ++i) {
                PhaseFigures openFigures;
                auto project = openReadOnly(projectPath, &openFigures);
                if (!project) {
                    say(QStringLiteral("error: %1").arg(project.errorMessage()));
                    return 1;
                }
                Phase p(steps[i].name);
                auto n = steps[i].run(**project);
                const PhaseFigures f = p.stop();
                if (!n) {
                    say(QStringLiteral("error: %1: %2").arg(steps[i].name, n.errorMessage()));
                    return 1;
                }
                rows[i] = *n;
                seconds[i].push_back(f.seconds);
                cpu[i].push_back(f.cpuSeconds);
            }
        }
        breakdown << (QString());
        breakdown << (QStringLiteral("  AnalysisSnapshot::load step by step, and the agreement units' own reads (wall median (min–max) of %1 rounds, each on a fresh connection; CPU median):")
                          .arg(opt.repeats));
        QJsonArray stepsJson;
        double reads = 0;
        for (size_t i = 0; i < steps.size(); ++i) {
            if (steps[i].name.endsWith(QStringLiteral("()"))) reads += median(cpu[i]);
            breakdown << (QStringLiteral("    %1 %2 cpu %3 %4 rows")
                              .arg(pad(steps[i].name, 44), pad(spread(seconds[i]), -30), pad(ms(median(cpu[i])), -9))
                              .arg(rows[i], 9));
            QJsonObject o = statsJson(seconds[i]);
            o[QStringLiteral("cpu")] = statsJson(cpu[i]);
            o[QStringLiteral("name")] = steps[i].name;
            o[QStringLiteral("rows")] = double(rows[i]);
            stepsJson.append(o);
        }
        const double load = median(loadOnly.values([](const Sample& x) { return x.load.cpuSeconds; }));
        // Each read above ran on a connection of its own and freed its rows inside its timing, so
        // the reads do not add up to the load (which maps the file once for all of them); the
        // in-memory part of the load (index(), turnAt per coding) is best read from a profile.
        breakdown << (QStringLiteral("    (each read on its own connection: their CPU medians add up to %1 against the load's %2; "
                                     "the reads overlap in the pages they map)")
                          .arg(ms(reads), ms(load)));
        result[QStringLiteral("load_reads_cpu_seconds_sum")] = reads;
        result[QStringLiteral("load_steps")] = stepsJson;
    }
    const QString loadAfter = loadAverage();

    // Report.
    say(QString());
    say(QStringLiteral("  %1 %2 %3 %4 %5").arg(pad(QStringLiteral("wall, median (min–max)"), 32), pad(QStringLiteral("compute only"), -30),
                                                pad(QStringLiteral("load + compute"), -30), pad(QStringLiteral("cpu (l+c)"), -10),
                                                pad(QStringLiteral("≤ 1 s"), -7))
        + QStringLiteral("  page faults load/compute"));
    const auto faults = [](const Series& s) {
        return QStringLiteral("%1/%2")
            .arg(qint64(median(s.values([](const Sample& x) { return double(x.loadFaults); }))))
            .arg(qint64(median(s.values([](const Sample& x) { return double(x.computeFaults); }))));
    };
    say(QStringLiteral("  %1 %2 %3 %4 %5  %6").arg(pad(loadOnly.name, 32), pad(QStringLiteral("-"), -30), pad(spread(loadOnly.load()), -30),
                                                 pad(ms(median(loadOnly.values([](const Sample& s) { return s.load.cpuSeconds; }))), -10),
                                                 pad(QString(), -7), faults(loadOnly)));
    say(QStringLiteral("  %1 %2 %3 %4 %5  %6").arg(pad(QStringLiteral("load, project kept open"), 32), pad(QStringLiteral("-"), -30),
                                                 pad(spread(keptOpen.load()), -30),
                                                 pad(ms(median(keptOpen.values([](const Sample& s) { return s.load.cpuSeconds; }))), -10),
                                                 pad(QString(), -7), faults(keptOpen)));
    QJsonArray seriesJson;
    const auto seriesToJson = [](const Series& s) {
        QJsonArray samples;
        for (const Sample& x : s.samples)
            samples.append(QJsonObject{{QStringLiteral("open"), phaseJson(x.open)},
                                       {QStringLiteral("load"), phaseJson(x.load)},
                                       {QStringLiteral("compute"), phaseJson(x.compute)}});
        return QJsonObject{{QStringLiteral("name"), s.name},
                           {QStringLiteral("result"), s.result},
                           {QStringLiteral("runs"), int(s.samples.size())},
                           {QStringLiteral("compute_seconds"), statsJson(s.compute())},
                           {QStringLiteral("compute_cpu_seconds"), statsJson(s.computeCpu())},
                           {QStringLiteral("load_seconds"), statsJson(s.load())},
                           {QStringLiteral("load_plus_compute_seconds"), statsJson(s.total())},
                           {QStringLiteral("load_plus_compute_cpu_seconds"), statsJson(s.totalCpu())},
                           {QStringLiteral("peak_rss_mb"), double(s.peakKb()) * 1024 / kMB},
                           {QStringLiteral("other_processes_cpu_seconds"), s.others()},
                           {QStringLiteral("steal_seconds"), s.steal()},
                           {QStringLiteral("load_page_faults_median"), median(s.values([](const Sample& x) { return double(x.loadFaults); }))},
                           {QStringLiteral("compute_page_faults_median"), median(s.values([](const Sample& x) { return double(x.computeFaults); }))},
                           {QStringLiteral("samples"), samples}};
    };
    QJsonObject loadJson = seriesToJson(loadOnly);
    loadJson.remove(QStringLiteral("compute_seconds"));
    loadJson.remove(QStringLiteral("compute_cpu_seconds"));
    result[QStringLiteral("load")] = loadJson;
    QJsonObject keptJson = seriesToJson(keptOpen);
    keptJson.remove(QStringLiteral("compute_seconds"));
    keptJson.remove(QStringLiteral("compute_cpu_seconds"));
    result[QStringLiteral("load_kept_open")] = keptJson;
    QJsonArray targets;
    for (const Series& s : series) {
        const double total = median(s.total());
        const bool met = total <= 1.0;
        say(QStringLiteral("  %1 %2 %3 %4 %5  %6")
                .arg(pad(s.name, 32), pad(s.samples.size() > 1 ? spread(s.compute()) : ms(s.compute().front()) + QStringLiteral(" (once)"), -30),
                     pad(spread(s.total()), -30), pad(ms(median(s.totalCpu())), -10), pad(met ? QStringLiteral("met") : QStringLiteral("NOT MET"), -7),
                     faults(s)));
        seriesJson.append(seriesToJson(s));
        targets.append(QJsonObject{{QStringLiteral("analysis"), s.name}, {QStringLiteral("load_plus_compute_median"), total},
                                   {QStringLiteral("limit"), 1.0}, {QStringLiteral("met"), met}});
    }
    result[QStringLiteral("analyses")] = seriesJson;
    result[QStringLiteral("targets")] = targets;
    say(QString());
    say(QStringLiteral("  what they computed:"));
    for (const Series& s : series) say(QStringLiteral("    %1 %2").arg(pad(s.name, 32), s.result));
    for (const QString& line : breakdown) say(line);

    // The machine's noise over the timed runs.
    double wall = 0, others = 0, steal = 0;
    for (const Series* s : std::vector<const Series*>{&loadOnly, &keptOpen}) {
        wall += s->wall();
        others += s->others();
        steal += s->steal();
    }
    for (const Series& s : series) {
        wall += s.wall();
        others += s.others();
        steal += s.steal();
    }
    const double openMedian = median(loadOnly.values([](const Sample& s) { return s.open.seconds; }));
    qint64 peakKb = loadOnly.peakKb();
    for (const Series& s : series) peakKb = std::max(peakKb, s.peakKb());
    say(QString());
    say(QStringLiteral("  Project::open (read-only) median %1, not in the figures above").arg(ms(openMedian)));
    say(QStringLiteral("  peak RSS within a timed phase %1 MB; whole run %2 MB")
            .arg(qint64(double(peakKb) * 1024 / kMB))
            .arg(qint64(double(maxRssKb()) * 1024 / kMB)));
    say(QStringLiteral("  noise: %1 cores; load average %2 at start, %3 at the end; over %4 s of timed phases other processes "
                       "used %5 CPU-s (%6 of one core) and the hypervisor stole %7 s")
            .arg(QThread::idealThreadCount())
            .arg(loadBefore, loadAfter, fixed(wall, 1), fixed(others, 1))
            .arg(fixed(wall > 0 ? others / wall * 100 : 0, 0) + u'%')
            .arg(fixed(steal, 2)));
    result[QStringLiteral("noise")] = QJsonObject{{QStringLiteral("cores"), QThread::idealThreadCount()},
                                                  {QStringLiteral("load_average_start"), loadBefore},
                                                  {QStringLiteral("load_average_end"), loadAfter},
                                                  {QStringLiteral("timed_wall_seconds"), wall},
                                                  {QStringLiteral("other_processes_cpu_seconds"), others},
                                                  {QStringLiteral("steal_seconds"), steal}};
    result[QStringLiteral("open_median_seconds")] = openMedian;
    result[QStringLiteral("peak_rss_mb")] = double(maxRssKb()) * 1024 / kMB;

    if (!opt.json.isEmpty()) {
        if (!writeJson(opt.json, result)) {
            say(QStringLiteral("error: %1: cannot write").arg(opt.json));
            return 1;
        }
        say(QStringLiteral("figures written to %1").arg(opt.json));
    }
    return 0;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("warrant-bench-analysis"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Generates the search benchmark's corpus, imports it, and times the analyses (agreement, matrix, co-occurrence, "
        "coverage) as a request runs them: open, AnalysisSnapshot::load, compute. See docs/performance.md."));
    parser.addHelpOption();
    const QCommandLineOption transcriptsOpt(QStringLiteral("transcripts"), QStringLiteral("Transcripts (default 10000; 1000 for a quick run)."),
                                            QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption repeatsOpt(QStringLiteral("repeats"), QStringLiteral("Runs of each analysis (default 5)."), QStringLiteral("N"),
                                        QStringLiteral("5"));
    const QCommandLineOption wordsOpt(QStringLiteral("words"), QStringLiteral("Mean words per transcript (default 8400, as the search benchmark)."),
                                      QStringLiteral("N"), QStringLiteral("8400"));
    const QCommandLineOption workdirOpt(QStringLiteral("workdir"), QStringLiteral("Folder for the corpus and project (default: a temporary folder)."),
                                        QStringLiteral("DIR"));
    const QCommandLineOption keepOpt(QStringLiteral("keep"), QStringLiteral("Keep the corpus and project."));
    const QCommandLineOption reuseOpt(QStringLiteral("reuse"),
                                      QStringLiteral("Reuse the project a --keep run left in --workdir for the same size (skips generating and importing)."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Also write all figures as JSON."), QStringLiteral("FILE"));
    const QCommandLineOption onlyOpt(QStringLiteral("only"),
                                     QStringLiteral("Only the analyses whose names contain one of these words, comma-separated (for profiling)."),
                                     QStringLiteral("WORDS"));
    parser.addOptions({transcriptsOpt, repeatsOpt, wordsOpt, workdirOpt, keepOpt, reuseOpt, onlyOpt, jsonOpt});
    parser.process(app);

    Options opt;
    bool ok = false;
    opt.transcripts = parser.value(transcriptsOpt).toInt(&ok);
    if (!ok || opt.transcripts < 1) {
        say(QStringLiteral("--transcripts: '%1' is not a positive number").arg(parser.value(transcriptsOpt)));
        return 2;
    }
    opt.repeats = std::max(1, parser.value(repeatsOpt).toInt());
    opt.meanWords = std::max(100, parser.value(wordsOpt).toInt());
    opt.workdir = parser.value(workdirOpt);
    opt.json = parser.value(jsonOpt);
    opt.keep = parser.isSet(keepOpt);
    opt.reuse = parser.isSet(reuseOpt);
    for (const QString& o : parser.value(onlyOpt).split(u',', Qt::SkipEmptyParts)) opt.only << o.trimmed();
    if (opt.reuse && opt.workdir.isEmpty()) {
        say(QStringLiteral("--reuse needs --workdir (the folder of a --keep run)"));
        return 2;
    }
    return run(opt);
}
