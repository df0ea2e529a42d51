#include "analysis/CodeMatrix.h"

#include "analysis/AnalysisSnapshot.h"
#include "analysis/CodeQuery.h"
#include "store/AnalysisRepository.h"

#include <QCollator>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <map>

namespace warrant {

namespace {

const QString kNone = QStringLiteral("(none)");

// The column a thing falls in.
class ColumnOf {
public:
    ColumnOf(const AnalysisSnapshot& snapshot, const QString& kind) : m_snapshot(snapshot), m_kind(kind.trimmed().toCaseFolded()) {}

    QString operator()(const MatrixItem& item) const {
        if (m_kind == u"coder") return m_snapshot.coderName(item.coderId);
        if (m_kind == u"source") {
            const AnalysisSourceRow* s = m_snapshot.source(item.sourceId);
            return s ? s->title : kNone;
        }
        const AnalysisParticipantRow* p = m_snapshot.participant(item.participantId);
        if (!p) return kNone;
        if (m_kind == u"participant" || m_kind == u"case") return p->code;
        const QString value = p->attributes.value(m_kind);
        return value.isEmpty() ? kNone : value;
    }
    Status check() const {
        static const QStringList fixed = {QStringLiteral("coder"), QStringLiteral("source"), QStringLiteral("participant"),
                                          QStringLiteral("case")};
        if (m_kind.isEmpty()) return makeError(QStringLiteral("name the columns: participant, group, coder, source or an attribute"));
        if (fixed.contains(m_kind)) return {};
        for (const AnalysisParticipantRow& p : m_snapshot.participants())
            if (p.attributes.contains(m_kind)) return {};
        return makeError(QStringLiteral("no participant has an attribute '%1' (columns: participant, coder, source or an attribute)").arg(m_kind));
    }

private:
    const AnalysisSnapshot& m_snapshot;
    QString m_kind;
};

// The items of every row, in one pass over the codings: a coding belongs to each code row whose
// code is its code or an ancestor of it. Query rows keep the items they came with.
std::vector<std::vector<MatrixItem>> itemsOfRows(const AnalysisSnapshot& snapshot, const std::vector<MatrixRow>& rows,
                                                 const QHash<qint64, int>& words) {
    std::vector<std::vector<MatrixItem>> out(rows.size());
    QHash<qint64, std::vector<size_t>> rowsOfCode;
    for (size_t r = 0; r < rows.size(); ++r) {
        if (rows[r].codeIds.empty()) out[r] = rows[r].items;
        for (qint64 code : rows[r].codeIds) rowsOfCode[code].push_back(r);
    }
    for (const AnalysisCoding& c : snapshot.codings()) {
        const auto it = rowsOfCode.constFind(c.codeId);
        if (it == rowsOfCode.constEnd()) continue;
        for (size_t r : *it) out[r].push_back({c.segmentId, c.sourceId, c.participantId, c.coderId, c.segmentId, words.value(c.segmentId)});
    }
    return out;
}

QStringList sortedColumns(const QSet<QString>& values) {
    QStringList out(values.begin(), values.end());
    out.removeAll(kNone);
    QCollator natural;
    natural.setNumericMode(true);
    natural.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(out.begin(), out.end(), [&](const QString& a, const QString& b) { return natural.compare(a, b) < 0; });
    if (values.contains(kNone)) out << kNone;
    return out;
}

qint64 cellValue(const std::vector<const MatrixItem*>& items, MatrixCount count) {
    QSet<qint64> keys, people;
    qint64 words = 0;
    for (const MatrixItem* item : items) {
        if (!keys.contains(item->key)) words += item->words;
        keys.insert(item->key);
        if (item->participantId) people.insert(item->participantId);
    }
    if (count == MatrixCount::Cases) return people.size();
    if (count == MatrixCount::Words) return words;
    return keys.size();
}

} // namespace

QString matrixCountName(MatrixCount count) {
    switch (count) {
    case MatrixCount::Segments: return QStringLiteral("segments");
    case MatrixCount::Cases: return QStringLiteral("cases");
    case MatrixCount::Words: return QStringLiteral("words");
    }
    return {};
}

bool parseMatrixCount(const QString& name, MatrixCount* count) {
    for (MatrixCount c : {MatrixCount::Segments, MatrixCount::Cases, MatrixCount::Words})
        if (name.compare(matrixCountName(c), Qt::CaseInsensitive) == 0) {
            *count = c;
            return true;
        }
    return false;
}

Result<CodeMatrixResult> CodeMatrix::compute(Project& project, const AnalysisSnapshot& snapshot, const MatrixRequest& request) {
    std::vector<MatrixRow> rows;
    for (const QString& path : request.codes) {
        const qint64 id = snapshot.findCode(path);
        if (!id) return makeError(QStringLiteral("no code '%1' (give its full path or a unique name)").arg(path));
        rows.push_back({snapshot.codePath(id), snapshot.withDescendants(id), {}});
    }
    if (request.codes.isEmpty())
        for (qint64 id : snapshot.codesInOrder()) rows.push_back({snapshot.codePath(id), snapshot.withDescendants(id), {}});
    return compute(project, snapshot, rows, request.columns, request.count);
}

Result<CodeMatrixResult> CodeMatrix::compute(Project& project, const AnalysisSnapshot& snapshot, const std::vector<MatrixRow>& rows,
                                             const QString& columns, MatrixCount count) {
    const ColumnOf columnOf(snapshot, columns);
    if (Status s = columnOf.check(); !s) return s.error();
    QHash<qint64, int> words;
    if (count == MatrixCount::Words) {
        auto read = AnalysisRepository(project).segmentWords();
        if (!read) return read.error();
        words = std::move(*read);
    }
    std::vector<std::map<QString, std::vector<const MatrixItem*>>> byColumn(rows.size());
    const std::vector<std::vector<MatrixItem>> items = itemsOfRows(snapshot, rows, words);
    QSet<QString> values;
    for (size_t r = 0; r < rows.size(); ++r) {
        for (const MatrixItem& item : items[r]) {
            const QString column = columnOf(item);
            byColumn[r][column].push_back(&item);
            values.insert(column);
        }
    }
    CodeMatrixResult result;
    result.columnKind = columns.trimmed();
    result.count = matrixCountName(count);
    result.columns = sortedColumns(values);
    for (size_t r = 0; r < rows.size(); ++r) {
        result.rows << rows[r].label;
        std::vector<qint64> line;
        std::vector<std::vector<qint64>> behind;
        for (const QString& column : result.columns) {
            const auto& inCell = byColumn[r][column];
            line.push_back(cellValue(inCell, count));
            QSet<qint64> ids;
            for (const MatrixItem* item : inCell)
                if (item->segmentId) ids.insert(item->segmentId);
            std::vector<qint64> sorted(ids.begin(), ids.end());
            std::sort(sorted.begin(), sorted.end());
            behind.push_back(std::move(sorted));
        }
        result.cells.push_back(std::move(line));
        result.segments.push_back(std::move(behind));
    }
    return result;
}

Result<MatrixRow> CodeMatrix::queryRow(const QString& query, const AnalysisSnapshot& snapshot) {
    auto parsed = CodeQuery::parse(query, snapshot);
    if (!parsed) return parsed.error();
    auto passages = parsed->run(snapshot);
    if (!passages) return passages.error();
    MatrixRow row{query, {}, {}};
    qint64 key = 0; // passages are not stored segments: each gets a key of its own
    for (const QueryPassage& p : *passages)
        row.items.push_back({--key, p.sourceId, p.participantId, 0, p.segmentIds.empty() ? 0 : p.segmentIds.front(), 0});
    return row;
}

QJsonObject CodeMatrixResult::toJson() const {
    QJsonArray cellRows;
    for (const auto& line : cells) {
        QJsonArray a;
        for (qint64 n : line) a.append(n);
        cellRows.append(a);
    }
    return {{QStringLiteral("rows"), QJsonArray::fromStringList(rows)},
            {QStringLiteral("columns"), QJsonArray::fromStringList(this->columns)},
            {QStringLiteral("columnKind"), columnKind},
            {QStringLiteral("count"), count},
            {QStringLiteral("cells"), cellRows}};
}

AnalysisTable CodeMatrixResult::table(const QString& title) const {
    AnalysisTable t;
    t.title = title;
    t.headers = QStringList{QStringLiteral("Code")} + columns;
    for (size_t r = 0; r < cells.size(); ++r) {
        std::vector<QVariant> line{rows[int(r)]};
        for (qint64 n : cells[r]) line.push_back(n);
        t.rows.push_back(std::move(line));
    }
    return t;
}

QString CodeMatrixResult::toText() const {
    QStringList lines;
    QString header = QStringLiteral("%1").arg(QStringLiteral("code"), -40);
    for (const QString& c : columns) header += QStringLiteral(" %1").arg(c.left(12), 12);
    lines << header;
    for (size_t r = 0; r < cells.size(); ++r) {
        QString line = QStringLiteral("%1").arg(rows[int(r)].left(40), -40);
        for (qint64 n : cells[r]) line += QStringLiteral(" %1").arg(n, 12);
        lines << line;
    }
    return lines.join(u'\n');
}

} // namespace warrant
