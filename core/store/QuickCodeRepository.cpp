#include "store/QuickCodeRepository.h"

#include "store/CodebookRepository.h"
#include "store/Project.h"

#include <set>

namespace warrant {

namespace {

ChangeNotice codebookNotice() {
    ChangeNotice n;
    n.codebookChanged = true;
    return n;
}

} // namespace

Result<std::array<qint64, QuickCodeRepository::kKeys>> QuickCodeRepository::pins() {
    std::array<qint64, kKeys> out{};
    SqliteStatement rows = m_project.db().prepare(QStringLiteral("SELECT key, code_id FROM quick_codes ORDER BY key"));
    while (rows.next()) {
        const qint64 key = rows.int64(0);
        if (key >= 1 && key <= kKeys) out[size_t(key - 1)] = rows.int64(1);
    }
    if (rows.failed()) return makeError(rows.error());
    return out;
}

Result<QuickCodeRepository::Keys> QuickCodeRepository::keys() {
    auto codebook = CodebookRepository(m_project).list();
    if (!codebook) return codebook.error();
    return keys(*codebook);
}

Result<QuickCodeRepository::Keys> QuickCodeRepository::keys(const std::vector<Code>& codebook) {
    auto pinned = pins();
    if (!pinned) return pinned.error();
    std::set<qint64> parents, pinnedIds;
    for (const Code& c : codebook)
        if (c.parentId) parents.insert(c.parentId);
    for (qint64 id : *pinned)
        if (id) pinnedIds.insert(id);
    std::vector<qint64> leaves;
    for (const Code& c : codebook)
        if (!parents.count(c.id)) leaves.push_back(c.id);
    Keys out;
    for (int k = 0; k < kKeys; ++k) {
        out[size_t(k)].number = k + 1;
        if (const qint64 id = (*pinned)[size_t(k)]) {
            out[size_t(k)].codeId = id;
            out[size_t(k)].pinned = true;
        } else if (size_t(k) < leaves.size() && !pinnedIds.count(leaves[size_t(k)])) {
            out[size_t(k)].codeId = leaves[size_t(k)];
        }
    }
    return out;
}

Result<qint64> QuickCodeRepository::codeOn(int number) {
    if (number < 1 || number > kKeys) return qint64(0);
    auto all = keys();
    if (!all) return all.error();
    return (*all)[size_t(number - 1)].codeId;
}

Result<int> QuickCodeRepository::pin(qint64 codeId) {
    auto all = keys();
    if (!all) return all.error();
    int chosen = 0;
    for (const Key& k : *all) {
        if (k.codeId == codeId && k.pinned) return makeError(QStringLiteral("the code is already on key %1").arg(k.number));
        if (k.codeId == codeId) chosen = k.number; // its own default key
    }
    for (const Key& k : *all)
        if (!chosen && !k.pinned) chosen = k.number;
    if (!chosen) return makeError(QStringLiteral("all nine quick-code keys hold pinned codes: unpin one first"));
    if (Status s = pinTo(chosen, codeId); !s) return s.error();
    return chosen;
}

Status QuickCodeRepository::pinTo(int number, qint64 codeId) {
    if (number < 1 || number > kKeys) return makeError(QStringLiteral("quick-code keys are 1 to 9, not %1").arg(number));
    auto code = CodebookRepository(m_project).get(codeId);
    if (!code) return code.error();
    if (!code->has_value()) return makeError(QStringLiteral("code %1 does not exist").arg(codeId));
    return m_project.mutate(QStringLiteral("quickcode.pin"), QStringLiteral("put '%1' on quick-code key %2").arg((*code)->name).arg(number),
                            [&]() -> Status {
        SqliteStatement clear = m_project.db().prepare(QStringLiteral("DELETE FROM quick_codes WHERE key = ?1 OR code_id = ?2"));
        clear.bind(1, number).bind(2, codeId);
        if (!clear.run()) return makeError(clear.error());
        SqliteStatement insert = m_project.db().prepare(QStringLiteral("INSERT INTO quick_codes(key, code_id) VALUES(?1, ?2)"));
        insert.bind(1, number).bind(2, codeId);
        return insert.run() ? Status() : Status(makeError(insert.error()));
    }, codebookNotice());
}

Result<int> QuickCodeRepository::unpin(qint64 codeId) {
    auto pinned = pins();
    if (!pinned) return pinned.error();
    int key = 0;
    for (int k = 0; k < kKeys; ++k)
        if ((*pinned)[size_t(k)] == codeId) key = k + 1;
    if (!key) return 0;
    auto code = CodebookRepository(m_project).get(codeId);
    const QString name = code && code->has_value() ? (*code)->name : QString::number(codeId);
    Status s = m_project.mutate(QStringLiteral("quickcode.unpin"), QStringLiteral("took '%1' off quick-code key %2").arg(name).arg(key),
                                [&]() -> Status {
        SqliteStatement del = m_project.db().prepare(QStringLiteral("DELETE FROM quick_codes WHERE code_id = ?1"));
        del.bind(1, codeId);
        return del.run() ? Status() : Status(makeError(del.error()));
    }, codebookNotice());
    if (!s) return s.error();
    return key;
}

} // namespace warrant
