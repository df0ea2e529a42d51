#include "QdpxFixture.h"

#include <QFile>
#include <QStringList>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

namespace warrant::test {

bool writeZip(const QString& path, const ZipEntries& entries) {
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdCreate)) return false;
    for (const auto& [name, bytes] : entries) {
        QuaZipFile file(&zip);
        if (!file.open(QIODevice::WriteOnly, QuaZipNewInfo(name))) return false;
        if (file.write(bytes) != bytes.size()) return false;
        file.close();
    }
    zip.close();
    return zip.getZipError() == ZIP_OK;
}

QByteArray zipEntry(const QString& path, const QString& name) {
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdUnzip) || !zip.setCurrentFile(name)) return {};
    QuaZipFile file(&zip);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.readAll();
}

namespace {

// The transcript as spoken; lines are joined with LF or CR LF per variant.
const QStringList kLines = {
    QStringLiteral("Interviewer: Hogyan kezdődött? 😀"),
    QStringLiteral("Anna: Először nehéz volt, de a csapat 👍🏽 segített."),
    QStringLiteral("Interviewer: És később?"),
    QStringLiteral("Anna: Később 🇭🇺 árvíztűrő tükörfúrógép minden nap, ő és ű is."),
};

struct Wanted {
    QString text;     // a unique substring of the transcript
    QString codeGuid;
    QString codePath;
};

const QString kTop = QStringLiteral("3f2b0c1e-0000-4000-8000-000000000001");
const QString kMiddle = QStringLiteral("3f2b0c1e-0000-4000-8000-000000000002");
const QString kLeaf = QStringLiteral("3F2B0C1E-0000-4000-8000-000000000003"); // upper case, as some tools write
const QString kHelp = QStringLiteral("{3f2b0c1e-0000-4000-8000-000000000004}"); // braces, as others do
const QString kUser = QStringLiteral("7a000000-0000-4000-8000-000000000001");
const QString kSource = QStringLiteral("5c000000-0000-4000-8000-000000000001");

std::vector<Wanted> wanted() {
    return {{QStringLiteral("nehéz volt"), kLeaf, QStringLiteral("Tapasztalat/Nehézség/Kezdet")},
            {QStringLiteral("a csapat 👍🏽 segített"), kHelp, QStringLiteral("Segítség")},
            {QStringLiteral("árvíztűrő tükörfúrógép"), kMiddle, QStringLiteral("Tapasztalat/Nehézség")},
            // Overlapping codings of two codes on one passage, and one across a line end.
            {QStringLiteral("Először nehéz volt, de a csapat"), kTop, QStringLiteral("Tapasztalat")},
            {QStringLiteral("volt, de a csapat 👍🏽"), kHelp, QStringLiteral("Segítség")},
            {QStringLiteral("segített.\nInterviewer: És"), kTop, QStringLiteral("Tapasztalat")}};
}

QString rawText(const OffsetVariant& v) {
    QString text = kLines.join(v.crlf ? QStringLiteral("\r\n") : QStringLiteral("\n"));
    return v.bom ? QChar(0xFEFF) + text : text;
}

// How far into `raw` the tool under `v` says `index` (a QString index) is: counted independently
// of the importer, from the prefix itself.
qint64 countAs(const OffsetVariant& v, const QString& raw, qsizetype index) {
    QString prefix = raw.left(index);
    qint64 n = v.utf16 ? prefix.size() : qint64(prefix.toUcs4().size());
    if (raw.startsWith(QChar(0xFEFF)) && !v.bomCounted) n -= 1;
    if (v.crlfAsOne) n -= prefix.count(QStringLiteral("\r\n"));
    return n;
}

QString selectionsXml(const OffsetVariant& v, const QString& raw) {
    QString xml;
    int n = 0;
    for (const Wanted& w : wanted()) {
        // The wanted text is written with LF; in a CR LF file it has CR LF.
        const QString inRaw = v.crlf ? QString(w.text).replace(u'\n', QStringLiteral("\r\n")) : w.text;
        const qsizetype at = raw.indexOf(inRaw);
        if (at < 0) return {};
        const QString guid = QStringLiteral("9e000000-0000-4000-8000-%1").arg(++n, 12, 10, QLatin1Char('0'));
        xml += QStringLiteral("<PlainTextSelection guid=\"%1\" name=\"%2\" startPosition=\"%3\" endPosition=\"%4\" "
                              "creatingUser=\"%5\" creationDateTime=\"2024-05-0%6T10:00:00Z\">"
                              "<Coding guid=\"%7\" creatingUser=\"%5\"><CodeRef targetGUID=\"%8\"/></Coding>"
                              "</PlainTextSelection>")
                   .arg(guid, v.names ? w.text.toHtmlEscaped().replace(u'\n', QStringLiteral("&#10;")) : QString())
                   .arg(countAs(v, raw, at))
                   .arg(countAs(v, raw, at + inRaw.size()))
                   .arg(kUser)
                   .arg(n)
                   .arg(QStringLiteral("c0000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0')), w.codeGuid);
    }
    return xml;
}

QString projectXml(const OffsetVariant& v, const QString& sourceElement) {
    return QStringLiteral(
               "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
               "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"%1\" origin=\"%2\">"
               "<Users><User guid=\"%3\" name=\"Kata\"/></Users>"
               "<CodeBook><Codes>"
               "<Code guid=\"%4\" name=\"Tapasztalat\" isCodable=\"true\" color=\"#AA3300\">"
               "<Code guid=\"%5\" name=\"Nehézség\" isCodable=\"true\">"
               "<Code guid=\"%6\" name=\"Kezdet\" isCodable=\"true\"><Description>Az első hetek.</Description></Code>"
               "</Code></Code>"
               "<Code guid=\"%7\" name=\"Segítség\" isCodable=\"true\"/>"
               "</Codes></CodeBook>"
               "<Variables><Variable guid=\"%8\" name=\"age\" typeOfVariable=\"Integer\"/>"
               "<Variable guid=\"%9\" name=\"member\" typeOfVariable=\"Boolean\"/></Variables>"
               "<Cases><Case guid=\"%10\" name=\"Anna\">"
               "<VariableValue><VariableRef targetGUID=\"%8\"/><IntegerValue>42</IntegerValue></VariableValue>"
               "<VariableValue><VariableRef targetGUID=\"%9\"/><BooleanValue>true</BooleanValue></VariableValue>"
               "<SourceRef targetGUID=\"%11\"/></Case></Cases>"
               "<Sources>%12</Sources></Project>")
        .arg(v.label, v.origin, kUser, kTop, kMiddle, kLeaf, kHelp,
             QStringLiteral("1a000000-0000-4000-8000-000000000001"), QStringLiteral("1a000000-0000-4000-8000-000000000002"))
        .arg(QStringLiteral("2b000000-0000-4000-8000-000000000001"), kSource, sourceElement);
}

} // namespace

std::vector<OffsetVariant> offsetVariants() {
    std::vector<OffsetVariant> all;
    const auto add = [&](OffsetVariant v) {
        for (const Wanted& w : wanted()) v.expected.insert(w.codePath + u'|' + w.text);
        v.codeCount = 4;
        all.push_back(std::move(v));
    };
    add({QStringLiteral("nvivo"), QStringLiteral("NVivo 12.6.1 (Windows)"), true, true, true, false, false, true, false, {}, 0});
    add({QStringLiteral("nvivo-without-names"), QStringLiteral("NVivo 14"), true, true, true, false, false, false, false, {}, 0});
    add({QStringLiteral("code-points"), QStringLiteral("QualCoder 3.5"), false, false, false, false, false, true, false, {}, 0});
    add({QStringLiteral("crlf-as-one"), QStringLiteral("MAXQDA 24"), false, true, false, true, false, true, false, {}, 0});
    add({QStringLiteral("bom-counted"), QStringLiteral("Another tool 1.0"), true, false, false, false, true, true, false, {}, 0});
    add({QStringLiteral("utf16-unnamed-tool"), QStringLiteral("Another tool 2.0"), false, false, true, false, false, true, false, {}, 0});
    add({QStringLiteral("inline-text"), QStringLiteral("ATLAS.ti 23.2"), false, false, false, false, false, true, true, {}, 0});
    return all;
}

bool writeOffsetFixture(const QString& path, const OffsetVariant& v) {
    const QString raw = rawText(v);
    const QString selections = selectionsXml(v, raw);
    if (selections.isEmpty()) return false;
    QString source = v.inlineText
                         ? QStringLiteral("<TextSource guid=\"%1\" name=\"Anna interjú\"><PlainTextContent>%2</PlainTextContent>%3</TextSource>")
                               .arg(kSource, raw.toHtmlEscaped().replace(u'\r', QStringLiteral("&#13;")), selections)
                         : QStringLiteral("<TextSource guid=\"%1\" name=\"Anna interjú\" plainTextPath=\"internal://%1.txt\">%2</TextSource>")
                               .arg(kSource, selections);
    ZipEntries entries{{QStringLiteral("project.qde"), projectXml(v, source).toUtf8()}};
    // toUtf8 writes U+FEFF as the UTF-8 BOM bytes.
    if (!v.inlineText) entries.push_back({QStringLiteral("sources/%1.txt").arg(kSource), raw.toUtf8()});
    return writeZip(path, entries);
}

bool writeFixtureWithBadSelection(const QString& path) {
    OffsetVariant v = offsetVariants()[2];
    const QString raw = rawText(v);
    const QString bad = QStringLiteral("<PlainTextSelection guid=\"9e000000-0000-4000-8000-0000000000ff\" name=\"gone\" "
                                       "startPosition=\"10\" endPosition=\"100000\"><Coding guid=\"c0000000-0000-4000-8000-0000000000ff\">"
                                       "<CodeRef targetGUID=\"%1\"/></Coding></PlainTextSelection>")
                            .arg(kTop);
    const QString source = QStringLiteral("<TextSource guid=\"%1\" name=\"Anna interjú\" plainTextPath=\"internal://%1.txt\">%2%3</TextSource>")
                               .arg(kSource, selectionsXml(v, raw), bad);
    return writeZip(path, {{QStringLiteral("project.qde"), projectXml(v, source).toUtf8()},
                           {QStringLiteral("sources/%1.txt").arg(kSource), raw.toUtf8()}});
}

bool writeFixtureWithMissingSourceFile(const QString& path) {
    OffsetVariant v = offsetVariants()[2];
    const QString raw = rawText(v);
    const QString missing = QStringLiteral("<TextSource guid=\"5e000000-0000-4000-8000-0000000000aa\" name=\"Lost interview\" "
                                           "plainTextPath=\"internal://5e000000-0000-4000-8000-0000000000aa.txt\">"
                                           "<PlainTextSelection guid=\"9e000000-0000-4000-8000-0000000000ab\" startPosition=\"0\" endPosition=\"4\">"
                                           "<Coding guid=\"c0000000-0000-4000-8000-0000000000ab\"><CodeRef targetGUID=\"%1\"/></Coding>"
                                           "</PlainTextSelection></TextSource>")
                                .arg(kTop);
    const QString source = QStringLiteral("<TextSource guid=\"%1\" name=\"Anna interjú\" plainTextPath=\"internal://%1.txt\">%2</TextSource>")
                               .arg(kSource, selectionsXml(v, raw));
    return writeZip(path, {{QStringLiteral("project.qde"), projectXml(v, source + missing).toUtf8()},
                           {QStringLiteral("sources/%1.txt").arg(kSource), raw.toUtf8()}});
}

std::vector<HostileArchive> hostileArchives() {
    const QByteArray minimal = QByteArrayLiteral(
        "<?xml version=\"1.0\"?><Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"/>");
    const QByteArray xxe = QByteArrayLiteral(
        "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
        "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"&secret;\"/>");
    QByteArray laughs = "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY a0 \"lol\">";
    for (int i = 1; i < 10; ++i)
        laughs += QStringLiteral("<!ENTITY a%1 \"&a%2;&a%2;&a%2;&a%2;&a%2;&a%2;&a%2;&a%2;&a%2;&a%2;\">").arg(i).arg(i - 1).toUtf8();
    laughs += "]><Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"&a9;\"/>";
    return {{QStringLiteral("zip-slip-parent"), {{QStringLiteral("project.qde"), minimal}, {QStringLiteral("../evil.txt"), "x"}}},
            {QStringLiteral("zip-slip-absolute"), {{QStringLiteral("project.qde"), minimal}, {QStringLiteral("/etc/evil"), "x"}}},
            {QStringLiteral("zip-slip-backslash"), {{QStringLiteral("project.qde"), minimal}, {QStringLiteral("sources\\..\\..\\evil"), "x"}}},
            {QStringLiteral("zip-bomb"), {{QStringLiteral("project.qde"), minimal}, {QStringLiteral("sources/zeros.txt"), QByteArray(24 * 1024 * 1024, '\0')}}},
            {QStringLiteral("external-entity"), {{QStringLiteral("project.qde"), xxe}}},
            {QStringLiteral("entity-expansion"), {{QStringLiteral("project.qde"), laughs}}},
            {QStringLiteral("no-project"), {{QStringLiteral("sources/a.txt"), "text"}}}};
}

} // namespace warrant::test
