// Times the document view: the first paint of a 60,000-word transcript with 1,000 codings, then
// repaints while scrolling through it a viewport at a time. Prints the figures; see
// docs/performance.md ("Document view painting").

#include "CorpusGenerator.h"
#include "DocumentPane.h"
#include "DocumentView.h"
#include "Prng.h"
#include "ops/ImportService.h"
#include "store/CodebookRepository.h"
#include "store/CodingRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"
#include "text/TextOffsets.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextBlock>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace warrant;
using namespace warrant::bench;

namespace {

constexpr double kFirstPaintTargetMs = 300;
constexpr double kScrollTargetMs = 16;

void say(const QString& line) {
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

double ms(const QElapsedTimer& timer) {
    return double(timer.nsecsElapsed()) / 1e6;
}

struct Summary {
    double p50 = 0;
    double p95 = 0;
    double max = 0;
};

Summary summarise(std::vector<double> samples) {
    if (samples.empty()) return {};
    std::sort(samples.begin(), samples.end());
    const auto at = [&](double q) {
        return samples[std::min(samples.size() - 1, std::size_t(q * double(samples.size())))];
    };
    return {at(0.5), at(0.95), samples.back()};
}

QJsonObject toJson(const Summary& s) {
    return QJsonObject{{QStringLiteral("p50_ms"), s.p50},
                       {QStringLiteral("p95_ms"), s.p95},
                       {QStringLiteral("max_ms"), s.max}};
}

struct Fixture {
    std::unique_ptr<Project> project;
    qint64 sourceId = 0;
    qint64 words = 0;
    int turns = 0;
    int codings = 0;
    int codes = 0;
};

// One generated transcript imported through ImportService, and `codings` random ranges spread
// over `codes` codes, applied with CodingRepository::applyRanges (one change per code).
Result<Fixture> buildFixture(const QString& workdir, int words, int codings, int codes) {
    CorpusOptions options;
    options.transcripts = 1;
    options.meanWords = words;
    CorpusGenerator generator(options);
    const QString corpusDir = workdir + QStringLiteral("/corpus");
    auto corpus = generator.write(corpusDir);
    if (!corpus) return corpus.error();
    auto created = Project::create(workdir + QStringLiteral("/paint.warrant"), QStringLiteral("bench"));
    if (!created) return created.error();
    Fixture fixture;
    fixture.project = std::move(*created);
    fixture.words = corpus->words;
    Project& project = *fixture.project;
    ImportRequest request;
    request.paths << corpusDir + QStringLiteral("/transcripts");
    auto imported = ImportService(project).run(request);
    if (!imported) return imported.error();
    if (imported->imported.size() != 1) return makeError(QStringLiteral("expected one imported transcript"));
    fixture.sourceId = imported->imported.front().sourceId;
    fixture.turns = imported->imported.front().turns;

    auto source = SourceRepository(project).get(fixture.sourceId);
    if (!source || !*source) return makeError(QStringLiteral("the imported transcript is missing"));
    const qsizetype length = TextOffsets::codePointLength((*source)->text);
    const QStringList paths = CorpusGenerator::codebookPaths();
    Xoshiro256 rng(0x5041494E54ull); // "PAINT"
    const int perCode = codings / codes;
    for (int c = 0; c < codes; ++c) {
        auto codeId = CodebookRepository(project).ensurePath(paths[c % paths.size()]);
        if (!codeId) return codeId.error();
        std::vector<CodingRepository::Range> ranges;
        const int count = c == codes - 1 ? codings - perCode * (codes - 1) : perCode;
        for (int i = 0; i < count; ++i) {
            // Excerpts of 40 to 1,000 characters, most of them short, as coders make them.
            const double u = rng.uniform();
            const qsizetype span = 40 + qsizetype(u * u * 960);
            const qsizetype start = qsizetype(rng.below(std::uint32_t(length - span)));
            ranges.push_back({fixture.sourceId, start, start + span});
        }
        auto applied = CodingRepository(project).applyRanges(ranges, *codeId, QStringLiteral("benchmark"));
        if (!applied) return applied.error();
        fixture.codings += applied->added;
    }
    fixture.codes = codes;
    return fixture;
}

// Renders the whole view (text, turn margin, coding stripes) into an image: what a repaint costs.
double renderMs(QWidget& widget, QImage& image) {
    QElapsedTimer timer;
    timer.start();
    image.fill(Qt::white);
    widget.render(&image);
    return ms(timer);
}

// Scrolls `steps` viewport-sized steps, down to the end then back up and so on, timing each
// scroll plus the repaint of the view.
std::vector<double> scrollPaints(DocumentView& view, QImage& image, int steps) {
    std::vector<double> samples;
    QScrollBar* bar = view.verticalScrollBar();
    int direction = 1;
    for (int i = 0; i < steps; ++i) {
        QElapsedTimer timer;
        timer.start();
        const int page = std::max(1, bar->pageStep());
        int next = bar->value() + direction * page;
        if (next > bar->maximum() || next < bar->minimum()) {
            direction = -direction;
            next = bar->value() + direction * page;
        }
        bar->setValue(next);
        QCoreApplication::processEvents(); // the scroll's own layout and margin updates
        image.fill(Qt::white);
        view.render(&image);
        samples.push_back(ms(timer));
    }
    return samples;
}

// The alternative styling: codings as QTextEdit::ExtraSelection instead of block formats.
void useExtraSelections(DocumentView& view) {
    view.setCodeHighlighting(false);
    QList<QTextEdit::ExtraSelection> selections;
    for (const CodingSpan& span : view.codingLanes().spans()) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(view.document());
        selection.cursor.setPosition(span.start);
        selection.cursor.setPosition(span.end, QTextCursor::KeepAnchor);
        selection.format.setBackground(span.colour.lighter(170));
        selections.append(selection);
    }
    view.setExtraSelections(selections);
}

int run(const QString& workdir, int words, int codings, int codes, int steps, int repeats,
        const QString& jsonPath, const QString& screenshot) {
    say(QStringLiteral("warrant-bench-paint: one transcript of about %1 words, %2 codings over %3 codes, %4 "
                       "scroll steps (platform %5)")
            .arg(words)
            .arg(codings)
            .arg(codes)
            .arg(steps)
            .arg(QGuiApplication::platformName()));
    QElapsedTimer setup;
    setup.start();
    auto fixture = buildFixture(workdir, words, codings, codes);
    if (!fixture) return say(fixture.errorMessage()), 2;
    say(QStringLiteral("  generated and imported: %1 words, %2 turns, %3 codings (%4 s)")
            .arg(fixture->words)
            .arg(fixture->turns)
            .arg(fixture->codings)
            .arg(double(setup.elapsed()) / 1000.0, 0, 'f', 1));

    DocumentPane pane;
    pane.resize(1200, 800);
    DocumentView& view = *pane.view();
    view.setProject(fixture->project.get());
    pane.show();
    QCoreApplication::processEvents();
    QImage image(view.size() * view.devicePixelRatio(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(view.devicePixelRatio());

    // First paint: showSource() (reading the source, turns and codings, building the formats)
    // through the end of the first render, which lays out the visible blocks.
    std::vector<double> firstPaints;
    for (int r = 0; r < repeats; ++r) {
        view.showSource(0);
        QCoreApplication::processEvents();
        QElapsedTimer timer;
        timer.start();
        view.showSource(fixture->sourceId);
        image.fill(Qt::white);
        view.render(&image);
        firstPaints.push_back(ms(timer));
    }
    if (!screenshot.isEmpty()) image.save(screenshot);
    say(QStringLiteral("  %1 lanes of coding stripes, %2 blocks")
            .arg(view.codingLanes().laneCount())
            .arg(view.blockCount()));

    QElapsedTimer load;
    load.start();
    view.showSource(fixture->sourceId);
    const double showOnly = ms(load);

    const std::vector<double> scroll = scrollPaints(view, image, steps);
    const Summary scrollSummary = summarise(scroll);
    const double still = [&] {
        std::vector<double> s;
        for (int i = 0; i < 50; ++i)
            s.push_back(renderMs(view, image));
        return summarise(s).p50;
    }();

    // The same scroll with the codings as ExtraSelections, for comparison.
    view.verticalScrollBar()->setValue(0);
    useExtraSelections(view);
    const Summary extraSummary = summarise(scrollPaints(view, image, steps));

    const Summary firstSummary = summarise(firstPaints);
    say(QStringLiteral(
            "  first paint (showSource + render 1200x800): first %1 ms, median of %2 %3 ms   target ≤ %4 ms")
            .arg(firstPaints.front(), 0, 'f', 1)
            .arg(repeats)
            .arg(firstSummary.p50, 0, 'f', 1)
            .arg(kFirstPaintTargetMs, 0, 'f', 0));
    say(QStringLiteral("    of which showSource() alone: %1 ms").arg(showOnly, 0, 'f', 1));
    say(QStringLiteral(
            "  scroll repaint (%1 viewport steps): p50 %2 ms, p95 %3 ms, max %4 ms   target p50 ≤ %5 ms")
            .arg(scroll.size())
            .arg(scrollSummary.p50, 0, 'f', 2)
            .arg(scrollSummary.p95, 0, 'f', 2)
            .arg(scrollSummary.max, 0, 'f', 2)
            .arg(kScrollTargetMs, 0, 'f', 0));
    say(QStringLiteral("  repaint without scrolling: p50 %1 ms").arg(still, 0, 'f', 2));
    say(QStringLiteral("  for comparison, codings as ExtraSelections: p50 %1 ms, p95 %2 ms, max %3 ms")
            .arg(extraSummary.p50, 0, 'f', 2)
            .arg(extraSummary.p95, 0, 'f', 2)
            .arg(extraSummary.max, 0, 'f', 2));
    const bool met = firstPaints.front() <= kFirstPaintTargetMs && scrollSummary.p50 <= kScrollTargetMs;
    say(met ? QStringLiteral("  targets met") : QStringLiteral("  TARGETS MISSED"));

    if (!jsonPath.isEmpty()) {
        QJsonArray scrollSamples;
        for (double s : scroll)
            scrollSamples.append(s);
        QJsonArray firstSamples;
        for (double s : firstPaints)
            firstSamples.append(s);
        const QJsonObject json{{QStringLiteral("words"), double(fixture->words)},
                               {QStringLiteral("turns"), fixture->turns},
                               {QStringLiteral("codings"), fixture->codings},
                               {QStringLiteral("codes"), fixture->codes},
                               {QStringLiteral("lanes"), view.codingLanes().laneCount()},
                               {QStringLiteral("platform"), QGuiApplication::platformName()},
                               {QStringLiteral("first_paint_ms"), firstPaints.front()},
                               {QStringLiteral("first_paint"), toJson(firstSummary)},
                               {QStringLiteral("first_paint_samples_ms"), firstSamples},
                               {QStringLiteral("scroll_paint"), toJson(scrollSummary)},
                               {QStringLiteral("scroll_paint_samples_ms"), scrollSamples},
                               {QStringLiteral("still_repaint_p50_ms"), still},
                               {QStringLiteral("extra_selections_scroll_paint"), toJson(extraSummary)},
                               {QStringLiteral("targets"),
                                QJsonObject{{QStringLiteral("first_paint_ms"), kFirstPaintTargetMs},
                                            {QStringLiteral("scroll_paint_p50_ms"), kScrollTargetMs}}},
                               {QStringLiteral("targets_met"), met}};
        QFile file(jsonPath);
        if (!file.open(QIODevice::WriteOnly)) return say(QStringLiteral("cannot write %1").arg(jsonPath)), 2;
        file.write(QJsonDocument(json).toJson());
    }
    return met ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Times the document view's first paint and scroll repaints."));
    parser.addHelpOption();
    const QCommandLineOption wordsOpt(QStringLiteral("words"),
                                      QStringLiteral("Transcript words (default 60000)."),
                                      QStringLiteral("N"), QStringLiteral("60000"));
    const QCommandLineOption codingsOpt(QStringLiteral("codings"), QStringLiteral("Codings (default 1000)."),
                                        QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption codesOpt(QStringLiteral("codes"), QStringLiteral("Codes used (default 20)."),
                                      QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption stepsOpt(QStringLiteral("steps"), QStringLiteral("Scroll steps (default 300)."),
                                      QStringLiteral("N"), QStringLiteral("300"));
    const QCommandLineOption repeatsOpt(
        QStringLiteral("repeats"), QStringLiteral("First paints to time (default 5; the first is reported)."),
        QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption jsonOpt(
        QStringLiteral("json"), QStringLiteral("Also write the figures to FILE."), QStringLiteral("FILE"));
    const QCommandLineOption screenshotOpt(QStringLiteral("screenshot"),
                                           QStringLiteral("Save the first paint as an image."),
                                           QStringLiteral("FILE"));
    const QCommandLineOption workdirOpt(
        QStringLiteral("workdir"), QStringLiteral("Keep everything in DIR (default: a temporary folder)."),
        QStringLiteral("DIR"));
    parser.addOptions(
        {wordsOpt, codingsOpt, codesOpt, stepsOpt, repeatsOpt, jsonOpt, screenshotOpt, workdirOpt});
    parser.process(app);
    QTemporaryDir temp;
    const QString workdir = parser.isSet(workdirOpt) ? parser.value(workdirOpt) : temp.path();
    QDir().mkpath(workdir);
    return run(workdir, std::max(1000, parser.value(wordsOpt).toInt()),
               std::max(0, parser.value(codingsOpt).toInt()), std::max(1, parser.value(codesOpt).toInt()),
               std::max(1, parser.value(stepsOpt).toInt()), std::max(1, parser.value(repeatsOpt).toInt()),
               parser.value(jsonOpt), parser.value(screenshotOpt));
}
