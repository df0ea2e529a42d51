#include "ops/ParticipantCsvImporter.h"

#include "model/Participant.h"
#include "store/ParticipantRepository.h"
#include "text/CsvReader.h"

#include <QDate>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace warrant {

namespace {

// The narrowest type every non-empty value of a column fits.
QString inferType(const std::vector<CsvRow>& rows, int column) {
    static const QRegularExpression number(QStringLiteral("^-?\\d+(\\.\\d+)?$"));
    static const QRegularExpression boolean(QStringLiteral("^(true|false|yes|no)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    bool allNumber = true, allDate = true, allBool = true, any = false;
    for (size_t r = 1; r < rows.size(); ++r) {
        if (column >= rows[r].fields.size()) continue;
        const QString v = rows[r].fields[column].trimmed();
        if (v.isEmpty()) continue;
        any = true;
        allNumber &= number.match(v).hasMatch();
        allDate &= QDate::fromString(v, Qt::ISODate).isValid();
        allBool &= boolean.match(v).hasMatch();
    }
    if (!any) return QStringLiteral("text");
    if (allNumber) return QStringLiteral("number");
    if (allDate) return QStringLiteral("date");
    if (allBool) return QStringLiteral("boolean");
    return QStringLiteral("text");
}

} // namespace

Result<int> ParticipantCsvImporter::importFile(const QString& path) {
    const QString name = QFileInfo(path).fileName();
    auto rows = CsvReader::readFile(path);
    if (!rows) return rows.error();
    if (rows->empty()) return makeError(QStringLiteral("%1: the file is empty").arg(name));
    const QStringList header = rows->front().fields;
    if (header.isEmpty() || header.front().trimmed().isEmpty())
        return makeError(QStringLiteral("%1: row 1, column 1: the first column must be the participant code").arg(name));
    for (int c = 1; c < header.size(); ++c)
        if (header[c].trimmed().isEmpty())
            return makeError(QStringLiteral("%1: row 1, column %2: the attribute has no name").arg(name).arg(c + 1));

    std::vector<QString> types;
    for (int c = 0; c < header.size(); ++c) types.push_back(inferType(*rows, c));

    // A column named display_name/name sets the display name instead of an attribute.
    auto isNameColumn = [](const QString& h) {
        const QString k = h.trimmed().toLower();
        return k == QStringLiteral("display_name") || k == QStringLiteral("display name") || k == QStringLiteral("name");
    };

    std::vector<Participant> participants;
    QSet<QString> seen;
    for (size_t r = 1; r < rows->size(); ++r) {
        const CsvRow& row = (*rows)[r];
        const int rowNumber = int(r) + 1;
        if (row.fields.size() > header.size())
            return makeError(QStringLiteral("%1: row %2, column %3: more fields than the header has (%4)")
                                 .arg(name).arg(rowNumber).arg(header.size() + 1).arg(header.size()));
        Participant p;
        p.code = row.fields.value(0).trimmed();
        if (p.code.isEmpty())
            return makeError(QStringLiteral("%1: row %2, column 1: the participant code is empty").arg(name).arg(rowNumber));
        if (seen.contains(p.code.toLower()))
            return makeError(QStringLiteral("%1: row %2, column 1: participant %3 appears twice").arg(name).arg(rowNumber).arg(p.code));
        seen.insert(p.code.toLower());
        for (int c = 1; c < header.size(); ++c) {
            const QString value = row.fields.value(c).trimmed();
            if (isNameColumn(header[c])) p.displayName = value;
            else p.attributes.push_back({header[c].trimmed(), types[size_t(c)], value});
        }
        participants.push_back(std::move(p));
    }
    Status s = ParticipantRepository(m_project).upsert(
        participants, QStringLiteral("imported %1 participants from %2").arg(participants.size()).arg(name));
    if (!s) return makeError(QStringLiteral("%1: %2").arg(name, s.errorMessage()));
    return int(participants.size());
}

} // namespace warrant
