#include "TableExport.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSet>
#include <QTime>
#include <QXmlStreamWriter>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>
#include <system_error>
#include <utility>

namespace warrant {

namespace {

QString shown(const QString& path) {
    return QDir::toNativeSeparators(path);
}

Error writeError(const QString& path, const QString& problem) {
    return makeError(QStringLiteral("%1: cannot write: %2").arg(shown(path), problem));
}

bool isInteger(const QVariant& value) {
    switch (value.typeId()) {
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return true;
    default:
        return false;
    }
}

bool isReal(const QVariant& value) {
    return value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Float;
}

// Four decimals are more than any reported statistic needs; trailing zeros are dropped so that
// 0.7430 reads 0.743 and 1.0000 reads 1. QString::number ignores the locale, so '.' is certain.
QString formatReal(double value) {
    QString text = QString::number(value, 'f', 4);
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text.endsWith(QLatin1Char('.'))) text.chop(1);
    if (text == QLatin1String("-0")) text = QStringLiteral("0"); // -0.00001 rounds to zero
    return text;
}

QString csvText(QString text) {
    // Spreadsheets run a CSV cell that starts with = + - @ as a formula ("CSV injection"): a quote
    // such as "=HYPERLINK(...)" in the data would become live when a colleague opens the export.
    // A leading apostrophe makes the cell plain text; numbers are never prefixed, only text.
    if (!text.isEmpty() && QStringLiteral("=+-@").contains(text.front())) text.prepend(QLatin1Char('\''));
    static const QString needsQuotes = QStringLiteral(",\"\r\n");
    if (std::any_of(text.cbegin(), text.cend(), [](QChar c) { return needsQuotes.contains(c); })) {
        text.replace(QLatin1Char('"'), QLatin1String("\"\""));
        text = QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

QString csvCell(const QVariant& value) {
    if (!value.isValid()) return {};
    if (value.typeId() == QMetaType::ULongLong || value.typeId() == QMetaType::ULong)
        return QString::number(value.toULongLong());
    if (isInteger(value)) return QString::number(value.toLongLong());
    if (isReal(value)) {
        const double real = value.toDouble();
        // An undefined statistic (NaN) is an empty cell, as an invalid QVariant is.
        return std::isfinite(real) ? formatReal(real) : QString();
    }
    return csvText(value.toString());
}

// --- XLSX -----------------------------------------------------------------------------------
//
// The workbook is a minimal SpreadsheetML package written with QuaZip and QXmlStreamWriter: no
// third-party XLSX library (libxlsxwriter's minizip clashed with QuaZip's in one process), and
// numbers are formatted here, with '.', whatever the process locale.

// Excel's limits (ECMA-376 leaves them to the application).
constexpr qsizetype sheetNameMax = 31; // UTF-16 units
constexpr size_t rowMax = 1048576;
constexpr size_t columnMax = 16384;
constexpr qsizetype cellTextMax = 32767; // UTF-16 units

const QString mainNamespace = QStringLiteral("http://schemas.openxmlformats.org/spreadsheetml/2006/main");
const QString relationshipNamespace =
    QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships");
const QString packageRelationships = QStringLiteral("http://schemas.openxmlformats.org/package/2006/relationships");

// XML 1.0 allows tab, LF, CR and U+0020..U+D7FF, U+E000..U+FFFD, U+10000..U+10FFFF; anything else
// (other control characters, a lone surrogate, U+FFFE, U+FFFF) would make the part unreadable and
// is dropped.
QString xmlSafe(const QString& text) {
    const auto allowed = [](char32_t c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
               (c >= 0x10000 && c <= 0x10FFFF);
    };
    const auto pairAt = [&](qsizetype i) {
        return text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate();
    };
    bool clean = true;
    for (qsizetype i = 0; i < text.size() && clean; ++i) {
        if (pairAt(i))
            ++i;
        else
            clean = allowed(text.at(i).unicode());
    }
    if (clean) return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (pairAt(i)) {
            out += text.at(i);
            out += text.at(++i);
        } else if (allowed(text.at(i).unicode())) {
            out += text.at(i);
        }
    }
    return out;
}

// Excel counts sheet-name length in UTF-16 units; cutting there never splits a surrogate pair.
QString truncated(const QString& text, qsizetype max) {
    if (text.size() <= max) return text;
    qsizetype length = max;
    if (text.at(length - 1).isHighSurrogate()) --length;
    return text.left(length);
}

// Excel refuses a workbook whose sheet names break its rules, so titles are repaired rather than
// rejected: the user asked for an export, not a lecture.
QString validSheetName(const QString& title) {
    QString name;
    for (QChar c : xmlSafe(title)) {
        const bool forbidden = QStringLiteral("[]:*?/\\").contains(c) || c.unicode() < 0x20;
        name += forbidden ? QLatin1Char('_') : c;
    }
    name = truncated(name.simplified(), sheetNameMax);
    // A name may not start or end with an apostrophe (Excel quotes sheet references with them).
    while (name.startsWith(QLatin1Char('\'')))
        name.remove(0, 1);
    while (name.endsWith(QLatin1Char('\'')))
        name.chop(1);
    name = name.trimmed();
    return name.isEmpty() ? QStringLiteral("Sheet") : name;
}

// Excel compares sheet names case-insensitively and reserves "History" for itself.
std::vector<QString> sheetNames(const std::vector<AnalysisTable>& tables) {
    std::vector<QString> names;
    QSet<QString> taken{QStringLiteral("history")};
    for (const AnalysisTable& table : tables) {
        const QString base = validSheetName(table.title);
        QString name = base;
        for (int n = 2; taken.contains(name.toCaseFolded()); ++n) {
            const QString suffix = QStringLiteral(" (%1)").arg(n);
            name = truncated(base, sheetNameMax - suffix.size()).trimmed() + suffix;
        }
        taken.insert(name.toCaseFolded());
        names.push_back(name);
    }
    return names;
}

// "A1" for row 0, column 0; columns run A..Z, AA..ZZ, AAA..XFD.
QString cellName(size_t row, size_t column) {
    QString letters;
    for (size_t n = column + 1; n > 0; n = (n - 1) / 26)
        letters.prepend(QChar(char16_t(u'A' + (n - 1) % 26)));
    return letters + QString::number(row + 1);
}

size_t columnsOf(const AnalysisTable& table) {
    size_t columns = size_t(table.headers.size());
    for (const auto& row : table.rows)
        columns = std::max(columns, row.size());
    return columns;
}

Status checkSize(const AnalysisTable& table, const QString& sheet, const QString& path) {
    const size_t columns = columnsOf(table);
    if (table.rows.size() + 1 > rowMax)
        return writeError(path, QStringLiteral("sheet \"%1\" has %2 rows; a sheet holds at most %3")
                                    .arg(sheet)
                                    .arg(table.rows.size())
                                    .arg(rowMax - 1));
    if (columns > columnMax)
        return writeError(path, QStringLiteral("sheet \"%1\" has %2 columns; a sheet holds at most %3")
                                    .arg(sheet)
                                    .arg(columns)
                                    .arg(columnMax));
    return {};
}

// A cell as the sheet stores it: a number (its xsd:double text), a string, or nothing.
struct XlsxCell {
    enum class Kind { Empty, Number, Text };
    Kind kind = Kind::Empty;
    QString text;
};

// The shortest text that reads back as the same float: 0.1f is "0.1", not 0.100000001490116.
QString floatText(float value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return QString::fromLatin1(buffer, result.ptr - buffer);
}

XlsxCell xlsxCell(const QVariant& value) {
    using Kind = XlsxCell::Kind;
    if (!value.isValid()) return {};
    if (value.typeId() == QMetaType::ULongLong || value.typeId() == QMetaType::ULong)
        return {Kind::Number, QString::number(value.toULongLong())};
    if (isInteger(value)) return {Kind::Number, QString::number(value.toLongLong())};
    if (isReal(value)) {
        const double number = value.toDouble();
        // Excel has no NaN or infinity; an undefined figure is an empty cell, as in the CSV.
        if (!std::isfinite(number)) return {};
        if (number == 0) return {Kind::Number, QStringLiteral("0")}; // not "-0"
        // QString::number ignores the locale; 15 significant digits are what Excel keeps.
        if (value.typeId() == QMetaType::Float) return {Kind::Number, floatText(value.toFloat())};
        return {Kind::Number, QString::number(number, 'g', 15)};
    }
    QString text = xmlSafe(value.toString());
    if (text.isEmpty()) return {};
    return {Kind::Text, std::move(text)};
}

// QXmlStreamWriter hands every token to its device on its own; gathering them into chunks keeps
// the deflate calls behind QuaZipFile::write few.
class ChunkedWriter final : public QIODevice {
  public:
    explicit ChunkedWriter(QIODevice* target) : m_target(target) { open(QIODevice::WriteOnly); }
    bool drain() {
        if (!m_failed && !m_chunk.isEmpty()) m_failed = m_target->write(m_chunk) != m_chunk.size();
        m_chunk.clear();
        return !m_failed;
    }

  protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override {
        m_chunk.append(data, size);
        if (m_chunk.size() >= 256 * 1024 && !drain()) return -1;
        return m_failed ? -1 : size;
    }

  private:
    QIODevice* m_target;
    QByteArray m_chunk;
    bool m_failed = false;
};

// The reason a zip operation failed: the file's own error when there is one.
QString zipProblem(const QuaZip& zip, int code) {
    const QIODevice* device = zip.getIoDevice();
    const QString io = device ? device->errorString() : QString();
    if (!io.isEmpty() && io != QLatin1String("Unknown error")) return io;
    return QStringLiteral("zip error %1").arg(code);
}

using PartBody = std::function<Status(QXmlStreamWriter&)>;

// Adds one XML part. The entries carry a fixed time, so the same tables give the same bytes.
Status addPart(QuaZip& zip, const QString& name, const QString& path, const PartBody& body) {
    QuaZipFile entry(&zip);
    QuaZipNewInfo info(name);
    info.dateTime = QDateTime(QDate(2019, 3, 18), QTime(0, 0));
    info.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther); // 0644 unpacked
    if (!entry.open(QIODevice::WriteOnly, info))
        return writeError(path, QStringLiteral("cannot add %1: %2").arg(name, zipProblem(zip, entry.getZipError())));
    ChunkedWriter out(&entry);
    QXmlStreamWriter xml(&out);
    xml.writeStartDocument(QStringLiteral("1.0"), true);
    const Status written = body(xml);
    xml.writeEndDocument();
    const bool complete = out.drain() && !xml.hasError();
    entry.close();
    if (!written) return written;
    if (!complete || entry.getZipError() != ZIP_OK)
        return writeError(path, QStringLiteral("cannot write %1: %2").arg(name, zipProblem(zip, entry.getZipError())));
    return {};
}

void writeRelationship(QXmlStreamWriter& xml, const QString& id, const QString& type, const QString& target) {
    xml.writeEmptyElement(QStringLiteral("Relationship"));
    xml.writeAttribute(QStringLiteral("Id"), id);
    xml.writeAttribute(QStringLiteral("Type"), type);
    xml.writeAttribute(QStringLiteral("Target"), target);
}

QString worksheetPart(size_t index) {
    return QStringLiteral("xl/worksheets/sheet%1.xml").arg(index + 1);
}

Status contentTypes(QXmlStreamWriter& xml, size_t sheets) {
    const auto addDefault = [&](const QString& extension, const QString& type) {
        xml.writeEmptyElement(QStringLiteral("Default"));
        xml.writeAttribute(QStringLiteral("Extension"), extension);
        xml.writeAttribute(QStringLiteral("ContentType"), type);
    };
    const auto addOverride = [&](const QString& part, const QString& type) {
        xml.writeEmptyElement(QStringLiteral("Override"));
        xml.writeAttribute(QStringLiteral("PartName"), QLatin1Char('/') + part);
        xml.writeAttribute(QStringLiteral("ContentType"), type);
    };
    const QString office = QStringLiteral("application/vnd.openxmlformats-officedocument.");
    xml.writeStartElement(QStringLiteral("Types"));
    xml.writeDefaultNamespace(QStringLiteral("http://schemas.openxmlformats.org/package/2006/content-types"));
    addDefault(QStringLiteral("rels"), QStringLiteral("application/vnd.openxmlformats-package.relationships+xml"));
    addDefault(QStringLiteral("xml"), QStringLiteral("application/xml"));
    addOverride(QStringLiteral("xl/workbook.xml"), office + QStringLiteral("spreadsheetml.sheet.main+xml"));
    for (size_t i = 0; i < sheets; ++i)
        addOverride(worksheetPart(i), office + QStringLiteral("spreadsheetml.worksheet+xml"));
    addOverride(QStringLiteral("xl/styles.xml"), office + QStringLiteral("spreadsheetml.styles+xml"));
    addOverride(QStringLiteral("docProps/core.xml"),
                QStringLiteral("application/vnd.openxmlformats-package.core-properties+xml"));
    addOverride(QStringLiteral("docProps/app.xml"), office + QStringLiteral("extended-properties+xml"));
    xml.writeEndElement();
    return {};
}

Status packageRels(QXmlStreamWriter& xml) {
    xml.writeStartElement(QStringLiteral("Relationships"));
    xml.writeDefaultNamespace(packageRelationships);
    writeRelationship(xml, QStringLiteral("rId1"), relationshipNamespace + QStringLiteral("/officeDocument"),
                      QStringLiteral("xl/workbook.xml"));
    writeRelationship(xml, QStringLiteral("rId2"),
                      QStringLiteral("http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                                     "core-properties"),
                      QStringLiteral("docProps/core.xml"));
    writeRelationship(xml, QStringLiteral("rId3"), relationshipNamespace + QStringLiteral("/extended-properties"),
                      QStringLiteral("docProps/app.xml"));
    xml.writeEndElement();
    return {};
}

// No author and no dates: the file says nothing about who made it or when, and stays reproducible.
Status coreProperties(QXmlStreamWriter& xml) {
    xml.writeStartElement(QStringLiteral("cp:coreProperties"));
    xml.writeNamespace(QStringLiteral("http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
                       QStringLiteral("cp"));
    xml.writeNamespace(QStringLiteral("http://purl.org/dc/elements/1.1/"), QStringLiteral("dc"));
    xml.writeNamespace(QStringLiteral("http://purl.org/dc/terms/"), QStringLiteral("dcterms"));
    xml.writeEndElement();
    return {};
}

Status appProperties(QXmlStreamWriter& xml) {
    xml.writeStartElement(QStringLiteral("Properties"));
    xml.writeDefaultNamespace(
        QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"));
    xml.writeTextElement(QStringLiteral("Application"), QStringLiteral("Warrant"));
    xml.writeEndElement();
    return {};
}

Status workbook(QXmlStreamWriter& xml, const std::vector<QString>& names) {
    xml.writeStartElement(QStringLiteral("workbook"));
    xml.writeDefaultNamespace(mainNamespace);
    xml.writeNamespace(relationshipNamespace, QStringLiteral("r"));
    xml.writeStartElement(QStringLiteral("bookViews"));
    xml.writeEmptyElement(QStringLiteral("workbookView"));
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("sheets"));
    for (size_t i = 0; i < names.size(); ++i) {
        xml.writeEmptyElement(QStringLiteral("sheet"));
        xml.writeAttribute(QStringLiteral("name"), names[i]);
        xml.writeAttribute(QStringLiteral("sheetId"), QString::number(i + 1));
        xml.writeAttribute(QStringLiteral("r:id"), QStringLiteral("rId%1").arg(i + 1));
    }
    xml.writeEndElement();
    xml.writeEndElement();
    return {};
}

Status workbookRels(QXmlStreamWriter& xml, size_t sheets) {
    xml.writeStartElement(QStringLiteral("Relationships"));
    xml.writeDefaultNamespace(packageRelationships);
    for (size_t i = 0; i < sheets; ++i)
        writeRelationship(xml, QStringLiteral("rId%1").arg(i + 1), relationshipNamespace + QStringLiteral("/worksheet"),
                          QStringLiteral("worksheets/sheet%1.xml").arg(i + 1));
    writeRelationship(xml, QStringLiteral("rId%1").arg(sheets + 1), relationshipNamespace + QStringLiteral("/styles"),
                      QStringLiteral("styles.xml"));
    xml.writeEndElement();
    return {};
}

// Cell format 0 is the default font, 1 the bold header; both use number format 0, "General",
// which shows a double as typed (0.743, 1234567, 1E+20) rather than with fixed decimals.
Status styles(QXmlStreamWriter& xml) {
    const auto emptyWith = [&](const QString& element, std::initializer_list<std::pair<QString, QString>> attributes) {
        xml.writeEmptyElement(element);
        for (const auto& [name, value] : attributes)
            xml.writeAttribute(name, value);
    };
    const auto font = [&](bool bold) {
        xml.writeStartElement(QStringLiteral("font"));
        if (bold) xml.writeEmptyElement(QStringLiteral("b"));
        emptyWith(QStringLiteral("sz"), {{QStringLiteral("val"), QStringLiteral("11")}});
        emptyWith(QStringLiteral("name"), {{QStringLiteral("val"), QStringLiteral("Calibri")}});
        emptyWith(QStringLiteral("family"), {{QStringLiteral("val"), QStringLiteral("2")}});
        xml.writeEndElement();
    };
    const auto fill = [&](const QString& pattern) {
        xml.writeStartElement(QStringLiteral("fill"));
        emptyWith(QStringLiteral("patternFill"), {{QStringLiteral("patternType"), pattern}});
        xml.writeEndElement();
    };
    const auto counted = [&](const QString& element, int count) {
        xml.writeStartElement(element);
        xml.writeAttribute(QStringLiteral("count"), QString::number(count));
    };
    const QString zero = QStringLiteral("0");
    xml.writeStartElement(QStringLiteral("styleSheet"));
    xml.writeDefaultNamespace(mainNamespace);
    counted(QStringLiteral("fonts"), 2);
    font(false);
    font(true);
    xml.writeEndElement();
    counted(QStringLiteral("fills"), 2); // Excel expects these two fills first
    fill(QStringLiteral("none"));
    fill(QStringLiteral("gray125"));
    xml.writeEndElement();
    counted(QStringLiteral("borders"), 1);
    xml.writeStartElement(QStringLiteral("border"));
    for (const char* side : {"left", "right", "top", "bottom", "diagonal"})
        xml.writeEmptyElement(QLatin1String(side));
    xml.writeEndElement();
    xml.writeEndElement();
    counted(QStringLiteral("cellStyleXfs"), 1);
    emptyWith(QStringLiteral("xf"), {{QStringLiteral("numFmtId"), zero},
                                     {QStringLiteral("fontId"), zero},
                                     {QStringLiteral("fillId"), zero},
                                     {QStringLiteral("borderId"), zero}});
    xml.writeEndElement();
    counted(QStringLiteral("cellXfs"), 2);
    emptyWith(QStringLiteral("xf"), {{QStringLiteral("numFmtId"), zero},
                                     {QStringLiteral("fontId"), zero},
                                     {QStringLiteral("fillId"), zero},
                                     {QStringLiteral("borderId"), zero},
                                     {QStringLiteral("xfId"), zero}});
    emptyWith(QStringLiteral("xf"), {{QStringLiteral("numFmtId"), zero},
                                     {QStringLiteral("fontId"), QStringLiteral("1")},
                                     {QStringLiteral("fillId"), zero},
                                     {QStringLiteral("borderId"), zero},
                                     {QStringLiteral("xfId"), zero},
                                     {QStringLiteral("applyFont"), QStringLiteral("1")}});
    xml.writeEndElement();
    counted(QStringLiteral("cellStyles"), 1);
    emptyWith(QStringLiteral("cellStyle"), {{QStringLiteral("name"), QStringLiteral("Normal")},
                                            {QStringLiteral("xfId"), zero},
                                            {QStringLiteral("builtinId"), zero}});
    xml.writeEndElement();
    xml.writeEndElement();
    return {};
}

// A string cell keeps CR: QXmlStreamWriter writes it raw, and an XML reader turns a raw CR into LF.
void writeText(QXmlStreamWriter& xml, const QString& text) {
    qsizetype from = 0;
    for (qsizetype cr = text.indexOf(QLatin1Char('\r')); cr >= 0; cr = text.indexOf(QLatin1Char('\r'), from)) {
        xml.writeCharacters(text.mid(from, cr - from));
        xml.writeEntityReference(QStringLiteral("#13"));
        from = cr + 1;
    }
    xml.writeCharacters(text.mid(from));
}

Status worksheet(QXmlStreamWriter& xml, const AnalysisTable& table, const QString& name, bool first,
                 const QString& path) {
    const bool header = !table.headers.isEmpty();
    const size_t firstRow = header ? 1 : 0;
    const size_t height = firstRow + table.rows.size();
    const size_t width = columnsOf(table);

    xml.writeStartElement(QStringLiteral("worksheet"));
    xml.writeDefaultNamespace(mainNamespace);
    xml.writeEmptyElement(QStringLiteral("dimension"));
    xml.writeAttribute(QStringLiteral("ref"), height == 0 || width == 0
                                                  ? QStringLiteral("A1")
                                                  : QStringLiteral("A1:") + cellName(height - 1, width - 1));
    xml.writeStartElement(QStringLiteral("sheetViews"));
    xml.writeStartElement(QStringLiteral("sheetView"));
    if (first) xml.writeAttribute(QStringLiteral("tabSelected"), QStringLiteral("1"));
    xml.writeAttribute(QStringLiteral("workbookViewId"), QStringLiteral("0"));
    if (header) { // the header stays visible while scrolling through long tables
        xml.writeEmptyElement(QStringLiteral("pane"));
        xml.writeAttribute(QStringLiteral("ySplit"), QStringLiteral("1"));
        xml.writeAttribute(QStringLiteral("topLeftCell"), QStringLiteral("A2"));
        xml.writeAttribute(QStringLiteral("activePane"), QStringLiteral("bottomLeft"));
        xml.writeAttribute(QStringLiteral("state"), QStringLiteral("frozen"));
        xml.writeEmptyElement(QStringLiteral("selection"));
        xml.writeAttribute(QStringLiteral("pane"), QStringLiteral("bottomLeft"));
    }
    xml.writeEndElement();
    xml.writeEndElement();

    xml.writeStartElement(QStringLiteral("sheetData"));
    std::vector<std::pair<size_t, XlsxCell>> cells; // the row's non-empty cells
    const auto writeRow = [&](size_t row, bool bold) -> Status {
        if (cells.empty()) return {}; // Excel leaves empty rows and cells out as well
        xml.writeStartElement(QStringLiteral("row"));
        xml.writeAttribute(QStringLiteral("r"), QString::number(row + 1));
        for (const auto& [column, cell] : cells) {
            const QString ref = cellName(row, column);
            xml.writeStartElement(QStringLiteral("c"));
            xml.writeAttribute(QStringLiteral("r"), ref);
            if (bold) xml.writeAttribute(QStringLiteral("s"), QStringLiteral("1"));
            if (cell.kind == XlsxCell::Kind::Number) {
                xml.writeTextElement(QStringLiteral("v"), cell.text);
            } else {
                if (cell.text.size() > cellTextMax)
                    return writeError(path, QStringLiteral("sheet \"%1\" cell %2: the text has %3 characters; a "
                                                           "cell holds at most %4")
                                                .arg(name, ref)
                                                .arg(cell.text.size())
                                                .arg(cellTextMax));
                // An inline string, never a formula: "=1+1" stays text. There is no <f> element.
                xml.writeAttribute(QStringLiteral("t"), QStringLiteral("inlineStr"));
                xml.writeStartElement(QStringLiteral("is"));
                xml.writeStartElement(QStringLiteral("t"));
                xml.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
                writeText(xml, cell.text);
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        return {};
    };
    if (header) {
        for (qsizetype column = 0; column < table.headers.size(); ++column) {
            XlsxCell cell = xlsxCell(table.headers.at(column));
            if (cell.kind != XlsxCell::Kind::Empty) cells.emplace_back(size_t(column), std::move(cell));
        }
        if (Status row = writeRow(0, true); !row) return row;
    }
    for (size_t r = 0; r < table.rows.size(); ++r) {
        cells.clear();
        for (size_t column = 0; column < table.rows[r].size(); ++column) {
            XlsxCell cell = xlsxCell(table.rows[r][column]);
            if (cell.kind != XlsxCell::Kind::Empty) cells.emplace_back(column, std::move(cell));
        }
        if (Status row = writeRow(firstRow + r, false); !row) return row;
    }
    xml.writeEndElement(); // sheetData
    xml.writeEndElement(); // worksheet
    return {};
}

Status writeParts(QuaZip& zip, const std::vector<AnalysisTable>& tables, const std::vector<QString>& names,
                  const QString& path) {
    const size_t sheets = tables.size();
    const std::vector<std::pair<QString, PartBody>> parts = {
        {QStringLiteral("[Content_Types].xml"), [&](QXmlStreamWriter& xml) { return contentTypes(xml, sheets); }},
        {QStringLiteral("_rels/.rels"), packageRels},
        {QStringLiteral("docProps/app.xml"), appProperties},
        {QStringLiteral("docProps/core.xml"), coreProperties},
        {QStringLiteral("xl/workbook.xml"), [&](QXmlStreamWriter& xml) { return workbook(xml, names); }},
        {QStringLiteral("xl/_rels/workbook.xml.rels"),
         [&](QXmlStreamWriter& xml) { return workbookRels(xml, sheets); }},
        {QStringLiteral("xl/styles.xml"), styles},
    };
    for (const auto& [part, body] : parts) {
        if (Status added = addPart(zip, part, path, body); !added) return added;
    }
    for (size_t i = 0; i < sheets; ++i) {
        const auto body = [&](QXmlStreamWriter& xml) { return worksheet(xml, tables[i], names[i], i == 0, path); };
        if (Status added = addPart(zip, worksheetPart(i), path, body); !added) return added;
    }
    return {};
}

Status writeWorkbook(const std::vector<AnalysisTable>& tables, const QString& temp, const QString& path) {
    const std::vector<QString> names = sheetNames(tables);
    for (size_t i = 0; i < tables.size(); ++i) { // before anything is written
        if (Status size = checkSize(tables[i], names[i], path); !size) return size;
    }
    QuaZip zip(temp);
    if (!zip.open(QuaZip::mdCreate)) return writeError(path, zipProblem(zip, zip.getZipError()));
    const Status written = writeParts(zip, tables, names, path);
    zip.close(); // writes the central directory; on failure the caller removes the file
    if (!written) return written;
    if (zip.getZipError() != ZIP_OK) return writeError(path, zipProblem(zip, zip.getZipError()));
    return {};
}

// QuaZip opens and closes the file itself, which QSaveFile forbids; a sibling temporary file that
// is renamed when complete gives the same promise: `path` holds the old file or the whole new one.
Result<QString> reserveSibling(const QString& path) {
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return writeError(path,
                          QStringLiteral("the folder %1 does not exist").arg(shown(info.absolutePath())));
    // 0666 lets the umask decide, as for any new file; NewOnly never takes over another file.
    const auto permissions = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::WriteGroup |
                             QFile::ReadOther | QFile::WriteOther;
    for (int attempt = 0; attempt < 100; ++attempt) {
        const QString candidate = info.absoluteDir().filePath(
            QStringLiteral("%1.%2.tmp")
                .arg(info.fileName())
                .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
        QFile file(candidate);
        if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions)) return candidate;
        if (!QFileInfo::exists(candidate)) return writeError(path, file.errorString());
    }
    return writeError(path, QStringLiteral("cannot create a temporary file next to it"));
}

std::filesystem::path fsPath(const QString& path) {
    const QByteArray utf8 = path.toUtf8();
    return std::filesystem::path(
        std::u8string(reinterpret_cast<const char8_t*>(utf8.constData()), size_t(utf8.size())));
}

// rename() replaces the target in one step (std::filesystem does so on Windows as well).
Status replaceWith(const QString& temp, const QString& path) {
    if (QFileInfo::exists(path)) QFile::setPermissions(temp, QFile::permissions(path)); // as QSaveFile does
    std::error_code error;
    std::filesystem::rename(fsPath(temp), fsPath(path), error);
    if (error) return writeError(path, QString::fromStdString(error.message()));
    return {};
}

} // namespace

QByteArray TableExport::csv(const AnalysisTable& table) {
    // RFC 4180 wants the same number of fields on every line, so short rows are padded.
    qsizetype width = table.headers.size();
    for (const auto& row : table.rows)
        width = std::max(width, qsizetype(row.size()));
    QByteArray out;
    const auto appendLine = [&](const QStringList& fields) {
        out += fields.join(QLatin1Char(',')).toUtf8();
        out += "\r\n";
    };
    QStringList header;
    for (qsizetype i = 0; i < width; ++i)
        header << (i < table.headers.size() ? csvText(table.headers.at(i)) : QString());
    appendLine(header);
    for (const auto& row : table.rows) {
        QStringList fields;
        for (qsizetype i = 0; i < width; ++i)
            fields << (i < qsizetype(row.size()) ? csvCell(row[size_t(i)]) : QString());
        appendLine(fields);
    }
    return out;
}

Status TableExport::writeXlsx(const std::vector<AnalysisTable>& tables, const QString& path) {
    if (tables.empty()) return writeError(path, QStringLiteral("there are no tables to export"));
    Result<QString> temp = reserveSibling(path);
    if (!temp) return temp.error();
    Status status = writeWorkbook(tables, *temp, path);
    if (status) status = replaceWith(*temp, path);
    if (!status) QFile::remove(*temp);
    return status;
}

Status TableExport::writeCsv(const AnalysisTable& table, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return writeError(path, file.errorString());
    const QByteArray bytes = csv(table);
    if (file.write(bytes) != bytes.size() || !file.commit()) return writeError(path, file.errorString());
    return {};
}

Status TableExport::write(const std::vector<AnalysisTable>& tables, const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("xlsx")) return writeXlsx(tables, path);
    if (suffix != QLatin1String("csv"))
        return writeError(
            path, QStringLiteral("unknown format \"%1\" (use .csv or .xlsx)").arg(QFileInfo(path).suffix()));
    if (tables.size() != 1)
        return writeError(path,
                          QStringLiteral("a CSV file holds exactly one table, not %1 (use .xlsx for several)")
                              .arg(tables.size()));
    return writeCsv(tables.front(), path);
}

} // namespace warrant
