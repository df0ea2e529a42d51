#include "SearchCommand.h"

#include "CommandOptions.h"
#include "JsonOutput.h"
#include "ProjectOpener.h"
#include "SearchIndex.h"
#include "SearchIndexOpener.h"

#include <algorithm>

namespace warrant::cli {

namespace {

// "[01:02:03]" for a media time in milliseconds.
QString mediaTime(qint64 ms) {
    const qint64 seconds = ms / 1000;
    return QStringLiteral("[%1:%2:%3]")
        .arg(seconds / 3600, 2, 10, QChar(u'0'))
        .arg(seconds / 60 % 60, 2, 10, QChar(u'0'))
        .arg(seconds % 60, 2, 10, QChar(u'0'));
}

// Where a hit was said, after its source title: "(R8, turn 12)", "(interviewer, turn 3)",
// "(R8)" outside turns; empty when nothing is known (a document paragraph without a participant).
QString speakerCitation(const SearchHit& h) {
    QStringList parts;
    if (h.interviewer) parts << QStringLiteral("interviewer");
    else if (!h.participantCode.isEmpty()) parts << h.participantCode;
    if (h.turnNumber > 0) parts << QStringLiteral("turn %1").arg(h.turnNumber);
    return parts.isEmpty() ? QString() : QStringLiteral("(%1)").arg(parts.join(QStringLiteral(", ")));
}

// The citation of a keyword-in-context line, which has no title before it: "(R8, turn 12)" for
// a participant's turn, else the source title leads: "(R8, interviewer, turn 3)", "(Report)".
QString kwicCitation(const SearchHit& h) {
    QStringList parts;
    if (h.interviewer || h.participantCode.isEmpty()) parts << h.sourceTitle;
    if (h.interviewer) parts << QStringLiteral("interviewer");
    else if (!h.participantCode.isEmpty()) parts << h.participantCode;
    if (h.turnNumber > 0) parts << QStringLiteral("turn %1").arg(h.turnNumber);
    return QStringLiteral("(%1)").arg(parts.join(QStringLiteral(", ")));
}

void printFacet(QTextStream& out, const char* heading, const std::vector<FacetCount>& facets) {
    out << "\n" << heading << "\n";
    if (facets.empty()) {
        out << "  (none)\n";
        return;
    }
    qsizetype width = 0;
    for (const FacetCount& f : facets) width = std::max(width, f.value.size());
    for (const FacetCount& f : facets) out << "  " << f.value.leftJustified(width) << "  " << f.count << "\n";
}

bool parseCount(const QString& text, int* value) {
    bool ok = false;
    const int n = text.trimmed().toInt(&ok);
    if (!ok || n < 0) return false;
    *value = n;
    return true;
}

} // namespace

SearchCommand::SearchCommand()
    : CliCommand(QStringLiteral("search"), QStringLiteral("Search the project's text (full-text index).")) {}

int SearchCommand::run(const QStringList& args, CliContext& ctx) {
    CommandOptions options(
        QStringLiteral("search QUERY [options]"),
        QStringLiteral(
            "Searches every passage of the project (speaker turns, document paragraphs) and prints\n"
            "the matching passages, best first, with a snippet. QUERY: words (stemmed), =word (exact),\n"
            "\"a phrase\", prefix*, a NEAR/n b, AND, OR, NOT or -word, parentheses, and filters\n"
            "participant:R8 speaker:interviewer group:medical (any participant attribute) source:NAME\n"
            "kind:transcript code:\"Code name\" coder:NAME turn:N. The index is built next to the\n"
            "project (NAME.warrant-index) on first use. Finding nothing is not an error (exit 0)."));
    options.addProjectOptions();
    options.addJsonOption();
    options.add(QCommandLineOption({QStringLiteral("n"), QStringLiteral("limit")},
                                   QStringLiteral("Show at most N hits (default 20)."), QStringLiteral("n")));
    options.add(QCommandLineOption(QStringLiteral("offset"), QStringLiteral("Skip the first N hits (default 0)."),
                                   QStringLiteral("n")));
    options.add(QCommandLineOption(QStringLiteral("order"),
                                   QStringLiteral("relevance (default) or document (source, then position)."),
                                   QStringLiteral("order")));
    options.add(QCommandLineOption(QStringLiteral("kwic"),
                                   QStringLiteral("Keyword-in-context lines, aligned on the match.")));
    options.add(QCommandLineOption(QStringLiteral("facets"),
                                   QStringLiteral("Also count all matches by participant, group and code.")));
    options.setPositional(1, 1, {{QStringLiteral("QUERY"), QStringLiteral("what to find, e.g. \"world of politics\" participant:P.C.")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;

    const QString query = options.positional().front();
    if (query.trimmed().isEmpty()) return ctx.fail(QStringLiteral("search: the query is empty"));
    SearchOptions search;
    if (options.isSet(QStringLiteral("limit")) && !parseCount(options.value(QStringLiteral("limit")), &search.limit))
        return ctx.fail(QStringLiteral("search: --limit '%1' must be a number from 0")
                            .arg(options.value(QStringLiteral("limit"))));
    if (options.isSet(QStringLiteral("offset")) &&
        !parseCount(options.value(QStringLiteral("offset")), &search.offset))
        return ctx.fail(QStringLiteral("search: --offset '%1' must be a number from 0")
                            .arg(options.value(QStringLiteral("offset"))));
    if (options.isSet(QStringLiteral("order"))) {
        const QString order = options.value(QStringLiteral("order")).trimmed().toLower();
        if (order == QStringLiteral("document")) search.order = SearchOptions::Order::Document;
        else if (order != QStringLiteral("relevance"))
            return ctx.fail(QStringLiteral("search: unknown --order '%1' (use relevance or document)")
                                .arg(options.value(QStringLiteral("order"))));
    }
    const bool kwic = options.isSet(QStringLiteral("kwic"));
    const bool facets = options.isSet(QStringLiteral("facets"));
    // Facet counting visits every match, which also makes `total` exact rather than estimated:
    // the header line promises a count, so it is always on.
    search.facets = true;

    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Read);
    if (!project) return ctx.fail(project.errorMessage());
    SearchIndex index(SearchIndex::locationFor((*project)->path()));
    if (Status s = SearchIndexOpener::open(index, **project, ctx); !s) return ctx.fail(s.errorMessage());
    auto results = index.search(query, search);
    if (!results) return ctx.fail(results.errorMessage());

    if (options.json()) {
        JsonOutput::write(ctx.out, JsonOutput::searchResults(query, *results, kwic, facets));
        return ExitOk;
    }

    QTextStream& out = ctx.out;
    out << results->total << (results->total == 1 ? " passage matches" : " passages match") << "\n";
    if (results->total == 0 && !results->suggestion.isEmpty())
        out << "Did you mean: " << results->suggestion << "\n";
    if (kwic) {
        if (!results->kwic.empty()) out << "\n";
        for (const KwicLine& k : results->kwic) {
            const SearchHit& h = results->hits[size_t(k.hitIndex)];
            out << k.left.rightJustified(search.kwicWidth) << "  " << k.match << "  "
                << k.right.leftJustified(search.kwicWidth) << "  " << kwicCitation(h) << "\n";
        }
    } else {
        for (const SearchHit& h : results->hits) {
            out << "\n" << h.rank << ". " << h.sourceTitle;
            if (const QString c = speakerCitation(h); !c.isEmpty()) out << " " << c;
            out << " [" << h.start << ":" << h.end << "]";
            if (h.mediaTimeMs) out << " " << mediaTime(*h.mediaTimeMs);
            out << "\n   " << h.snippet << "\n";
        }
    }
    if (facets) {
        printFacet(out, "By participant", results->byParticipant);
        printFacet(out, "By group", results->byGroup);
        printFacet(out, "By code", results->byCode);
    }
    out.flush();
    return ExitOk;
}

} // namespace warrant::cli
