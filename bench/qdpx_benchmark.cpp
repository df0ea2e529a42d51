// Times the import of a large REFI-QDA project: a generated .qdpx of 1,000 interview transcripts
// (internal UTF-8 sources) with 50,000 codings against a nested codebook of 120 codes, as
// `warrant-cli qdpx import` runs it. `--sources N --codings M` change the size.
// Prints wall and CPU time and the peak resident memory of the import, then of the first opening of
// the search index (which a new project builds before its first search); see docs/performance.md.

#include "Prng.h"
#include "ProcessStats.h"
#include "SearchIndex.h"
#include "exchange/QdpxImporter.h"
#include "store/Project.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

using namespace warrant;
using namespace warrant::bench;

namespace {

void say(const QString& line) {
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

// Deterministic GUIDs, so two runs generate the same file.
QString guid(int kind, int n) {
    return QStringLiteral("%1-0000-4000-8000-%2")
        .arg(kind, 8, 16, QLatin1Char('0'))
        .arg(n, 12, 16, QLatin1Char('0'));
}

const QStringList kWords = {
    QStringLiteral("council"), QStringLiteral("mayor"), QStringLiteral("funding"), QStringLiteral("party"),
    QStringLiteral("network"), QStringLiteral("project"), QStringLiteral("ministry"), QStringLiteral("cluster"),
    QStringLiteral("partners"), QStringLiteral("pragmatic"), QStringLiteral("governance"), QStringLiteral("trust"),
    QStringLiteral("region"), QStringLiteral("decision"), QStringLiteral("members"), QStringLiteral("support")};

struct Selection {
    int start = 0;
    int end = 0;
    QString text;
};

// One transcript: interviewer and participant turns; each participant turn gives one codable span.
QString transcript(int source, int turns, Xoshiro256& rng, std::vector<Selection>& spans) {
    QString text;
    const QString participant = QStringLiteral("P%1").arg(source + 1);
    for (int t = 0; t < turns; ++t) {
        const bool asks = t % 2 == 0;
        text += asks ? QStringLiteral("Interviewer: ") : participant + QStringLiteral(": ");
        QString sentence;
        const int words = asks ? 8 + int(rng.below(12)) : 40 + int(rng.below(80));
        for (int w = 0; w < words; ++w)
            sentence += (w ? QStringLiteral(" ") : QString()) + kWords[int(rng.below(uint32_t(kWords.size())))];
        sentence += u'.';
        if (!asks) spans.push_back({int(text.size()), int(text.size() + sentence.size()), sentence});
        text += sentence + u'\n';
    }
    return text;
}

QString codebook(int codes) {
    QString xml = QStringLiteral("<CodeBook><Codes>");
    const int parents = codes / 6;
    for (int p = 0; p < parents; ++p) {
        xml += QStringLiteral("<Code guid=\"%1\" name=\"Theme %2\" isCodable=\"true\">").arg(guid(1, p)).arg(p + 1);
        for (int c = 0; c < 5; ++c) {
            const int n = parents + p * 5 + c;
            xml += QStringLiteral("<Code guid=\"%1\" name=\"Aspect %2.%3\" isCodable=\"true\"/>")
                       .arg(guid(1, n)).arg(p + 1).arg(c + 1);
        }
        xml += QStringLiteral("</Code>");
    }
    return xml + QStringLiteral("</Codes></CodeBook>");
}

bool writeProject(const QString& path, int sources, int codings, int codes, int turns, qint64* bytes) {
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdCreate)) return false;
    Xoshiro256 rng(20261207);
    const int perSource = (codings + sources - 1) / sources;
    turns = std::max(turns, perSource); // enough participant turns for two codings each
    QString qde = QStringLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                                 "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Benchmark study\" origin=\"Warrant bench\">"
                                 "<Users><User guid=\"%1\" name=\"Coder A\"/><User guid=\"%2\" name=\"Coder B\"/></Users>")
                      .arg(guid(9, 0), guid(9, 1));
    qde += codebook(codes);
    qde += QStringLiteral("<Sources>");
    int made = 0;
    for (int s = 0; s < sources; ++s) {
        std::vector<Selection> spans;
        const QString text = transcript(s, turns, rng, spans);
        QuaZipFile file(&zip);
        const QByteArray utf8 = text.toUtf8();
        if (!file.open(QIODevice::WriteOnly, QuaZipNewInfo(QStringLiteral("sources/%1.txt").arg(guid(2, s))))) return false;
        if (file.write(utf8) != utf8.size()) return false;
        file.close();
        qde += QStringLiteral("<TextSource guid=\"%1\" name=\"Interview P%2\" plainTextPath=\"internal://%1.txt\">")
                   .arg(guid(2, s)).arg(s + 1);
        // Each span is coded twice (two codes, two coders) so selections overlap exactly, as in real projects.
        const size_t wanted = size_t(std::max(1, (perSource + 1) / 2));
        const size_t stride = std::max<size_t>(1, spans.size() / wanted);
        for (size_t i = 0; i < spans.size() && made < codings && made < (s + 1) * perSource; i += stride) {
            const Selection& sel = spans[i];
            qde += QStringLiteral("<PlainTextSelection guid=\"%1\" startPosition=\"%2\" endPosition=\"%3\" creatingUser=\"%4\">")
                       .arg(guid(3, made)).arg(sel.start).arg(sel.end).arg(guid(9, made % 2));
            for (int k = 0; k < 2 && made < codings; ++k, ++made)
                qde += QStringLiteral("<Coding guid=\"%1\" creatingUser=\"%2\"><CodeRef targetGUID=\"%3\"/></Coding>")
                           .arg(guid(4, made), guid(9, k), guid(1, int(rng.below(uint32_t(codes / 6 * 6)))));
            qde += QStringLiteral("</PlainTextSelection>");
        }
        qde += QStringLiteral("</TextSource>");
    }
    qde += QStringLiteral("</Sources></Project>");
    const QByteArray xml = qde.toUtf8();
    QuaZipFile project(&zip);
    if (!project.open(QIODevice::WriteOnly, QuaZipNewInfo(QStringLiteral("project.qde")))) return false;
    if (project.write(xml) != xml.size()) return false;
    project.close();
    zip.close();
    *bytes = QFileInfo(path).size();
    return zip.getZipError() == ZIP_OK;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("sources"), QStringLiteral("Text sources."), QStringLiteral("N"), QStringLiteral("1000")});
    parser.addOption({QStringLiteral("codings"), QStringLiteral("Codings."), QStringLiteral("M"), QStringLiteral("50000")});
    parser.addOption({QStringLiteral("turns"), QStringLiteral("Speaker turns per transcript."), QStringLiteral("T"), QStringLiteral("100")});
    parser.addOption({QStringLiteral("codes"), QStringLiteral("Codes (a sixth of them parents)."), QStringLiteral("C"), QStringLiteral("120")});
    parser.process(app);
    const int sources = parser.value(QStringLiteral("sources")).toInt();
    const int codings = parser.value(QStringLiteral("codings")).toInt();
    const int codes = std::max(6, parser.value(QStringLiteral("codes")).toInt());
    const int turns = std::max(2, parser.value(QStringLiteral("turns")).toInt());

    QTemporaryDir dir;
    const QString qdpx = dir.filePath(QStringLiteral("bench.qdpx"));
    qint64 bytes = 0;
    Phase generate(QStringLiteral("generate"));
    if (!writeProject(qdpx, sources, codings, codes, turns, &bytes)) {
        say(QStringLiteral("could not write %1").arg(qdpx));
        return 1;
    }
    const PhaseFigures g = generate.stop();
    say(QStringLiteral("generated %1 sources of %2 turns, %3 codings, %4 codes: %5 MB in %6 s")
            .arg(sources).arg(turns).arg(codings).arg(codes).arg(double(bytes) / 1e6, 0, 'f', 1).arg(g.seconds, 0, 'f', 2));

    Phase import(QStringLiteral("import"));
    auto report = QdpxImporter::importFile(qdpx, dir.filePath(QStringLiteral("bench.warrant")));
    const PhaseFigures f = import.stop();
    if (!report) {
        say(QStringLiteral("import failed: %1").arg(report.error().message));
        return 1;
    }
    say(QStringLiteral("import: %1 s wall, %2 s CPU, peak RSS %3 MB (%4), other processes %5 s CPU, steal %6 s")
            .arg(f.seconds, 0, 'f', 2).arg(f.cpuSeconds, 0, 'f', 2).arg(double(f.peakRssKb) / 1024, 0, 'f', 0)
            .arg(f.peakIsPhaseOnly ? QStringLiteral("this phase") : QStringLiteral("whole run"))
            .arg(f.otherCpuSeconds, 0, 'f', 2).arg(f.stealSeconds, 0, 'f', 2));
    say(QStringLiteral("report: %1").arg(report->toText().split(u'\n').mid(0, 6).join(QStringLiteral(" | "))));
    auto project = Project::open(dir.filePath(QStringLiteral("bench.warrant")));
    if (!project) {
        say(QStringLiteral("open failed: %1").arg(project.errorMessage()));
        return 1;
    }
    SearchIndex index(SearchIndex::locationFor((*project)->path()));
    Phase indexing(QStringLiteral("index"));
    const Status opened = index.open(**project);
    const PhaseFigures x = indexing.stop();
    if (!opened) {
        say(QStringLiteral("index failed: %1").arg(opened.errorMessage()));
        return 1;
    }
    say(QStringLiteral("first index build: %1 s wall, %2 s CPU, peak RSS %3 MB")
            .arg(x.seconds, 0, 'f', 2).arg(x.cpuSeconds, 0, 'f', 2).arg(double(x.peakRssKb) / 1024, 0, 'f', 0));
    say(QStringLiteral("max RSS of the run %1 MB").arg(double(maxRssKb()) / 1024, 0, 'f', 0));
    return 0;
}
