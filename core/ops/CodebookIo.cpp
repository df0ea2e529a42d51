#include "ops/CodebookIo.h"

#include "exchange/CodeDefinitionText.h"
#include "exchange/QdcReader.h"
#include "exchange/QdcWriter.h"
#include "exchange/QdpxModelBuilder.h"
#include "store/CodebookRepository.h"
#include "store/Project.h"
#include "text/CsvReader.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace warrant {

namespace {

struct CodeEntry {
    QString path;
    Code definition;
    int line = 0;
};

const QStringList kCsvHeader = {QStringLiteral("path"),      QStringLiteral("colour"),
                                QStringLiteral("description"), QStringLiteral("inclusion"),
                                QStringLiteral("exclusion"), QStringLiteral("example")};

// Creates each path (parents first) and sets its definition, all as one change.
Result<int> applyEntries(Project& project, const std::vector<CodeEntry>& entries, const QString& fileName) {
    CodebookRepository codebook(project);
    Status s = project.mutate(QStringLiteral("codebook.import"),
                              QStringLiteral("imported %1 codes from %2").arg(entries.size()).arg(fileName), [&]() -> Status {
        for (const CodeEntry& e : entries) {
            auto id = codebook.ensurePath(e.path, e.definition.colour);
            if (!id) return makeError(QStringLiteral("%1: line %2: %3").arg(fileName).arg(e.line).arg(id.errorMessage()));
            auto existing = codebook.get(*id);
            if (!existing || !existing->has_value()) return makeError(QStringLiteral("%1: code vanished").arg(fileName));
            Code updated = **existing;
            if (!e.definition.colour.isEmpty()) updated.colour = e.definition.colour;
            updated.description = e.definition.description;
            updated.inclusion = e.definition.inclusion;
            updated.exclusion = e.definition.exclusion;
            updated.example = e.definition.example;
            if (Status u = codebook.updateDefinition(updated); !u)
                return makeError(QStringLiteral("%1: line %2: %3").arg(fileName).arg(e.line).arg(u.errorMessage()));
        }
        return {};
    }, [] { ChangeNotice n; n.codebookChanged = true; return n; }());
    if (!s) return s.error();
    return int(entries.size());
}

// A REFI-QDA code tree as path entries, parents before children. A "/" inside a name would read
// as a level, so it becomes the division slash "∕"; two siblings of one name stay two codes
// ("Name (2)"). Both as in a .qdpx import.
void flatten(const std::vector<qda::Code>& codes, const QString& parentPath, std::vector<CodeEntry>& out) {
    QSet<QString> siblings;
    for (const qda::Code& c : codes) {
        CodeEntry e;
        QString base = c.name.trimmed();
        base.replace(u'/', QChar(0x2215));
        if (base.isEmpty()) base = QStringLiteral("(unnamed code)");
        QString name = base;
        for (int n = 2; siblings.contains(name.toLower()); ++n) name = QStringLiteral("%1 (%2)").arg(base).arg(n);
        siblings.insert(name.toLower());
        e.path = parentPath.isEmpty() ? name : parentPath + u'/' + name;
        e.definition.colour = c.colour;
        CodeDefinitionText::split(c.description, &e.definition);
        e.line = int(out.size()) + 1;
        out.push_back(e);
        flatten(c.children, e.path, out);
    }
}

} // namespace

Result<int> CodebookIo::importFile(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QStringLiteral("csv")) return importCsv(path);
    if (suffix == QStringLiteral("md") || suffix == QStringLiteral("markdown")) return importMarkdown(path);
    if (suffix == QStringLiteral("qdc")) return importQdc(path);
    return makeError(QStringLiteral("%1: a codebook must be .csv, .md or .qdc").arg(QFileInfo(path).fileName()));
}

Result<int> CodebookIo::importCsv(const QString& path) {
    const QString name = QFileInfo(path).fileName();
    auto rows = CsvReader::readFile(path);
    if (!rows) return rows.error();
    if (rows->empty()) return makeError(QStringLiteral("%1: the file is empty").arg(name));
    QStringList header;
    for (const QString& h : rows->front().fields) header << h.trimmed().toLower();
    const qsizetype pathColumn = header.indexOf(QStringLiteral("path"));
    if (pathColumn < 0) return makeError(QStringLiteral("%1: row 1: a 'path' column is required").arg(name));
    auto column = [&](const char* key) { return header.indexOf(QString::fromLatin1(key)); };
    std::vector<CodeEntry> entries;
    for (size_t r = 1; r < rows->size(); ++r) {
        const CsvRow& row = (*rows)[r];
        CodeEntry e;
        e.line = row.line;
        e.path = row.fields.value(pathColumn).trimmed();
        if (e.path.isEmpty())
            return makeError(QStringLiteral("%1: row %2, column %3: the code path is empty").arg(name).arg(r + 1).arg(pathColumn + 1));
        e.definition.colour = row.fields.value(column("colour")).trimmed();
        if (e.definition.colour.isEmpty()) e.definition.colour = row.fields.value(column("color")).trimmed();
        e.definition.description = row.fields.value(column("description")).trimmed();
        e.definition.inclusion = row.fields.value(column("inclusion")).trimmed();
        e.definition.exclusion = row.fields.value(column("exclusion")).trimmed();
        e.definition.example = row.fields.value(column("example")).trimmed();
        entries.push_back(std::move(e));
    }
    return applyEntries(m_project, entries, name);
}

Result<int> CodebookIo::importMarkdown(const QString& path) {
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return makeError(QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString()));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    static const QRegularExpression heading(QStringLiteral("^(#{2,4})\\s+(.+?)\\s*$"));
    static const QRegularExpression field(
        QStringLiteral("^\\s*(?:[-*]\\s*)?\\**(Colour|Color|Description|Inclusion|Exclusion|Example)\\**\\s*:\\s*\\**\\s*(.*)$"),
        QRegularExpression::CaseInsensitiveOption);
    std::vector<CodeEntry> entries;
    QStringList stack;
    QString* lastField = nullptr;
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines[i];
        if (auto h = heading.match(line); h.hasMatch()) {
            const int level = int(h.captured(1).size()) - 2; // "##" is the top level
            if (level > stack.size())
                return makeError(QStringLiteral("%1: line %2: heading skips a level").arg(name).arg(i + 1));
            stack = stack.mid(0, level);
            stack << h.captured(2).trimmed();
            CodeEntry e;
            e.path = stack.join(u'/');
            e.line = i + 1;
            entries.push_back(e);
            lastField = nullptr;
            continue;
        }
        if (entries.empty()) continue;
        Code& def = entries.back().definition;
        if (auto f = field.match(line); f.hasMatch()) {
            const QString key = f.captured(1).toLower();
            QString* target = key.startsWith(QStringLiteral("colo")) ? &def.colour
                              : key == QStringLiteral("description") ? &def.description
                              : key == QStringLiteral("inclusion")   ? &def.inclusion
                              : key == QStringLiteral("exclusion")   ? &def.exclusion
                                                                     : &def.example;
            *target = f.captured(2).trimmed();
            lastField = target;
        } else if (lastField && !line.trimmed().isEmpty()) {
            *lastField += u' ' + line.trimmed(); // wrapped continuation of the previous field
        } else if (line.trimmed().isEmpty()) {
            lastField = nullptr;
        } else if (def.description.isEmpty()) {
            def.description = line.trimmed(); // a plain paragraph under a heading describes the code
            lastField = &def.description;
        }
    }
    if (entries.empty()) return makeError(QStringLiteral("%1: no codes found (use '## Code' headings)").arg(name));
    return applyEntries(m_project, entries, name);
}

Result<int> CodebookIo::importQdc(const QString& path) {
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return makeError(QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString()));
    auto codes = QdcReader::read(file.readAll(), name);
    if (!codes) return codes.error();
    std::vector<CodeEntry> entries;
    flatten(*codes, {}, entries);
    if (entries.empty()) return makeError(QStringLiteral("%1: the codebook has no codes").arg(name));
    return applyEntries(m_project, entries, name);
}

Result<QString> CodebookIo::exportText(const QString& format) {
    CodebookRepository codebook(m_project);
    auto all = codebook.list();
    if (!all) return all.error();
    QString out;
    if (format == QStringLiteral("csv")) {
        out += CsvReader::formatRow(kCsvHeader);
        for (const Code& c : *all)
            out += CsvReader::formatRow({codebook.path(*all, c.id), c.colour, c.description, c.inclusion, c.exclusion, c.example});
        return out;
    }
    if (format == QStringLiteral("md")) {
        out += QStringLiteral("# Codebook\n");
        for (const Code& c : *all) {
            const int depth = int(codebook.path(*all, c.id).count(u'/'));
            out += QStringLiteral("\n%1 %2\n\n").arg(QString(depth + 2, u'#'), c.name);
            out += QStringLiteral("Colour: %1\n").arg(c.colour);
            const std::pair<const char*, QString> fields[] = {{"Description", c.description},
                                                              {"Inclusion", c.inclusion},
                                                              {"Exclusion", c.exclusion},
                                                              {"Example", c.example}};
            for (const auto& [label, value] : fields)
                if (!value.isEmpty()) out += QStringLiteral("%1: %2\n").arg(QString::fromLatin1(label), value);
        }
        return out;
    }
    if (format == QStringLiteral("qdc")) {
        auto codes = QdpxModelBuilder(m_project).codebook();
        if (!codes) return codes.error();
        return QString::fromUtf8(QdcWriter::write(*codes, QStringLiteral("Warrant")));
    }
    return makeError(QStringLiteral("unknown codebook format '%1' (use csv, md or qdc)").arg(format));
}

} // namespace warrant
