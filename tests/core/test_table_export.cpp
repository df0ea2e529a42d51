#include "analysis/TableExport.h"
#include "text/CsvReader.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QXmlStreamReader>
#include <catch2/catch.hpp>
#include <clocale>
#include <cmath>
#include <limits>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <string>

using namespace warrant;

namespace {

AnalysisTable agreementTable() {
    AnalysisTable table;
    table.title = QStringLiteral("Agreement");
    table.headers = {QStringLiteral("code"), QStringLiteral("kappa"), QStringLiteral("segments")};
    table.rows = {{QStringLiteral("Trust"), 0.743, 12},
                  {QStringLiteral("=1+1"), 1.0, qint64(3)},
                  {QStringLiteral("Doubt, mild"), 0.5, QVariant()}};
    return table;
}

AnalysisTable frequencyTable() {
    AnalysisTable table;
    table.title = QStringLiteral("Code frequencies");
    table.headers = {QStringLiteral("participant"), QStringLiteral("count")};
    table.rows = {{QStringLiteral("P01"), 7}, {QStringLiteral("P02"), 0.25}};
    return table;
}

QString csvOf(const AnalysisTable& table) {
    return QString::fromUtf8(TableExport::csv(table));
}

QByteArray zipEntry(const QString& zipPath, const QString& entry) {
    QuaZip zip(zipPath);
    REQUIRE(zip.open(QuaZip::mdUnzip));
    REQUIRE(zip.setCurrentFile(entry));
    QuaZipFile file(&zip);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

QStringList sheetNamesIn(const QString& xlsx) {
    QStringList names;
    QXmlStreamReader xml(zipEntry(xlsx, QStringLiteral("xl/workbook.xml")));
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("sheet"))
            names << xml.attributes().value(QLatin1String("name")).toString();
    }
    REQUIRE_FALSE(xml.hasError());
    return names;
}

// One cell as the sheet XML stores it.
struct Cell {
    QString type;  // "inlineStr" for text, empty for a number
    QString style; // "1" for the bold header
    QString value; // <v> of a number, <is><t> of a string
    bool formula = false;
};

QMap<QString, Cell> cellsOf(const QString& xlsx, int sheet) {
    QMap<QString, Cell> cells;
    QXmlStreamReader xml(zipEntry(xlsx, QStringLiteral("xl/worksheets/sheet%1.xml").arg(sheet)));
    QString ref;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        if (xml.name() == QLatin1String("c")) {
            ref = xml.attributes().value(QLatin1String("r")).toString();
            cells[ref].type = xml.attributes().value(QLatin1String("t")).toString();
            cells[ref].style = xml.attributes().value(QLatin1String("s")).toString();
        } else if (xml.name() == QLatin1String("f")) {
            cells[ref].formula = true;
        } else if (xml.name() == QLatin1String("v") || xml.name() == QLatin1String("t")) {
            cells[ref].value = xml.readElementText();
        }
    }
    REQUIRE_FALSE(xml.hasError());
    return cells;
}

QStringList zipEntries(const QString& zipPath) {
    QuaZip zip(zipPath);
    REQUIRE(zip.open(QuaZip::mdUnzip));
    return zip.getFileNameList();
}

QByteArray fileBytes(const QString& path) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

QStringList entriesOf(const QString& dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

TEST_CASE("CSV has a header row, CRLF line ends and no BOM", "[analysis][export]") {
    const QByteArray bytes = TableExport::csv(agreementTable());
    CHECK_FALSE(bytes.startsWith("\xEF\xBB\xBF"));
    CHECK(bytes.startsWith("code,kappa,segments\r\n"));
    CHECK(bytes.endsWith("\r\n"));
    CHECK(bytes.count('\n') == bytes.count("\r\n"));
    CHECK(csvOf(agreementTable()) == QStringLiteral("code,kappa,segments\r\n"
                                                    "Trust,0.743,12\r\n"
                                                    "'=1+1,1,3\r\n"
                                                    "\"Doubt, mild\",0.5,\r\n"));
}

TEST_CASE("CSV numbers use '.', at most four decimals and no needless zeros", "[analysis][export]") {
    AnalysisTable table;
    table.headers = {QStringLiteral("value")};
    const std::vector<std::pair<QVariant, QString>> cases = {
        {0.743, QStringLiteral("0.743")},
        {1.0, QStringLiteral("1")},
        {0.5, QStringLiteral("0.5")},
        {0.74349, QStringLiteral("0.7435")},
        {2.00004, QStringLiteral("2")},
        {-0.25, QStringLiteral("-0.25")},
        {-0.00001, QStringLiteral("0")},
        {1234567.0, QStringLiteral("1234567")},
        {42, QStringLiteral("42")},
        {qint64(9007199254740993), QStringLiteral("9007199254740993")},
        {quint64(18446744073709551615ull), QStringLiteral("18446744073709551615")},
        {0.1f, QStringLiteral("0.1")},
        {QVariant(), QString()},
        {std::numeric_limits<double>::quiet_NaN(), QString()},
        {std::numeric_limits<double>::infinity(), QString()},
    };
    for (const auto& [value, expected] : cases) {
        table.rows = {{value}};
        INFO(value.toString().toStdString());
        CHECK(csvOf(table) == QStringLiteral("value\r\n") + expected + QStringLiteral("\r\n"));
    }
}

TEST_CASE("CSV ignores the C locale's decimal comma", "[analysis][export]") {
    // QString::number never follows the locale; this pins that down under a comma locale.
    const std::string previous = std::setlocale(LC_NUMERIC, nullptr);
    if (!std::setlocale(LC_NUMERIC, "de_DE.UTF-8")) {
        WARN("de_DE.UTF-8 locale not installed; decimal-comma check skipped");
        return;
    }
    AnalysisTable table;
    table.headers = {QStringLiteral("kappa")};
    table.rows = {{QVariant(0.743)}};
    const QString csv = csvOf(table);
    std::setlocale(LC_NUMERIC, previous.c_str());
    CHECK(csv == QStringLiteral("kappa\r\n0.743\r\n"));
}

TEST_CASE("CSV quotes text holding a comma, quote, CR or LF", "[analysis][export]") {
    AnalysisTable table;
    table.headers = {QStringLiteral("text")};
    const std::vector<std::pair<QString, QString>> cases = {
        {QStringLiteral("plain words"), QStringLiteral("plain words")},
        {QStringLiteral("a,b"), QStringLiteral("\"a,b\"")},
        {QStringLiteral("she said \"no\""), QStringLiteral("\"she said \"\"no\"\"\"")},
        {QStringLiteral("line\nbreak"), QStringLiteral("\"line\nbreak\"")},
        {QStringLiteral("carriage\rreturn"), QStringLiteral("\"carriage\rreturn\"")},
        {QStringLiteral("Zoë – naïve"), QStringLiteral("Zoë – naïve")},
        {QString(), QString()},
    };
    for (const auto& [text, expected] : cases) {
        table.rows = {{text}};
        INFO(text.toStdString());
        CHECK(csvOf(table) == QStringLiteral("text\r\n") + expected + QStringLiteral("\r\n"));
    }
    CHECK(TableExport::csv(table).size() == qsizetype(std::string("text\r\n\r\n").size()));
}

TEST_CASE("CSV defuses text a spreadsheet would run as a formula", "[analysis][export]") {
    AnalysisTable table;
    table.headers = {QStringLiteral("=header"), QStringLiteral("number")};
    table.rows = {{QStringLiteral("=1+1"), -0.5},
                  {QStringLiteral("+49 30 1234"), -3},
                  {QStringLiteral("-not a number"), 0},
                  {QStringLiteral("@SUM(A1:A2)"), 1},
                  {QStringLiteral("=HYPERLINK(\"http://x\",\"y\")"), 2},
                  {QStringLiteral("a = b"), 3}};
    CHECK(csvOf(table) == QStringLiteral("'=header,number\r\n"
                                         "'=1+1,-0.5\r\n"
                                         "'+49 30 1234,-3\r\n"
                                         "'-not a number,0\r\n"
                                         "'@SUM(A1:A2),1\r\n"
                                         "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2\r\n"
                                         "a = b,3\r\n"));
}

TEST_CASE("CSV pads short rows and round-trips through an RFC 4180 reader", "[analysis][export]") {
    AnalysisTable table;
    table.headers = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    table.rows = {{QStringLiteral("x, \"y\"\nz")}, {1, 2.5, QStringLiteral("end")}};
    CHECK(csvOf(table).startsWith(QStringLiteral("a,b,c\r\n\"x, \"\"y\"\"\nz\",,\r\n")));
    const auto rows = CsvReader::parse(csvOf(table), QStringLiteral("table.csv"));
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 3);
    CHECK((*rows)[1].fields == QStringList{QStringLiteral("x, \"y\"\nz"), QString(), QString()});
    CHECK((*rows)[2].fields ==
          QStringList{QStringLiteral("1"), QStringLiteral("2.5"), QStringLiteral("end")});
}

TEST_CASE("writeCsv and write(.csv) store exactly csv()", "[analysis][export]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("agreement.csv"));
    REQUIRE(TableExport::writeCsv(agreementTable(), path).ok());
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll() == TableExport::csv(agreementTable()));
    file.close();

    const QString upper = dir.filePath(QStringLiteral("AGREEMENT.CSV"));
    REQUIRE(TableExport::write({frequencyTable()}, upper).ok());
    QFile other(upper);
    REQUIRE(other.open(QIODevice::ReadOnly));
    CHECK(other.readAll() == TableExport::csv(frequencyTable()));
    CHECK(entriesOf(dir.path()).size() == 2);
}

TEST_CASE("write refuses several tables in a CSV and unknown suffixes", "[analysis][export]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString csv = dir.filePath(QStringLiteral("both.csv"));
    const Status two = TableExport::write({agreementTable(), frequencyTable()}, csv);
    REQUIRE_FALSE(two.ok());
    CHECK(two.errorMessage().contains(csv));
    CHECK(two.errorMessage().contains(QStringLiteral("exactly one table")));

    const QString ods = dir.filePath(QStringLiteral("tables.ods"));
    const Status unknown = TableExport::write({agreementTable()}, ods);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.errorMessage().contains(ods));
    CHECK_FALSE(unknown.errorMessage().contains(QLatin1Char('\n')));

    const QString xlsx = dir.filePath(QStringLiteral("none.xlsx"));
    const Status none = TableExport::write({}, xlsx);
    REQUIRE_FALSE(none.ok());
    CHECK(none.errorMessage().contains(xlsx));
    CHECK(entriesOf(dir.path()).isEmpty());
}

TEST_CASE("XLSX holds one sheet per table with numbers as numbers and text as strings",
          "[analysis][export]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("analysis.xlsx"));
    const Status written = TableExport::write({agreementTable(), frequencyTable()}, path);
    REQUIRE(written.ok());
    CHECK(entriesOf(dir.path()) == QStringList{QStringLiteral("analysis.xlsx")}); // no temporary left

    CHECK(sheetNamesIn(path) == QStringList{QStringLiteral("Agreement"), QStringLiteral("Code frequencies")});
    CHECK_FALSE(zipEntries(path).contains(QStringLiteral("xl/sharedStrings.xml"))); // inline strings only

    const QByteArray sheet1 = zipEntry(path, QStringLiteral("xl/worksheets/sheet1.xml"));
    CHECK(sheet1.contains("<c r=\"B2\"><v>0.743</v></c>"));
    CHECK_FALSE(sheet1.contains("<f"));
    CHECK(sheet1.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"));

    const QMap<QString, Cell> cells = cellsOf(path, 1);
    for (const QString& ref : {QStringLiteral("A1"), QStringLiteral("B1"), QStringLiteral("C1")}) {
        CHECK(cells.value(ref).type == QStringLiteral("inlineStr"));
        CHECK(cells.value(ref).style == QStringLiteral("1")); // bold
    }
    CHECK(cells.value(QStringLiteral("A1")).value == QStringLiteral("code"));
    CHECK(cells.value(QStringLiteral("B1")).value == QStringLiteral("kappa"));
    CHECK(cells.value(QStringLiteral("C1")).value == QStringLiteral("segments"));
    CHECK(cells.value(QStringLiteral("A2")).value == QStringLiteral("Trust"));
    CHECK(cells.value(QStringLiteral("A2")).style.isEmpty());
    CHECK(cells.value(QStringLiteral("B2")).type.isEmpty());
    CHECK(cells.value(QStringLiteral("B2")).value == QStringLiteral("0.743"));
    CHECK(cells.value(QStringLiteral("C2")).type.isEmpty());
    CHECK(cells.value(QStringLiteral("C2")).value == QStringLiteral("12"));
    CHECK(cells.value(QStringLiteral("A3")).type == QStringLiteral("inlineStr"));
    CHECK(cells.value(QStringLiteral("A3")).value == QStringLiteral("=1+1"));
    CHECK_FALSE(cells.value(QStringLiteral("A3")).formula);
    CHECK(cells.value(QStringLiteral("B3")).value == QStringLiteral("1"));
    CHECK(cells.value(QStringLiteral("C3")).value == QStringLiteral("3"));
    CHECK(cells.value(QStringLiteral("A4")).value == QStringLiteral("Doubt, mild"));
    CHECK_FALSE(cells.contains(QStringLiteral("C4"))); // the undefined cell stays empty
    for (const Cell& cell : cells)
        CHECK_FALSE(cell.formula);

    const QMap<QString, Cell> second = cellsOf(path, 2);
    CHECK(second.value(QStringLiteral("A1")).value == QStringLiteral("participant"));
    CHECK(second.value(QStringLiteral("B1")).value == QStringLiteral("count"));
    CHECK(second.value(QStringLiteral("B2")).value == QStringLiteral("7"));
    CHECK(second.value(QStringLiteral("B3")).type.isEmpty());
    CHECK(second.value(QStringLiteral("B3")).value == QStringLiteral("0.25"));
    CHECK_FALSE(zipEntry(path, QStringLiteral("xl/worksheets/sheet2.xml")).contains("<f"));

    const QByteArray styles = zipEntry(path, QStringLiteral("xl/styles.xml"));
    CHECK(styles.contains("<b/>"));
    CHECK(styles.contains("<cellXfs count=\"2\">"));
}

TEST_CASE("XLSX is a complete package of well-formed parts", "[analysis][export]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("package.xlsx"));
    REQUIRE(TableExport::writeXlsx({agreementTable(), frequencyTable()}, path).ok());

    const QStringList entries = zipEntries(path);
    for (const QString& part :
         {QStringLiteral("[Content_Types].xml"), QStringLiteral("_rels/.rels"), QStringLiteral("docProps/app.xml"),
          QStringLiteral("docProps/core.xml"), QStringLiteral("xl/workbook.xml"),
          QStringLiteral("xl/_rels/workbook.xml.rels"), QStringLiteral("xl/styles.xml"),
          QStringLiteral("xl/worksheets/sheet1.xml"), QStringLiteral("xl/worksheets/sheet2.xml")})
        CHECK(entries.contains(part));
    CHECK(entries.size() == 9);

    for (const QString& entry : entries) {
        INFO(entry.toStdString());
        QXmlStreamReader xml(zipEntry(path, entry));
        while (!xml.atEnd())
            xml.readNext();
        CHECK_FALSE(xml.hasError());
        INFO(xml.errorString().toStdString());
    }

    // Every worksheet has its content type, and the workbook relationships reach it.
    QStringList overrides;
    QXmlStreamReader types(zipEntry(path, QStringLiteral("[Content_Types].xml")));
    while (!types.atEnd()) {
        if (types.readNext() == QXmlStreamReader::StartElement && types.name() == QLatin1String("Override") &&
            types.attributes().value(QLatin1String("ContentType")) ==
                QLatin1String("application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"))
            overrides << types.attributes().value(QLatin1String("PartName")).toString();
    }
    CHECK(overrides ==
          QStringList{QStringLiteral("/xl/worksheets/sheet1.xml"), QStringLiteral("/xl/worksheets/sheet2.xml")});
    const QByteArray rels = zipEntry(path, QStringLiteral("xl/_rels/workbook.xml.rels"));
    CHECK(rels.contains("Target=\"worksheets/sheet1.xml\""));
    CHECK(rels.contains("Target=\"worksheets/sheet2.xml\""));
    CHECK(rels.contains("Target=\"styles.xml\""));
    CHECK(zipEntry(path, QStringLiteral("_rels/.rels")).contains("Target=\"xl/workbook.xml\""));
}

TEST_CASE("XLSX output is reproducible", "[analysis][export]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString first = dir.filePath(QStringLiteral("first.xlsx"));
    const QString second = dir.filePath(QStringLiteral("second.xlsx"));
    REQUIRE(TableExport::writeXlsx({agreementTable(), frequencyTable()}, first).ok());
    REQUIRE(TableExport::writeXlsx({agreementTable(), frequencyTable()}, second).ok());
    CHECK(fileBytes(first) == fileBytes(second));
    REQUIRE(TableExport::writeXlsx({agreementTable(), frequencyTable()}, first).ok()); // over the old file
    CHECK(fileBytes(first) == fileBytes(second));
}

TEST_CASE("XLSX keeps awkward text as text and drops what XML cannot hold", "[analysis][export]") {
    AnalysisTable table;
    table.title = QStringLiteral("Text\x01 <&>");
    table.headers = {QStringLiteral("<b>&amp;</b>"), QString(), QStringLiteral("  spaced  ")};
    table.rows = {{QStringLiteral("line\nbreak\r\nand\ttab"), QStringLiteral("bell\x07 and \x0B vertical"),
                   QStringLiteral("=SUM(A1:A2)")},
                  {QString(QChar(0xD800)) + QStringLiteral("lone") + QChar(0xFFFF), QStringLiteral("\"quoted\" 'x'"),
                   QStringLiteral("Zoë 😀")},
                  {QString(), QStringLiteral("\x01\x02"), QVariant()}};
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("text.xlsx"));
    REQUIRE(TableExport::writeXlsx({table}, path).ok());
    CHECK(sheetNamesIn(path) == QStringList{QStringLiteral("Text <&>")});
    const QMap<QString, Cell> cells = cellsOf(path, 1);
    CHECK(cells.value(QStringLiteral("A1")).value == QStringLiteral("<b>&amp;</b>"));
    CHECK_FALSE(cells.contains(QStringLiteral("B1")));
    CHECK(cells.value(QStringLiteral("C1")).value == QStringLiteral("  spaced  "));
    CHECK(cells.value(QStringLiteral("A2")).value == QStringLiteral("line\nbreak\r\nand\ttab"));
    CHECK(cells.value(QStringLiteral("B2")).value == QStringLiteral("bell and  vertical"));
    CHECK(cells.value(QStringLiteral("C2")).value == QStringLiteral("=SUM(A1:A2)"));
    CHECK(cells.value(QStringLiteral("C2")).type == QStringLiteral("inlineStr"));
    CHECK(cells.value(QStringLiteral("A3")).value == QStringLiteral("lone"));
    CHECK(cells.value(QStringLiteral("B3")).value == QStringLiteral("\"quoted\" 'x'"));
    CHECK(cells.value(QStringLiteral("C3")).value == QStringLiteral("Zoë 😀"));
    CHECK_FALSE(cells.contains(QStringLiteral("A4")));
    CHECK_FALSE(cells.contains(QStringLiteral("B4"))); // nothing left once the control characters go
    for (const Cell& cell : cells)
        CHECK_FALSE(cell.formula);
}

TEST_CASE("XLSX numbers are plain numeric cells", "[analysis][export]") {
    AnalysisTable table;
    table.headers = {QStringLiteral("value")};
    const std::vector<std::pair<QVariant, QString>> cases = {
        {0.743, QStringLiteral("0.743")},
        {1.0, QStringLiteral("1")},
        {0.1 + 0.2, QStringLiteral("0.3")},
        {-0.25, QStringLiteral("-0.25")},
        {-0.0, QStringLiteral("0")},
        {1234567.0, QStringLiteral("1234567")},
        {1e20, QStringLiteral("1e+20")},
        {1.5e-7, QStringLiteral("1.5e-07")},
        {42, QStringLiteral("42")},
        {qint64(9007199254740993), QStringLiteral("9007199254740993")},
        {quint64(18446744073709551615ull), QStringLiteral("18446744073709551615")},
        {0.1f, QStringLiteral("0.1")},
    };
    for (const auto& [value, expected] : cases)
        table.rows.push_back({value});
    table.rows.push_back({std::numeric_limits<double>::quiet_NaN()});
    table.rows.push_back({std::numeric_limits<double>::infinity()});
    table.rows.push_back({-std::numeric_limits<double>::infinity()});
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("numbers.xlsx"));
    REQUIRE(TableExport::writeXlsx({table}, path).ok());
    const QMap<QString, Cell> cells = cellsOf(path, 1);
    for (size_t i = 0; i < cases.size(); ++i) {
        const QString ref = QStringLiteral("A%1").arg(i + 2);
        INFO(ref.toStdString() << " " << cases[i].second.toStdString());
        CHECK(cells.value(ref).type.isEmpty());
        CHECK(cells.value(ref).value == cases[i].second);
    }
    CHECK(cells.size() == qsizetype(1 + cases.size())); // NaN and the infinities are empty cells
}

TEST_CASE("XLSX sheet names are made valid and unique", "[analysis][export]") {
    std::vector<AnalysisTable> tables(6, frequencyTable());
    tables[0].title = QStringLiteral("Kappa [A/B]: *all* coders?");
    tables[1].title = QStringLiteral("A very long title for the code co-occurrence table");
    tables[2].title = QStringLiteral("A very long title for the code co-occurrence matrix");
    tables[3].title = QString();
    tables[4].title = QStringLiteral("'quoted'");
    tables[5].title = QStringLiteral("history");
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("names.xlsx"));
    REQUIRE(TableExport::writeXlsx(tables, path).ok());
    const QStringList names = sheetNamesIn(path);
    CHECK(names == QStringList{QStringLiteral("Kappa _A_B__ _all_ coders_"),
                               QStringLiteral("A very long title for the code"),
                               QStringLiteral("A very long title for the c (2)"), QStringLiteral("Sheet"),
                               QStringLiteral("quoted"), QStringLiteral("history (2)")});
    for (const QString& name : names)
        CHECK(name.size() <= 31);
}

TEST_CASE("XLSX numbers keep '.' under a German default locale", "[analysis][export]") {
    // The numbers are formatted by QString::number, which ignores QLocale::setDefault and the C
    // locale alike; this pins that down.
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const std::string previousC = std::setlocale(LC_NUMERIC, nullptr);
    const bool cLocale = std::setlocale(LC_NUMERIC, "de_DE.UTF-8") != nullptr; // where installed
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("locale.xlsx"));
    const Status written = TableExport::writeXlsx({agreementTable()}, path);
    if (cLocale) std::setlocale(LC_NUMERIC, previousC.c_str());
    QLocale::setDefault(previous);
    REQUIRE(written.ok());
    const QByteArray sheet = zipEntry(path, QStringLiteral("xl/worksheets/sheet1.xml"));
    CHECK(sheet.contains("<v>0.743</v>"));
    CHECK(sheet.contains("<v>0.5</v>"));
    CHECK_FALSE(sheet.contains("0,743"));
}

TEST_CASE("An unwritable path gives an error naming it and leaves nothing behind", "[analysis][export]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("no/such/folder/out.xlsx"));
    for (const QString& path : {missing, dir.filePath(QStringLiteral("no/such/folder/out.csv"))}) {
        const Status status = TableExport::write({agreementTable()}, path);
        REQUIRE_FALSE(status.ok());
        CHECK(status.errorMessage().contains(path));
        CHECK_FALSE(status.errorMessage().contains(QLatin1Char('\n')));
    }
    CHECK(entriesOf(dir.path()).isEmpty());

    // A regular file where the folder should be.
    QFile blocker(dir.filePath(QStringLiteral("file")));
    REQUIRE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString underFile = dir.filePath(QStringLiteral("file/out.xlsx"));
    const Status status = TableExport::writeXlsx({agreementTable()}, underFile);
    REQUIRE_FALSE(status.ok());
    CHECK(status.errorMessage().contains(underFile));
    CHECK(entriesOf(dir.path()) == QStringList{QStringLiteral("file")});
}

TEST_CASE("A failed XLSX write keeps the old file and no temporary", "[analysis][export]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("report.xlsx"));
    REQUIRE(TableExport::writeXlsx({frequencyTable()}, path).ok());
    const QByteArray before = zipEntry(path, QStringLiteral("xl/workbook.xml"));

    AnalysisTable tooLong = agreementTable();
    tooLong.rows.push_back({QString(40000, QLatin1Char('x'))}); // beyond Excel's 32,767 characters
    const Status status = TableExport::writeXlsx({frequencyTable(), tooLong}, path);
    REQUIRE_FALSE(status.ok());
    CHECK(status.errorMessage().contains(path));
    CHECK(status.errorMessage().contains(QStringLiteral("A5")));
    CHECK(entriesOf(dir.path()) == QStringList{QStringLiteral("report.xlsx")});
    CHECK(zipEntry(path, QStringLiteral("xl/workbook.xml")) == before);

    REQUIRE(TableExport::writeXlsx({agreementTable(), frequencyTable()}, path).ok()); // replaces it
    CHECK(sheetNamesIn(path).size() == 2);
    CHECK(entriesOf(dir.path()) == QStringList{QStringLiteral("report.xlsx")});
}

TEST_CASE("LibreOffice reads the XLSX figures the CSV holds", "[analysis][export]") {
    const QString soffice = QStandardPaths::findExecutable(QStringLiteral("soffice"));
    if (soffice.isEmpty()) {
        WARN("soffice not on PATH; LibreOffice cross-check skipped");
        SUCCEED();
        return;
    }
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString xlsx = dir.filePath(QStringLiteral("analysis.xlsx"));
    REQUIRE(TableExport::writeXlsx({agreementTable(), frequencyTable()}, xlsx).ok());
    QProcess process;
    // A private profile, so a running LibreOffice of the user neither blocks nor is disturbed.
    process.start(soffice, {QStringLiteral("-env:UserInstallation=") +
                                QUrl::fromLocalFile(dir.filePath(QStringLiteral("profile"))).toString(),
                            QStringLiteral("--headless"), QStringLiteral("--convert-to"),
                            QStringLiteral("csv"), QStringLiteral("--outdir"), dir.path(), xlsx});
    REQUIRE(process.waitForFinished(120000));
    INFO(process.readAllStandardError().toStdString());
    REQUIRE(process.exitCode() == 0);
    const auto office = CsvReader::readFile(dir.filePath(QStringLiteral("analysis.csv")));
    const auto ours = CsvReader::parse(csvOf(agreementTable()), QStringLiteral("ours.csv"));
    REQUIRE(office.ok());
    REQUIRE(ours.ok());
    REQUIRE(office->size() == ours->size());
    CHECK((*office)[2].fields.value(0) == QStringLiteral("=1+1")); // shown as text, not evaluated to 2
    for (size_t r = 0; r < ours->size(); ++r) {
        for (qsizetype c = 1; c < (*ours)[r].fields.size(); ++c) { // column 0 is text; the figures follow
            const QString mine = (*ours)[r].fields.at(c);
            const QString theirs = (*office)[r].fields.value(c);
            bool mineIsNumber = false, theirsIsNumber = false;
            const double a = mine.toDouble(&mineIsNumber), b = theirs.toDouble(&theirsIsNumber);
            INFO("row " << r << " column " << c << ": " << mine.toStdString() << " vs "
                        << theirs.toStdString());
            CHECK(mineIsNumber == theirsIsNumber);
            if (mineIsNumber)
                CHECK(std::abs(a - b) < 1e-4);
            else
                CHECK(mine == theirs);
        }
    }
}
