// Times an audit: a synthetic manuscript of about 10,000 words with 100 interview quotes and 100 claims
// that cite a participant without quoting, checked against a project of 1,000 generated transcripts;
// `--quotes 500 --words 100000` makes it thesis-sized.
// Prints the figures; see docs/performance.md.

#include "CorpusGenerator.h"
#include "IndexCandidateFinder.h"
#include "Prng.h"
#include "SearchIndex.h"
#include "ops/ImportService.h"
#include "ops/ParticipantCsvImporter.h"
#include "store/Project.h"
#include "store/SqliteStatement.h"
#include "trace/Auditor.h"
#include "trace/CitationParser.h"
#include "trace/ManuscriptReader.h"
#include "trace/TurnTexts.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <chrono>
#include <cstdio>

using namespace warrant;
using namespace warrant::bench;

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

void say(const QString& line) {
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

struct Turn {
    QString participant;
    QStringList words;
};

// Participant turns long enough to quote from, in a fixed order.
std::vector<Turn> quotableTurns(Project& project) {
    std::vector<Turn> turns;
    SqliteStatement rows = project.db().prepare(
        QStringLiteral("SELECT p.code, substr(s.text, t.start_pos + 1, t.end_pos - t.start_pos) FROM turns t "
                       "JOIN sources s ON s.id = t.source_id JOIN participants p ON p.id = t.participant_id "
                       "WHERE t.is_interviewer = 0 ORDER BY t.source_id, t.turn_number"));
    while (rows.next()) {
        const QStringList words = rows.text(1).simplified().split(u' ', Qt::SkipEmptyParts);
        if (words.size() >= 40) turns.push_back({rows.text(0), words});
    }
    return turns;
}

struct SyntheticManuscript {
    QString text;
    int words = 0;
    std::map<QString, int> planted; // what each quote was made to be
    int citedWithoutQuote = 0;      // claims that cite a participant and quote nothing
};

// Prose around the quotes: vocabulary words in sentences, so claims sit among uncited text.
QString fillerSentence(Xoshiro256& rng, const std::vector<std::string>& vocabulary, int words) {
    QStringList out;
    for (int i = 0; i < words; ++i) {
        const double u = rng.uniform();
        const size_t rank = size_t(u * u * double(std::min<size_t>(vocabulary.size(), 5000)));
        out << QString::fromStdString(vocabulary[rank]);
    }
    QString s = out.join(u' ');
    s[0] = s[0].toUpper();
    return s + u'.';
}

SyntheticManuscript writeManuscript(const std::vector<Turn>& turns, const std::vector<std::string>& vocabulary,
                           int quotes, int targetWords) {
    Xoshiro256 rng(0x4155444954ull); // "AUDIT"
    SyntheticManuscript m;
    QStringList paragraphs{QStringLiteral("# Findings")};
    for (int q = 0; q < quotes; ++q) {
        const Turn& turn = turns[size_t(rng.uniform() * double(turns.size()))];
        const qsizetype from = qsizetype(rng.uniform() * double(turn.words.size() - 20));
        QStringList words = turn.words.mid(from, 14);
        QString cited = turn.participant;
        QString kind = QStringLiteral("verbatim");
        if (q % 20 == 7) { // a content word changed
            words[6] = QStringLiteral("wholly");
            kind = QStringLiteral("altered");
        } else if (q % 20 == 13) { // the words of someone else
            const Turn* other = &turn;
            while (other->participant == turn.participant)
                other = &turns[size_t(rng.uniform() * double(turns.size()))];
            cited = other->participant;
            kind = QStringLiteral("misattributed");
        } else if (q % 20 == 17) { // a cut marked with an ellipsis
            words = turn.words.mid(from, 6) + QStringList{QStringLiteral("…")} + turn.words.mid(from + 9, 6);
        }
        ++m.planted[kind];
        QString quote = words.join(u' ');
        while (!quote.isEmpty() && QStringLiteral(".,;:?!").contains(quote.back()))
            quote.chop(1);
        paragraphs << QStringLiteral("%1 As one interviewee put it, \"%2\" (interview, %3). %4")
                          .arg(fillerSentence(rng, vocabulary, 18), quote, cited,
                               fillerSentence(rng, vocabulary, 16));
        // A claim that cites without quoting, in words taken from elsewhere in a participant's
        // turn: the auditor suggests evidence for it and weighs its vocabulary.
        const Turn& source = turns[size_t(rng.uniform() * double(turns.size()))];
        const qsizetype at = qsizetype(rng.uniform() * double(source.words.size() - 12));
        QString paraphrase = source.words.mid(at, 12).join(u' ');
        // One sentence, no quotation: sentence ends and quotation marks are dropped.
        paraphrase.remove(QRegularExpression(QStringLiteral("[\"“”‘’.?!;:]")));
        while (!paraphrase.isEmpty() && QStringLiteral(".,;:?!").contains(paraphrase.back()))
            paraphrase.chop(1);
        paraphrase[0] = paraphrase[0].toUpper();
        paragraphs.last() += QStringLiteral(" %1 (interview, %2).").arg(paraphrase, source.participant);
        ++m.citedWithoutQuote;
    }
    for (const QString& p : paragraphs)
        m.words += int(p.split(u' ', Qt::SkipEmptyParts).size());
    // Uncited paragraphs fill the chapter up to its length, spread between the quoted ones.
    for (int at = 2; m.words < targetWords; at = (at + 3) % int(paragraphs.size() - 1) + 1) {
        const QString p = fillerSentence(rng, vocabulary, 22) + u' ' + fillerSentence(rng, vocabulary, 22);
        paragraphs.insert(at, p);
        m.words += int(p.split(u' ', Qt::SkipEmptyParts).size());
    }
    m.text = paragraphs.join(QStringLiteral("\n\n")) + u'\n';
    return m;
}

// Times each kind of index look-up the auditor makes, to show where an audit spends its time.
class TimedFinder : public CandidateFinder {
public:
    explicit TimedFinder(CandidateFinder& inner) : m_inner(inner) {}
    Result<Places> passagesWith(const QString& words, int limit) override {
        const auto t0 = Clock::now();
        auto out = m_inner.passagesWith(words, limit);
        candidates += since(t0);
        return out;
    }
    Result<std::vector<Suggestion>> suggest(const QString& claimText, const QString& participantCode, int limit) override {
        const auto t0 = Clock::now();
        auto out = m_inner.suggest(claimText, participantCode, limit);
        suggestions += since(t0);
        return out;
    }
    Result<Coverage> vocabularyCoverage(const QString& claimText, const QStringList& participantCodes) override {
        const auto t0 = Clock::now();
        auto out = m_inner.vocabularyCoverage(claimText, participantCodes);
        coverage += since(t0);
        return out;
    }
    Result<bool> usesWord(const QString& word) override {
        const auto t0 = Clock::now();
        auto out = m_inner.usesWord(word);
        words += since(t0);
        return out;
    }
    double candidates = 0, suggestions = 0, coverage = 0, words = 0; // seconds

private:
    CandidateFinder& m_inner;
};

// Reading alone (citations, quotations, paragraphs, sentences, claims) of the manuscript repeated
// to 1, 4 and 15 MB, and the refusal of a 50 MB text: the cost must grow linearly and stay small.
void timeReading(Project& project, const QString& manuscript) {
    TurnTexts turns(project);
    const CitationParser parser(turns.participants());
    const ManuscriptReader reader(parser);
    for (const int megabytes : {1, 4, 15, 50}) {
        QString text;
        const qsizetype size = qsizetype(megabytes) * 1000 * 1000;
        text.reserve(size + manuscript.size());
        while (text.size() < size) text += manuscript + QStringLiteral("\n\n");
        text.truncate(size);
        const auto t0 = Clock::now();
        auto reading = reader.read(text, QStringLiteral("%1 MB").arg(megabytes));
        const double seconds = since(t0);
        if (!reading) {
            say(QStringLiteral("  reading %1 MB: refused in %2 s (%3)").arg(megabytes).arg(seconds, 0, 'f', 3).arg(reading.errorMessage()));
            continue;
        }
        say(QStringLiteral("  reading %1 MB: %2 s (%3 s per MB; %4 claims, %5 quotations)")
                .arg(megabytes)
                .arg(seconds, 0, 'f', 2)
                .arg(seconds / megabytes, 0, 'f', 3)
                .arg(reading->claims.size())
                .arg(reading->quotes.size()));
    }
}

int run(int transcripts, int quotes, int words, const QString& workdir) {
    say(QStringLiteral("warrant-bench-audit: %1 transcripts, a manuscript of about %2 words with %3 quotes")
            .arg(transcripts)
            .arg(words)
            .arg(quotes));
    CorpusOptions options;
    options.transcripts = transcripts;
    CorpusGenerator generator(options);
    const QString corpusDir = workdir + QStringLiteral("/corpus");
    auto t0 = Clock::now();
    auto corpus = generator.write(corpusDir);
    if (!corpus) return say(corpus.errorMessage()), 2;
    auto created = Project::create(workdir + QStringLiteral("/audit.warrant"), QStringLiteral("audit"));
    if (!created) return say(created.errorMessage()), 2;
    Project& project = **created;
    ImportRequest transcriptsRequest;
    transcriptsRequest.paths << corpusDir + QStringLiteral("/transcripts");
    if (auto r = ImportService(project).run(transcriptsRequest); !r) return say(r.errorMessage()), 2;
    if (auto r = ParticipantCsvImporter(project).importFile(corpusDir + QStringLiteral("/participants.csv"));
        !r)
        return say(r.errorMessage()), 2;
    say(QStringLiteral("  corpus generated and imported: %1 s").arg(since(t0), 0, 'f', 1));

    t0 = Clock::now();
    SearchIndex index(SearchIndex::locationFor(project.path()));
    if (Status s = index.rebuild(project); !s) return say(s.errorMessage()), 2;
    index.attach(project);
    say(QStringLiteral("  search index built: %1 s").arg(since(t0), 0, 'f', 1));

    const SyntheticManuscript manuscript =
        writeManuscript(quotableTurns(project), generator.vocabulary(), quotes, words);
    const QString path = workdir + QStringLiteral("/chapter.md");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(manuscript.text.toUtf8()) < 0)
        return say(path + QStringLiteral(": cannot write")), 2;
    file.close();
    t0 = Clock::now();
    ImportRequest manuscriptRequest;
    manuscriptRequest.paths << path;
    manuscriptRequest.kind = SourceKind::Manuscript;
    auto imported = ImportService(project).run(manuscriptRequest);
    if (!imported || imported->imported.empty())
        return say(QStringLiteral("manuscript import failed: ") + imported.errorMessage()), 2;
    const double importSeconds = since(t0);
    QStringList planted;
    for (const auto& [kind, count] : manuscript.planted)
        planted << QStringLiteral("%1 %2").arg(count).arg(kind);
    say(QStringLiteral("  manuscript: %1 words, %2 quotes (%3), %4 claims citing without a quote; imported in %5 s")
            .arg(manuscript.words)
            .arg(quotes)
            .arg(planted.join(QStringLiteral(", ")))
            .arg(manuscript.citedWithoutQuote)
            .arg(importSeconds, 0, 'f', 2));

    // The audit: what `warrant-cli audit` does once the project and index are open.
    IndexCandidateFinder indexFinder(index);
    TimedFinder finder(indexFinder);
    t0 = Clock::now();
    auto report =
        Auditor(project, &finder).audit(imported->imported.front().sourceId, Auditor::defaultFailOn());
    const double auditSeconds = since(t0);
    if (!report) return say(report.errorMessage()), 2;
    QStringList verdicts;
    int found = 0;
    for (const auto& [verdict, count] : report->verdictCounts) {
        verdicts << QStringLiteral("%1 %2").arg(count).arg(verdict);
        found += count;
    }
    say(QStringLiteral("  verdicts: %1 quotes: %2").arg(found).arg(verdicts.join(QStringLiteral(", "))));
    QStringList checks;
    for (const auto& [check, count] : report->checkCounts)
        if (count > 0) checks << QStringLiteral("%1 %2").arg(count).arg(check);
    say(QStringLiteral("  claims: %1, findings: %2; checks: %3")
            .arg(report->claims.size())
            .arg(report->findings)
            .arg(checks.isEmpty() ? QStringLiteral("none") : checks.join(QStringLiteral(", "))));
    say(QStringLiteral("  index look-ups: quotation candidates %1 s, suggested evidence %2 s, claim vocabulary %3 s")
            .arg(finder.candidates, 0, 'f', 2)
            .arg(finder.suggestions, 0, 'f', 2)
            .arg(finder.coverage, 0, 'f', 2));
    say(QStringLiteral("  corpus word look-ups (spelling): %1 s").arg(finder.words, 0, 'f', 2));
    // 100 quotes: an article, ≤ 2 s; more: a thesis (500 quotes, 100,000 words), ≤ 10 s.
    const double target = quotes <= 100 ? 2.0 : 10.0;
    say(QStringLiteral("  AUDIT TIME: %1 s (target ≤ %2 s: %3)")
            .arg(auditSeconds, 0, 'f', 2)
            .arg(target, 0, 'f', 0)
            .arg(auditSeconds <= target ? QStringLiteral("met") : QStringLiteral("NOT MET")));

    // What the workbench does: the same audit, stored (claims and evidence links in one change),
    // then audited and stored again with nothing changed, which writes nothing.
    const qint64 manuscriptId = imported->imported.front().sourceId;
    t0 = Clock::now();
    auto saved = Auditor(project, &indexFinder).audit(manuscriptId, Auditor::defaultFailOn(), Auditor::Save::Yes);
    const double firstSave = since(t0);
    if (!saved) return say(saved.errorMessage()), 2;
    t0 = Clock::now();
    auto again = Auditor(project, &indexFinder).audit(manuscriptId, Auditor::defaultFailOn(), Auditor::Save::Yes);
    const double secondSave = since(t0);
    if (!again) return say(again.errorMessage()), 2;
    say(QStringLiteral("  audit and store: %1 s the first time, %2 s again with nothing changed")
            .arg(firstSave, 0, 'f', 2)
            .arg(secondSave, 0, 'f', 2));
    timeReading(project, manuscript.text);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Times the audit of a synthetic manuscript against generated transcripts."));
    parser.addHelpOption();
    const QCommandLineOption transcriptsOpt(QStringLiteral("transcripts"),
                                            QStringLiteral("Transcripts (default 1000)."),
                                            QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption quotesOpt(QStringLiteral("quotes"),
                                       QStringLiteral("Quotes in the manuscript (default 100)."),
                                       QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption wordsOpt(QStringLiteral("words"),
                                      QStringLiteral("Manuscript words (default 10000)."),
                                      QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption workdirOpt(
        QStringLiteral("workdir"), QStringLiteral("Keep everything in DIR (default: a temporary folder)."),
        QStringLiteral("DIR"));
    parser.addOptions({transcriptsOpt, quotesOpt, wordsOpt, workdirOpt});
    parser.process(app);
    QTemporaryDir temp;
    const QString workdir = parser.isSet(workdirOpt) ? parser.value(workdirOpt) : temp.path();
    QDir().mkpath(workdir);
    return run(std::max(1, parser.value(transcriptsOpt).toInt()),
               std::max(1, parser.value(quotesOpt).toInt()), std::max(100, parser.value(wordsOpt).toInt()),
               workdir);
}
