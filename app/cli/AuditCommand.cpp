#include "AuditCommand.h"

#include "CommandOptions.h"
#include "IndexCandidateFinder.h"
#include "ProjectOpener.h"
#include "SearchIndex.h"
#include "ops/ImportService.h"
#include "store/ParticipantRepository.h"
#include "store/SourceRepository.h"
#include "trace/Auditor.h"
#include "trace/report/AuditHtmlWriter.h"
#include "trace/report/AuditJsonWriter.h"
#include "trace/report/AuditJunitWriter.h"
#include "trace/report/AuditTextWriter.h"
#include "trace/report/EvidenceTableWriter.h"

#include <QFileInfo>
#include <QSaveFile>

namespace warrant::cli {

namespace {

Status writeFile(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return makeError(QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString()));
    file.write(bytes);
    if (!file.commit()) return makeError(QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString()));
    return {};
}

// The manuscript: a source of the project by name, or a file, imported as a manuscript first
// (importing the same bytes twice finds the existing source).
Result<qint64> manuscriptSource(Project& project, const QString& given) {
    auto existing = SourceRepository(project).findByName(given);
    if (!existing) return existing.error();
    if (existing->has_value()) return (*existing)->id;
    if (!QFileInfo(given).isFile()) return makeError(QStringLiteral("%1: no such manuscript file or source").arg(given));
    ImportRequest request;
    request.paths = {given};
    request.kind = SourceKind::Manuscript;
    auto report = ImportService(project).run(request);
    if (!report) return report.error();
    if (!report->imported.empty()) return report->imported.front().sourceId;
    auto again = SourceRepository(project).findByName(QFileInfo(given).completeBaseName());
    if (again && again->has_value()) return (*again)->id;
    return makeError(QStringLiteral("%1: already imported under another name").arg(given));
}

} // namespace

AuditCommand::AuditCommand()
    : CliCommand(QStringLiteral("audit"), QStringLiteral("Check a manuscript's quotations and claims against the interviews.")) {}

int AuditCommand::run(const QStringList& args, CliContext& ctx) {
    CommandOptions options(QStringLiteral("audit MANUSCRIPT [options]"),
                           QStringLiteral("Verifies every quotation and claim of a manuscript (a source of the project, or a "
                                          ".md/.txt/.docx/.odt file to import as one)."));
    options.addProjectOptions();
    options.add(QCommandLineOption(QStringLiteral("format"), QStringLiteral("text (default), json, html or junit."),
                                   QStringLiteral("FORMAT"), QStringLiteral("text")));
    options.add(QCommandLineOption(QStringLiteral("output"), QStringLiteral("Write the report to FILE instead of standard output."),
                                   QStringLiteral("FILE")));
    options.add(QCommandLineOption(QStringLiteral("fail-on"),
                                   QStringLiteral("Comma-separated verdicts and checks that make the exit code 1 (default: altered, "
                                                  "misattributed, interviewer-words, spliced, not-found, unsupported, "
                                                  "orphan-citation, quantifier); 'none' never fails."),
                                   QStringLiteral("LIST")));
    options.add(QCommandLineOption(QStringLiteral("evidence-table"), QStringLiteral("Also write the evidence table (.csv or .md)."),
                                   QStringLiteral("FILE")));
    options.add(QCommandLineOption(QStringLiteral("verbose"), QStringLiteral("Text format: show every claim, not only problems.")));
    options.setPositional(1, 1, {{QStringLiteral("MANUSCRIPT"), QStringLiteral("source title, or a manuscript file")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;

    const QString format = options.value(QStringLiteral("format")).toLower();
    if (!QStringList{QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("html"), QStringLiteral("junit")}.contains(format))
        return ctx.fail(QStringLiteral("unknown format '%1' (text, json, html, junit)").arg(format));
    QSet<QString> failOn = Auditor::defaultFailOn();
    if (options.isSet(QStringLiteral("fail-on"))) {
        failOn.clear();
        for (const QString& name : options.value(QStringLiteral("fail-on")).split(u',', Qt::SkipEmptyParts)) {
            const QString n = name.trimmed().toLower();
            QuoteVerdict v;
            const bool check = n == QStringLiteral("unsupported") || n == QStringLiteral("orphan-citation") ||
                               n == QStringLiteral("concentration") || n == QStringLiteral("quantifier") ||
                               n == QStringLiteral("contrary-evidence");
            if (n == QStringLiteral("none")) continue;
            if (!check && !parseQuoteVerdict(n, &v)) return ctx.fail(QStringLiteral("--fail-on: unknown verdict or check '%1'").arg(n));
            failOn.insert(n);
        }
    }

    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Write);
    if (!project) return ctx.fail(project.errorMessage());
    auto source = manuscriptSource(**project, options.positional().front());
    if (!source) return ctx.fail(source.errorMessage());
    SearchIndex index(SearchIndex::locationFor((*project)->path()));
    if (ctx.isTerminal) ctx.err << "Opening the search index…\n";
    if (Status s = index.open(**project); !s) return ctx.fail(s.errorMessage());
    index.attach(**project);
    IndexCandidateFinder finder(index);
    auto report = Auditor(**project, &finder).audit(*source, failOn);
    if (!report) return ctx.fail(report.errorMessage());

    QByteArray bytes;
    if (format == QStringLiteral("json")) bytes = AuditJsonWriter::write(*report);
    else if (format == QStringLiteral("html")) bytes = AuditHtmlWriter::write(*report).toUtf8();
    else if (format == QStringLiteral("junit")) bytes = AuditJunitWriter::write(*report, failOn);
    else bytes = AuditTextWriter::write(*report, options.isSet(QStringLiteral("verbose"))).toUtf8();
    if (options.isSet(QStringLiteral("output"))) {
        if (Status s = writeFile(options.value(QStringLiteral("output")), bytes); !s) return ctx.fail(s.errorMessage());
        ctx.err << "Report written to " << options.value(QStringLiteral("output")) << "\n";
    } else {
        ctx.out << QString::fromUtf8(bytes);
    }
    if (options.isSet(QStringLiteral("evidence-table"))) {
        std::map<QString, std::map<QString, QString>> attributes;
        if (auto participants = ParticipantRepository(**project).list())
            for (const Participant& p : *participants)
                for (const ParticipantAttribute& a : p.attributes) attributes[p.code][a.name] = a.value;
        const QString path = options.value(QStringLiteral("evidence-table"));
        const QString table = path.endsWith(QStringLiteral(".md"), Qt::CaseInsensitive) ? EvidenceTableWriter::markdown(*report, attributes)
                                                                                     : EvidenceTableWriter::csv(*report, attributes);
        if (Status s = writeFile(path, table.toUtf8()); !s) return ctx.fail(s.errorMessage());
    }
    ctx.out.flush();
    ctx.err.flush();
    return report->findings > 0 ? ExitFindings : ExitOk;
}

} // namespace warrant::cli
