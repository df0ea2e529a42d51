#include "CodesCommand.h"

#include "CommandOptions.h"
#include "JsonOutput.h"
#include "ProjectOpener.h"
#include "SearchIndex.h"
#include "SearchIndexOpener.h"
#include "ops/CodeCounts.h"
#include "ops/CodebookIo.h"
#include "store/CodebookRepository.h"
#include "store/CodingRepository.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <map>
#include <set>

namespace warrant::cli {

namespace {

QString plural(qsizetype n, const char* one, const char* many) {
    return QStringLiteral("%1 %2").arg(n).arg(QString::fromLatin1(n == 1 ? one : many));
}


} // namespace

CodesCommand::CodesCommand()
    : CliCommand(QStringLiteral("codes"), QStringLiteral("Edit, list, import and export the codebook.")) {}

int CodesCommand::run(const QStringList& args, CliContext& ctx) {
    using Args = const QStringList&;
    return dispatch(
        args, ctx,
        {{QStringLiteral("add"), QStringLiteral("Add a code (PATH with '/' between levels)."),
          [this](Args a, CliContext& c) { return add(a, c); }},
         {QStringLiteral("list"), QStringLiteral("List every code's full path."),
          [this](Args a, CliContext& c) { return list(a, c, false); }},
         {QStringLiteral("tree"), QStringLiteral("Show the hierarchy with coded segment counts."),
          [this](Args a, CliContext& c) { return list(a, c, true); }},
         {QStringLiteral("import"), QStringLiteral("Add or update codes from a .csv or .md codebook."),
          [this](Args a, CliContext& c) { return importFile(a, c); }},
         {QStringLiteral("export"), QStringLiteral("Write the codebook as CSV or Markdown."),
          [this](Args a, CliContext& c) { return exportFile(a, c); }},
         {QStringLiteral("rename"), QStringLiteral("Rename a code (its children follow)."),
          [this](Args a, CliContext& c) { return rename(a, c); }},
         {QStringLiteral("move"), QStringLiteral("Move a code under another, or to the top with '/'."),
          [this](Args a, CliContext& c) { return move(a, c); }},
         {QStringLiteral("merge"), QStringLiteral("Move a code's codings, children and memos onto another."),
          [this](Args a, CliContext& c) { return merge(a, c); }},
         {QStringLiteral("delete"), QStringLiteral("Delete a code and its codings."),
          [this](Args a, CliContext& c) { return remove(a, c); }}});
}

int CodesCommand::add(const QStringList& args, CliContext& ctx) {
    CommandOptions options(QStringLiteral("codes add PATH [options]"),
                           QStringLiteral("Adds a code. Missing parent levels of PATH are created too."));
    options.addProjectOptions();
    options.add(QCommandLineOption({QStringLiteral("colour"), QStringLiteral("color")},
                                   QStringLiteral("Colour as #rrggbb (default: from the palette)."),
                                   QStringLiteral("#rrggbb")));
    options.add(QCommandLineOption(QStringLiteral("description"), QStringLiteral("What the code is about."),
                                   QStringLiteral("text")));
    options.add(QCommandLineOption(QStringLiteral("inclusion"), QStringLiteral("When to apply it."),
                                   QStringLiteral("text")));
    options.add(QCommandLineOption(QStringLiteral("exclusion"), QStringLiteral("When not to apply it."),
                                   QStringLiteral("text")));
    options.add(QCommandLineOption(QStringLiteral("example"), QStringLiteral("A typical passage."),
                                   QStringLiteral("text")));
    options.setPositional(1, 1,
                          {{QStringLiteral("PATH"), QStringLiteral("e.g. \"Funding/European funds\"")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;

    QStringList parts;
    for (const QString& p : options.positional().front().split(u'/', Qt::SkipEmptyParts))
        if (!p.trimmed().isEmpty()) parts << p.trimmed();
    if (parts.isEmpty()) return ctx.fail(QStringLiteral("codes add: the code path is empty"));
    const QString path = parts.join(u'/');

    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Write);
    if (!project) return ctx.fail(project.errorMessage());
    CodebookRepository codebook(**project);

    Code code;
    code.name = parts.takeLast();
    code.colour = options.value(QStringLiteral("colour")).trimmed();
    code.description = options.value(QStringLiteral("description"));
    code.inclusion = options.value(QStringLiteral("inclusion"));
    code.exclusion = options.value(QStringLiteral("exclusion"));
    code.example = options.value(QStringLiteral("example"));
    // One change for the parents and the code, so a failure leaves no stray parent behind.
    Status s = (*project)->mutate(QStringLiteral("code.create"), QStringLiteral("Create code '%1'").arg(path),
                                  [&]() -> Status {
                                      if (!parts.isEmpty()) {
                                          auto parent = codebook.ensurePath(parts.join(u'/'));
                                          if (!parent) return parent.error();
                                          code.parentId = *parent;
                                      }
                                      auto id = codebook.create(code);
                                      if (!id) return id.error();
                                      code.id = *id;
                                      return {};
                                  });
    if (!s) return ctx.fail(QStringLiteral("codes add: %1").arg(s.errorMessage()));
    auto created = codebook.get(code.id);
    const QString colour = created && created->has_value() ? (*created)->colour : code.colour;
    ctx.out << "Added code '" << path << "' (" << colour << ")" << Qt::endl;
    return ExitOk;
}

int CodesCommand::list(const QStringList& args, CliContext& ctx, bool tree) {
    CommandOptions options(
        tree ? QStringLiteral("codes tree [options]") : QStringLiteral("codes list [options]"),
        tree ? QStringLiteral("Shows the code hierarchy, indented, with the number of coded segments:\n"
                              "(N) for the code itself, and for codes with subcodes also the number\n"
                              "including them.")
             : QStringLiteral("Lists every code's full path, parents before children."));
    options.addProjectOptions();
    options.addJsonOption();
    if (int code = options.parse(args, ctx); code >= 0) return code;

    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Read);
    if (!project) return ctx.fail(project.errorMessage());
    CodebookRepository codebook(**project);
    auto codes = codebook.list();
    if (!codes) return ctx.fail(codes.errorMessage());
    auto counts = CodeCounts::of(**project);
    if (!counts) return ctx.fail(counts.errorMessage());
    std::map<qint64, int> childCount;
    for (const Code& c : *codes)
        childCount[c.parentId] += 1;

    const auto jsonFor = [&](const Code& c) {
        return JsonOutput::code(c, codebook.path(*codes, c.id), CodeCounts::get(counts->directSegments, c.id),
                                CodeCounts::get(counts->totalSegments, c.id));
    };

    if (options.json() && !tree) {
        QJsonArray array;
        for (const Code& c : *codes)
            array.append(jsonFor(c));
        JsonOutput::write(ctx.out, array);
        return ExitOk;
    }
    if (options.json()) {
        // Nested: each code object gets "children". list() orders parents before children, so
        // building bottom-up in reverse order attaches every child before its parent is placed.
        std::map<qint64, QJsonArray> children;
        for (auto it = codes->rbegin(); it != codes->rend(); ++it) {
            QJsonObject object = jsonFor(*it);
            QJsonArray kids = children[it->id];
            object.insert(QStringLiteral("children"), kids);
            children[it->parentId].prepend(object);
        }
        JsonOutput::write(ctx.out, children[0]);
        return ExitOk;
    }

    for (const Code& c : *codes) {
        const QString path = codebook.path(*codes, c.id);
        if (!tree) {
            ctx.out << path << "\n";
            continue;
        }
        const int depth = int(path.count(u'/'));
        ctx.out << QString(depth * 2, u' ') << c.name << " (" << CodeCounts::get(counts->directSegments, c.id);
        if (childCount[c.id] > 0) ctx.out << ", " << CodeCounts::get(counts->totalSegments, c.id) << " with subcodes";
        ctx.out << ")\n";
    }
    ctx.out.flush();
    return ExitOk;
}

int CodesCommand::importFile(const QStringList& args, CliContext& ctx) {
    CommandOptions options(
        QStringLiteral("codes import FILE [options]"),
        QStringLiteral("Adds codes from a codebook file, or updates the definitions of codes with\n"
                       "the same path. CSV columns: path,colour,description,inclusion,exclusion,\n"
                       "example. Markdown: '## Code' headings (### for subcodes) and 'Description:'\n"
                       "style lines. REFI-QDA .qdc: the nested codes of NVivo, ATLAS.ti, MAXQDA..."));
    options.addProjectOptions();
    options.setPositional(1, 1, {{QStringLiteral("FILE"), QStringLiteral("a .csv, .md or .qdc codebook")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;
    const QString file = options.positional().front();
    if (!QFileInfo(file).isFile()) return ctx.fail(QStringLiteral("%1: no such file").arg(file));

    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Write);
    if (!project) return ctx.fail(project.errorMessage());
    auto n = CodebookIo(**project).importFile(file);
    if (!n) return ctx.fail(n.errorMessage());
    ctx.out << "Imported " << plural(*n, "code", "codes") << " from " << QFileInfo(file).fileName()
            << Qt::endl;
    return ExitOk;
}

int CodesCommand::exportFile(const QStringList& args, CliContext& ctx) {
    CommandOptions options(
        QStringLiteral("codes export [--format csv|md|qdc] [FILE] [options]"),
        QStringLiteral("Writes the codebook to FILE, or to standard output. The format defaults to\n"
                       "FILE's extension, else csv."));
    options.addProjectOptions();
    options.add(
        QCommandLineOption(QStringLiteral("format"), QStringLiteral("csv, md or qdc (REFI-QDA codebook)."), QStringLiteral("format")));
    options.setPositional(
        0, 1, {{QStringLiteral("FILE"), QStringLiteral("where to write (default: standard output)")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;
    const QString file = options.positional().value(0);
    QString format = options.value(QStringLiteral("format")).trimmed().toLower();
    if (format.isEmpty()) {
        const QString suffix = QFileInfo(file).suffix().toLower();
        format = (suffix == QStringLiteral("md") || suffix == QStringLiteral("markdown")) ? QStringLiteral("md")
                 : suffix == QStringLiteral("qdc")                                          ? QStringLiteral("qdc")
                                                                                            : QStringLiteral("csv");
    }
    if (format == QStringLiteral("markdown")) format = QStringLiteral("md");
    if (format != QStringLiteral("csv") && format != QStringLiteral("md") && format != QStringLiteral("qdc"))
        return ctx.fail(QStringLiteral("codes export: unknown --format '%1' (use csv, md or qdc)").arg(format));

    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Read);
    if (!project) return ctx.fail(project.errorMessage());
    auto text = CodebookIo(**project).exportText(format);
    if (!text) return ctx.fail(text.errorMessage());
    if (file.isEmpty()) {
        ctx.out << *text;
        ctx.out.flush();
        return ExitOk;
    }
    // QSaveFile: an interrupted export never leaves a truncated codebook behind.
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(text->toUtf8()) < 0 || !out.commit())
        return ctx.fail(QStringLiteral("%1: cannot write (%2)").arg(file, out.errorString()));
    ctx.out << "Exported the codebook to " << file << Qt::endl;
    return ExitOk;
}

int CodesCommand::rename(const QStringList& args, CliContext& ctx) {
    CommandOptions options(QStringLiteral("codes rename PATH NEWNAME [options]"),
                           QStringLiteral("Renames a code; it keeps its place, codings and subcodes."));
    options.addProjectOptions();
    options.setPositional(2, 2,
                          {{QStringLiteral("PATH"), QStringLiteral("the code's path or unique name")},
                           {QStringLiteral("NEWNAME"), QStringLiteral("the new name (one level, no '/')")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;

    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Write);
    if (!project) return ctx.fail(project.errorMessage());
    CodebookRepository codebook(**project);
    auto code = codebook.resolve(options.positional().at(0));
    if (!code) return ctx.fail(code.errorMessage());
    if (Status s = codebook.rename(code->id, options.positional().at(1)); !s)
        return ctx.fail(QStringLiteral("codes rename: %1").arg(s.errorMessage()));
    auto all = codebook.list();
    ctx.out << "Renamed '" << code->name << "' to '"
            << (all ? codebook.path(*all, code->id) : options.positional().at(1)) << "'" << Qt::endl;
    return ExitOk;
}

int CodesCommand::move(const QStringList& args, CliContext& ctx) {
    CommandOptions options(
        QStringLiteral("codes move PATH NEWPARENT [options]"),
        QStringLiteral("Moves a code and its subcodes under NEWPARENT, or to the top level with '/'."));
    options.addProjectOptions();
    options.setPositional(
        2, 2,
        {{QStringLiteral("PATH"), QStringLiteral("the code to move")},
         {QStringLiteral("NEWPARENT"), QStringLiteral("the new parent's path, or / for the top level")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;

    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Write);
    if (!project) return ctx.fail(project.errorMessage());
    CodebookRepository codebook(**project);
    auto code = codebook.resolve(options.positional().at(0));
    if (!code) return ctx.fail(code.errorMessage());
    qint64 parentId = 0;
    if (const QString target = options.positional().at(1).trimmed(); target != QStringLiteral("/")) {
        auto parent = codebook.resolve(target);
        if (!parent) return ctx.fail(parent.errorMessage());
        parentId = parent->id;
    }
    if (Status s = codebook.move(code->id, parentId); !s)
        return ctx.fail(QStringLiteral("codes move: %1").arg(s.errorMessage()));
    auto all = codebook.list();
    ctx.out << "Moved '" << code->name << "' to '" << (all ? codebook.path(*all, code->id) : code->name)
            << "'" << Qt::endl;
    return ExitOk;
}

int CodesCommand::merge(const QStringList& args, CliContext& ctx) {
    CommandOptions options(
        QStringLiteral("codes merge FROM INTO [options]"),
        QStringLiteral("Moves every coding, subcode and memo of FROM onto INTO, then deletes FROM."));
    options.addProjectOptions();
    options.setPositional(2, 2,
                          {{QStringLiteral("FROM"), QStringLiteral("the code that disappears")},
                           {QStringLiteral("INTO"), QStringLiteral("the code that remains")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;

    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Write);
    if (!project) return ctx.fail(project.errorMessage());
    CodebookRepository codebook(**project);
    auto from = codebook.resolve(options.positional().at(0));
    if (!from) return ctx.fail(from.errorMessage());
    auto into = codebook.resolve(options.positional().at(1));
    if (!into) return ctx.fail(into.errorMessage());
    auto all = codebook.list();
    if (!all) return ctx.fail(all.errorMessage());
    const QString fromPath = codebook.path(*all, from->id);
    const QString intoPath = codebook.path(*all, into->id);
    SegmentFilter filter;
    filter.codeIds = {from->id};
    auto moving = CodingRepository(**project).segments(filter);
    if (!moving) return ctx.fail(moving.errorMessage());
    // The index rebuilds after a codebook change; kept current here so the next search is quick.
    const auto index = SearchIndexOpener::follow(**project, ctx);
    if (Status s = codebook.merge(from->id, into->id); !s)
        return ctx.fail(QStringLiteral("codes merge: %1").arg(s.errorMessage()));
    ctx.out << "Merged '" << fromPath << "' into '" << intoPath << "' ("
            << plural(qsizetype(moving->size()), "coding", "codings") << " moved)" << Qt::endl;
    return ExitOk;
}

int CodesCommand::remove(const QStringList& args, CliContext& ctx) {
    CommandOptions options(
        QStringLiteral("codes delete PATH [--recursive] [options]"),
        QStringLiteral("Deletes a code and its codings. A code with subcodes is refused unless\n"
                       "--recursive is given, which deletes the subcodes and their codings too."));
    options.addProjectOptions();
    options.add(QCommandLineOption({QStringLiteral("r"), QStringLiteral("recursive")},
                                   QStringLiteral("Delete subcodes too.")));
    options.setPositional(1, 1, {{QStringLiteral("PATH"), QStringLiteral("the code's path or unique name")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;

    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Write);
    if (!project) return ctx.fail(project.errorMessage());
    CodebookRepository codebook(**project);
    auto code = codebook.resolve(options.positional().at(0));
    if (!code) return ctx.fail(code.errorMessage());
    auto all = codebook.list();
    const QString path = all ? codebook.path(*all, code->id) : code->name;
    const auto index = SearchIndexOpener::follow(**project, ctx); // kept current by the change
    auto deletion = codebook.remove(code->id, options.isSet(QStringLiteral("recursive")));
    if (!deletion) return ctx.fail(QStringLiteral("codes delete: %1").arg(deletion.errorMessage()));
    ctx.out << "Deleted '" << path << "'";
    if (deletion->codesRemoved > 1)
        ctx.out << " and " << plural(deletion->codesRemoved - 1, "subcode", "subcodes");
    ctx.out << "; removed " << plural(deletion->codingsRemoved, "coding", "codings") << Qt::endl;
    return ExitOk;
}

} // namespace warrant::cli
