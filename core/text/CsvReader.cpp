#include "text/CsvReader.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

namespace warrant {

Result<std::vector<CsvRow>> CsvReader::parse(const QString& text, const QString& name) {
    std::vector<CsvRow> rows;
    CsvRow row;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    int quoteLine = 0;
    row.line = 1;

    auto endField = [&] {
        row.fields << field;
        field.clear();
        fieldStarted = false;
    };
    auto endRow = [&] {
        endField();
        const bool blank = row.fields.size() == 1 && row.fields.front().isEmpty();
        if (!blank) rows.push_back(row);
        row = CsvRow{};
        row.line = line;
    };

    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < n && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == u'"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
            quoteLine = line;
        } else if (c == u',') {
            endField();
        } else if (c == u'\r') {
            continue;
        } else if (c == u'\n') {
            ++line;
            endRow();
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted)
        return makeError(QStringLiteral("%1: line %2: a quoted field is never closed").arg(name).arg(quoteLine));
    if (fieldStarted || !row.fields.isEmpty() || !field.isEmpty()) endRow();
    return rows;
}

Result<std::vector<CsvRow>> CsvReader::readFile(const QString& path) {
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString()));
    QByteArray bytes = file.readAll();
    if (bytes.startsWith("\xEF\xBB\xBF")) bytes.remove(0, 3);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError()) return makeError(QStringLiteral("%1: not valid UTF-8").arg(name));
    return parse(text, name);
}

QString CsvReader::escape(const QString& field) {
    if (!field.contains(u',') && !field.contains(u'"') && !field.contains(u'\n') && !field.contains(u'\r'))
        return field;
    QString quoted = field;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString CsvReader::formatRow(const QStringList& fields) {
    QStringList escaped;
    escaped.reserve(fields.size());
    for (const QString& f : fields) escaped << escape(f);
    return escaped.join(u',') + u'\n';
}

} // namespace warrant
