#include "store/CodebookRepository.h"

#include "store/Project.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <functional>
#include <map>

namespace warrant {

namespace {

const char* const kCodeColumns =
    "id, ifnull(parent_id, 0), name, colour, description, inclusion, exclusion, example, position";

Code readCode(const SqliteStatement& row) {
    Code c;
    c.id = row.int64(0);
    c.parentId = row.int64(1);
    c.name = row.text(2);
    c.colour = row.text(3);
    c.description = row.text(4);
    c.inclusion = row.text(5);
    c.exclusion = row.text(6);
    c.example = row.text(7);
    c.position = int(row.int64(8));
    return c;
}

ChangeNotice codebookNotice() {
    ChangeNotice n;
    n.codebookChanged = true;
    return n;
}

bool validColour(const QString& colour) {
    static const QRegularExpression hex(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    return hex.match(colour).hasMatch();
}

} // namespace

QString CodebookRepository::defaultColour(int index) {
    // Distinct, print-safe colours; cycled for large codebooks.
    static const std::array<const char*, 12> palette = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2",
                                                        "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
                                                        "#9c755f", "#bab0ac", "#1f77b4", "#8c564b"};
    return QString::fromLatin1(palette[size_t(index) % palette.size()]);
}

Result<std::vector<Code>> CodebookRepository::list() {
    std::vector<Code> rows;
    SqliteStatement stmt = m_project.db().prepare(
        QStringLiteral("SELECT %1 FROM codes ORDER BY position, id").arg(QString::fromLatin1(kCodeColumns)));
    while (stmt.next()) rows.push_back(readCode(stmt));
    if (stmt.failed()) return makeError(stmt.error());
    // Depth-first order: parents before children, siblings by position.
    std::map<qint64, std::vector<const Code*>> children;
    for (const Code& c : rows) children[c.parentId].push_back(&c);
    std::vector<Code> ordered;
    ordered.reserve(rows.size());
    std::function<void(qint64)> walk = [&](qint64 parent) {
        for (const Code* c : children[parent]) {
            ordered.push_back(*c);
            walk(c->id);
        }
    };
    walk(0);
    return ordered;
}

Result<std::optional<Code>> CodebookRepository::get(qint64 id) {
    SqliteStatement stmt = m_project.db().prepare(
        QStringLiteral("SELECT %1 FROM codes WHERE id = ?1").arg(QString::fromLatin1(kCodeColumns)));
    stmt.bind(1, id);
    if (stmt.next()) return std::optional<Code>(readCode(stmt));
    if (stmt.failed()) return makeError(stmt.error());
    return std::optional<Code>();
}

QString CodebookRepository::path(const std::vector<Code>& all, qint64 id) const {
    QStringList parts;
    int guard = 0;
    while (id && guard++ < 64) {
        auto it = std::find_if(all.begin(), all.end(), [id](const Code& c) { return c.id == id; });
        if (it == all.end()) break;
        parts.prepend(it->name);
        id = it->parentId;
    }
    return parts.join(u'/');
}

Result<Code> CodebookRepository::resolve(const QString& pathOrName) {
    auto all = list();
    if (!all) return all.error();
    const QString wanted = pathOrName.trimmed();
    for (const Code& c : *all)
        if (path(*all, c.id).compare(wanted, Qt::CaseInsensitive) == 0) return c;
    std::vector<const Code*> byName;
    for (const Code& c : *all)
        if (c.name.compare(wanted, Qt::CaseInsensitive) == 0) byName.push_back(&c);
    if (byName.size() == 1) return *byName.front();
    if (byName.size() > 1) {
        QStringList paths;
        for (const Code* c : byName) paths << path(*all, c->id);
        return makeError(QStringLiteral("code name '%1' is ambiguous: %2").arg(wanted, paths.join(QStringLiteral(", "))));
    }
    return makeError(QStringLiteral("no code '%1' in the codebook").arg(wanted));
}

Result<std::vector<qint64>> CodebookRepository::withDescendants(qint64 id) {
    auto all = list();
    if (!all) return all.error();
    std::vector<qint64> ids{id};
    for (size_t i = 0; i < ids.size(); ++i)
        for (const Code& c : *all)
            if (c.parentId == ids[i]) ids.push_back(c.id);
    return ids;
}

Status CodebookRepository::checkSiblingName(qint64 parentId, const QString& name, qint64 exceptId) {
    if (name.trimmed().isEmpty()) return makeError(QStringLiteral("a code name cannot be empty"));
    if (name.contains(u'/')) return makeError(QStringLiteral("code name '%1' may not contain '/'").arg(name));
    SqliteStatement stmt = m_project.db().prepare(QStringLiteral(
        "SELECT count(*) FROM codes WHERE ifnull(parent_id, 0) = ?1 AND name = ?2 COLLATE NOCASE AND id != ?3"));
    stmt.bind(1, parentId).bind(2, name.trimmed()).bind(3, exceptId);
    if (!stmt.next()) return makeError(stmt.error());
    if (stmt.int64(0) > 0)
        return makeError(QStringLiteral("a code named '%1' already exists at that level").arg(name.trimmed()));
    return {};
}

Result<qint64> CodebookRepository::create(const Code& code) {
    qint64 newId = 0;
    Status s = m_project.mutate(QStringLiteral("code.create"), QStringLiteral("created the code '%1'").arg(code.name),
                                [&]() -> Status {
        if (Status c = checkSiblingName(code.parentId, code.name, 0); !c) return c;
        if (code.parentId) {
            auto parent = get(code.parentId);
            if (!parent) return parent.error();
            if (!parent->has_value()) return makeError(QStringLiteral("parent code %1 does not exist").arg(code.parentId));
        }
        auto count = m_project.db().queryInt(QStringLiteral("SELECT count(*) FROM codes"));
        if (!count) return count.error();
        const QString colour = code.colour.isEmpty() ? defaultColour(int(*count)) : code.colour;
        if (!validColour(colour))
            return makeError(QStringLiteral("colour '%1' for code '%2' is not of the form #rrggbb").arg(colour, code.name));
        SqliteStatement insert = m_project.db().prepare(QStringLiteral(
            "INSERT INTO codes(parent_id, name, colour, description, inclusion, exclusion, example, position) "
            "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT ifnull(max(position), -1) + 1 FROM codes))"));
        if (code.parentId) insert.bind(1, code.parentId);
        else insert.bindNull(1);
        insert.bind(2, code.name.trimmed()).bind(3, colour.toLower()).bind(4, code.description);
        insert.bind(5, code.inclusion).bind(6, code.exclusion).bind(7, code.example);
        if (!insert.run()) return makeError(insert.error());
        newId = m_project.db().lastInsertId();
        return {};
    }, codebookNotice());
    if (!s) return s.error();
    return newId;
}

Result<qint64> CodebookRepository::ensurePath(const QString& codePath, const QString& colour) {
    const QStringList parts = codePath.split(u'/', Qt::SkipEmptyParts);
    if (parts.isEmpty()) return makeError(QStringLiteral("empty code path"));
    qint64 parent = 0;
    for (int i = 0; i < parts.size(); ++i) {
        const QString name = parts[i].trimmed();
        SqliteStatement find = m_project.db().prepare(
            QStringLiteral("SELECT id FROM codes WHERE ifnull(parent_id, 0) = ?1 AND name = ?2 COLLATE NOCASE"));
        find.bind(1, parent).bind(2, name);
        if (find.next()) {
            parent = find.int64(0);
            continue;
        }
        Code code;
        code.parentId = parent;
        code.name = name;
        if (i == parts.size() - 1) code.colour = colour;
        auto id = create(code);
        if (!id) return id.error();
        parent = *id;
    }
    return parent;
}

Status CodebookRepository::rename(qint64 id, const QString& newName) {
    auto code = get(id);
    if (!code) return code.error();
    if (!code->has_value()) return makeError(QStringLiteral("code %1 does not exist").arg(id));
    return m_project.mutate(QStringLiteral("code.rename"),
                            QStringLiteral("renamed the code '%1' to '%2'").arg((*code)->name, newName), [&]() -> Status {
        if (Status c = checkSiblingName((*code)->parentId, newName, id); !c) return c;
        SqliteStatement update = m_project.db().prepare(QStringLiteral("UPDATE codes SET name = ?1 WHERE id = ?2"));
        update.bind(1, newName.trimmed()).bind(2, id);
        return update.run() ? Status() : Status(makeError(update.error()));
    }, codebookNotice());
}

Status CodebookRepository::move(qint64 id, qint64 newParentId) {
    auto code = get(id);
    if (!code) return code.error();
    if (!code->has_value()) return makeError(QStringLiteral("code %1 does not exist").arg(id));
    auto subtree = withDescendants(id);
    if (!subtree) return subtree.error();
    if (std::find(subtree->begin(), subtree->end(), newParentId) != subtree->end())
        return makeError(QStringLiteral("cannot move code '%1' under itself").arg((*code)->name));
    return m_project.mutate(QStringLiteral("code.move"), QStringLiteral("moved the code '%1'").arg((*code)->name),
                            [&]() -> Status {
        if (Status c = checkSiblingName(newParentId, (*code)->name, id); !c) return c;
        SqliteStatement update = m_project.db().prepare(QStringLiteral("UPDATE codes SET parent_id = ?1 WHERE id = ?2"));
        if (newParentId) update.bind(1, newParentId);
        else update.bindNull(1);
        update.bind(2, id);
        return update.run() ? Status() : Status(makeError(update.error()));
    }, codebookNotice());
}

Status CodebookRepository::updateDefinition(const Code& code) {
    if (!validColour(code.colour))
        return makeError(QStringLiteral("colour '%1' for code '%2' is not of the form #rrggbb").arg(code.colour, code.name));
    return m_project.mutate(QStringLiteral("code.define"), QStringLiteral("edited the definition of '%1'").arg(code.name),
                            [&]() -> Status {
        SqliteStatement update = m_project.db().prepare(QStringLiteral(
            "UPDATE codes SET colour = ?1, description = ?2, inclusion = ?3, exclusion = ?4, example = ?5 WHERE id = ?6"));
        update.bind(1, code.colour.toLower()).bind(2, code.description).bind(3, code.inclusion);
        update.bind(4, code.exclusion).bind(5, code.example).bind(6, code.id);
        if (!update.run()) return makeError(update.error());
        if (m_project.db().changes() == 0) return makeError(QStringLiteral("code %1 does not exist").arg(code.id));
        return {};
    }, codebookNotice());
}

Status CodebookRepository::merge(qint64 from, qint64 into) {
    if (from == into) return makeError(QStringLiteral("cannot merge a code into itself"));
    auto a = get(from);
    auto b = get(into);
    if (!a) return a.error();
    if (!b) return b.error();
    if (!a->has_value() || !b->has_value()) return makeError(QStringLiteral("both codes must exist to merge"));
    auto subtree = withDescendants(from);
    if (!subtree) return subtree.error();
    if (std::find(subtree->begin(), subtree->end(), into) != subtree->end())
        return makeError(QStringLiteral("cannot merge '%1' into its own descendant").arg((*a)->name));
    ChangeNotice notice = codebookNotice();
    return m_project.mutate(QStringLiteral("code.merge"),
                            QStringLiteral("merged the code '%1' into '%2'").arg((*a)->name, (*b)->name), [&]() -> Status {
        SqliteDatabase& db = m_project.db();
        // Codings already present on the target for the same segment and coder are dropped, not doubled.
        const QString sql = QStringLiteral(
            "INSERT OR IGNORE INTO codings(segment_id, code_id, coder_id, created_at) "
            "SELECT segment_id, %2, coder_id, created_at FROM codings WHERE code_id = %1; "
            "DELETE FROM codings WHERE code_id = %1; "
            "UPDATE codes SET parent_id = %2 WHERE parent_id = %1; "
            "UPDATE memos SET target_id = %2 WHERE target_kind = 'code' AND target_id = %1; "
            "DELETE FROM codes WHERE id = %1;")
                                .arg(from)
                                .arg(into);
        return db.exec(sql);
    }, notice);
}

Result<CodeDeletion> CodebookRepository::remove(qint64 id, bool recursive) {
    auto code = get(id);
    if (!code) return code.error();
    if (!code->has_value()) return makeError(QStringLiteral("code %1 does not exist").arg(id));
    auto subtree = withDescendants(id);
    if (!subtree) return subtree.error();
    if (subtree->size() > 1 && !recursive)
        return makeError(QStringLiteral("code '%1' has %2 subcodes; delete them too (recursive) or move them first")
                             .arg((*code)->name)
                             .arg(subtree->size() - 1));
    CodeDeletion deletion;
    Status s = m_project.mutate(QStringLiteral("code.delete"), QStringLiteral("deleted the code '%1'").arg((*code)->name),
                                [&]() -> Status {
        SqliteDatabase& db = m_project.db();
        // Children first, so the parent reference never dangles.
        for (auto it = subtree->rbegin(); it != subtree->rend(); ++it) {
            SqliteStatement codings = db.prepare(QStringLiteral("DELETE FROM codings WHERE code_id = ?1"));
            codings.bind(1, *it);
            if (!codings.run()) return makeError(codings.error());
            deletion.codingsRemoved += db.changes();
            SqliteStatement memos = db.prepare(QStringLiteral("DELETE FROM memos WHERE target_kind = 'code' AND target_id = ?1"));
            memos.bind(1, *it);
            if (!memos.run()) return makeError(memos.error());
            SqliteStatement del = db.prepare(QStringLiteral("DELETE FROM codes WHERE id = ?1"));
            del.bind(1, *it);
            if (!del.run()) return makeError(del.error());
            deletion.codesRemoved += 1;
        }
        return {};
    }, codebookNotice());
    if (!s) return s.error();
    return deletion;
}

} // namespace warrant
