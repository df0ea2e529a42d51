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

#include "import/FileImporter.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryDir>

#include <memory>

namespace warrant::cli {

namespace {

Status writeFile(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return makeError(QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString()));
    file.write(bytes);
    if (!file.commit()) return makeError(QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString()));
    return {};
}

// The manuscript: a source of the project by name or by the file's bytes, else the file itself.
// Only with --save is a file imported as a new manuscript source (importing the same bytes twice
// finds the existing source); without it the file is read and audited in memory.
Result<Manuscript> manuscriptFor(Project& project, const QString& given, bool save) {
    SourceRepository sources(project);
    auto existing = sources.findByName(given);
    if (!existing) return existing.error();
    if (existing->has_value()) return Manuscript{(*existing)->id, (*existing)->title, (*existing)->text};
    if (!QFileInfo(given).isFile()) return makeError(QStringLiteral("%1: no such manuscript file or source").arg(given));
    QFile file(given);
    if (!file.open(QIODevice::ReadOnly)) return makeError(QStringLiteral("%1: cannot read (%2)").arg(given, file.errorString()));
    const QByteArray bytes = file.readAll();
    auto same = sources.findBySha256(FileImporter::sha256Hex(bytes));
    if (!same) return same.error();
    if (same->has_value()) return Manuscript{(*same)->id, (*same)->title, (*same)->text};
    if (!save) {
        auto document = FileImporter::importBytes(bytes, given);
        if (!document) return document.error();
        return Manuscript{0, document->title, document->text};
    }
    ImportRequest request;
    request.paths = {given};
    request.kind = SourceKind::Manuscript;
    auto report = ImportService(project).run(request);
    if (!report) return report.error();
    if (report->imported.empty()) return makeError(QStringLiteral("%1: could not be imported as a manuscript").arg(given));
    auto imported = sources.get(report->imported.front().sourceId);
    if (!imported) return imported.error();
    if (!imported->has_value()) return makeError(QStringLiteral("%1: the imported manuscript is missing").arg(given));
    return Manuscript{(*imported)->id, (*imported)->title, (*imported)->text};
}

// The project's index folder, or a fresh one in a temporary folder when the project's folder
// cannot be written (a reviewer's read-only copy): the index is a cache, rebuilt from the project.
QString indexFolderFor(const Project& project, std::unique_ptr<QTemporaryDir>& scratch) {
    const QString usual = SearchIndex::locationFor(project.path());
    const QFileInfo folder(usual);
    const bool writable = folder.exists() ? folder.isWritable() : QFileInfo(folder.absolutePath()).isWritable();
    if (writable) return usual;
    scratch = std::make_unique<QTemporaryDir>();
    return scratch->filePath(QStringLiteral("index"));
}

} // namespace

AuditCommand::AuditCommand()
    : CliCommand(QStringLiteral("audit"), QStringLiteral("Check a manuscript's quotations and claims against the interviews.")) {}

int AuditCommand::run(const QStringList& args, CliContext& ctx) {
    CommandOptions options(QStringLiteral("audit MANUSCRIPT [options]"),
                           QStringLiteral("Verifies every quotation and claim of a manuscript (a source of the project, or a "
                                          ".md/.txt/.docx/.odt file). Reads the project only, unless --save is given."));
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
    options.add(QCommandLineOption(QStringLiteral("save"),
                                   QStringLiteral("Store the detected claims and the verified quotations' evidence links in the "
                                                  "project (importing a manuscript file first). Without it the audit only reads.")));
    options.add(QCommandLineOption(QStringLiteral("verbose"), QStringLiteral("Text format: show every claim, not only problems.")));
    options.setPositional(1, 1, {{QStringLiteral("MANUSCRIPT"), QStringLiteral("source title, or a manuscript file")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;

    const QString format = options.value(QStringLiteral("format")).toLower();
    if (!QStringList{QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("html"), QStringLiteral("junit")}.contains(format))
        return ctx.fail(QStringLiteral("unknown format '%1' (text, json, html, junit)").arg(format));
    QSet<QString> failOn = Auditor::defaultFailOn();
    if (options.isSet(QStringLiteral("fail-on"))) {
        auto parsed = Auditor::parseFailOn(options.value(QStringLiteral("fail-on")));
        if (!parsed) return ctx.fail(parsed.errorMessage());
        failOn = *parsed;
    }
    const bool save = options.isSet(QStringLiteral("save"));

    auto project = ProjectOpener::open(options, ctx, save ? ProjectOpener::Access::Write : ProjectOpener::Access::Read);
    if (!project) return ctx.fail(project.errorMessage());
    auto manuscript = manuscriptFor(**project, options.positional().front(), save);
    if (!manuscript) return ctx.fail(manuscript.errorMessage());
    std::unique_ptr<QTemporaryDir> scratch;
    SearchIndex index(indexFolderFor(**project, scratch));
    if (ctx.isTerminal) ctx.err << "Opening the search index…\n";
    if (Status s = index.open(**project); !s) return ctx.fail(s.errorMessage());
    index.attach(**project);
    IndexCandidateFinder finder(index);
    Auditor auditor(**project, &finder);
    auto report = save ? auditor.audit(manuscript->sourceId, failOn, Auditor::Save::Yes) : auditor.audit(*manuscript, failOn);
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
