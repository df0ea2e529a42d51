#include "IndexCatalog.h"

#include "trace/SpellingTolerance.h"

#include "store/Project.h"

namespace warrant {

namespace {
// "P.C" and "p.c." name the same participant.
QString codeKey(const QString& code) {
    QString k = code.toLower();
    k.remove(u'.');
    return k.trimmed();
}
} // namespace

Result<IndexCatalog> IndexCatalog::load(Project& project) {
    IndexCatalog c;
    SqliteDatabase& db = project.db();
    SqliteStatement p = db.prepare(QStringLiteral("SELECT id, code FROM participants"));
    while (p.next()) c.participants[p.int64(0)].code = p.text(1);
    for (const auto& [id, info] : c.participants) c.participantsByKey.emplace(codeKey(info.code), id);
    SqliteStatement a = db.prepare(QStringLiteral(
        "SELECT pa.participant_id, lower(a.name), pa.value FROM participant_attributes pa JOIN attributes a ON a.id = pa.attribute_id"));
    while (a.next()) c.participants[a.int64(0)].attributes.insert(a.text(1), a.text(2));
    SqliteStatement names = db.prepare(QStringLiteral("SELECT lower(name) FROM attributes ORDER BY id"));
    while (names.next()) c.attributeNames.push_back(names.text(0));
    SqliteStatement codes = db.prepare(QStringLiteral("SELECT id, ifnull(parent_id, 0), name FROM codes"));
    while (codes.next()) c.codes[codes.int64(0)] = {codes.int64(1), codes.text(2), QString()};
    for (auto& [id, info] : c.codes) {
        QStringList parts;
        qint64 at = id;
        for (int guard = 0; at && guard < 64; ++guard) {
            auto it = c.codes.find(at);
            if (it == c.codes.end()) break;
            parts.prepend(it->second.name);
            at = it->second.parentId;
        }
        info.path = parts.join(u'/');
    }
    SqliteStatement s = db.prepare(QStringLiteral("SELECT id, title, kind, original_name FROM sources"));
    while (s.next()) c.sources[s.int64(0)] = {s.text(1), s.text(2), s.text(3)};
    SqliteStatement k = db.prepare(QStringLiteral("SELECT id, name FROM coders"));
    while (k.next()) c.coders[k.int64(0)] = k.text(1);
    if (p.failed() || codes.failed() || s.failed()) return makeError(QStringLiteral("cannot read the project catalogue: %1").arg(db.lastError()));
    return c;
}

std::vector<qint64> IndexCatalog::ancestorsAndSelf(qint64 codeId) const {
    std::vector<qint64> ids;
    for (int guard = 0; codeId && guard < 64; ++guard) {
        ids.push_back(codeId);
        auto it = codes.find(codeId);
        codeId = it == codes.end() ? 0 : it->second.parentId;
    }
    return ids;
}

std::vector<qint64> IndexCatalog::participantsWithCode(const QString& code) const {
    std::vector<qint64> ids;
    const auto [from, to] = participantsByKey.equal_range(codeKey(code));
    for (auto it = from; it != to; ++it) ids.push_back(it->second); // in id order, as inserted
    return ids;
}

std::vector<qint64> IndexCatalog::participantsWithAttribute(const QString& name, const QString& value) const {
    // Exact values first ("group:ICT"); otherwise any value containing the words ("role:strategist").
    std::vector<qint64> exact, containing;
    for (const auto& [id, info] : participants) {
        const QString v = info.attributes.value(name.toLower());
        if (v.isEmpty()) continue;
        if (v.compare(value, Qt::CaseInsensitive) == 0) exact.push_back(id);
        else if (v.contains(value, Qt::CaseInsensitive)) containing.push_back(id);
    }
    return exact.empty() ? containing : exact;
}

namespace {

QString closest(const QStringList& candidates, const QString& typed) {
    QString best;
    int bestDistance = std::max(2, int(typed.size()) / 3) + 1;
    for (const QString& c : candidates) {
        const int d = SpellingTolerance::editDistance(c.toCaseFolded(), typed.toCaseFolded());
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

} // namespace

QString IndexCatalog::closestAttributeValue(const QString& name, const QString& value) const {
    QStringList values;
    for (const auto& [id, info] : participants)
        if (const QString v = info.attributes.value(name.toLower()); !v.isEmpty() && !values.contains(v)) values << v;
    return closest(values, value);
}

QString IndexCatalog::closestCodeName(const QString& name) const {
    QStringList names;
    for (const auto& [id, info] : codes) {
        names << info.path;
        names << info.path.section(u'/', -1);
    }
    return closest(names, name);
}

std::vector<qint64> IndexCatalog::codesMatching(const QString& pathOrName) const {
    std::vector<qint64> byPath, byName;
    for (const auto& [id, info] : codes) {
        if (info.path.compare(pathOrName, Qt::CaseInsensitive) == 0) byPath.push_back(id);
        else if (info.name.compare(pathOrName, Qt::CaseInsensitive) == 0) byName.push_back(id);
    }
    return byPath.empty() ? byName : byPath;
}

std::vector<qint64> IndexCatalog::sourcesMatching(const QString& titleOrFile) const {
    std::vector<qint64> ids;
    for (const auto& [id, info] : sources)
        if (info.title.compare(titleOrFile, Qt::CaseInsensitive) == 0 ||
            info.originalName.compare(titleOrFile, Qt::CaseInsensitive) == 0)
            ids.push_back(id);
    return ids;
}

std::vector<qint64> IndexCatalog::codersNamed(const QString& name) const {
    std::vector<qint64> ids;
    for (const auto& [id, coder] : coders)
        if (coder.compare(name, Qt::CaseInsensitive) == 0) ids.push_back(id);
    return ids;
}

QString IndexCatalog::groupOf(qint64 participantId) const {
    auto it = participants.find(participantId);
    return it == participants.end() ? QString() : it->second.attributes.value(QStringLiteral("group"));
}

} // namespace warrant
