#include "import/DocxReader.h"

#include "import/NoteRegistry.h"
#include "import/ZipPackage.h"

#include <algorithm>
#include <QHash>
#include <QXmlStreamReader>

namespace warrant {

namespace {

const QString kDocumentPart = QStringLiteral("word/document.xml");

bool isWordNamespace(QStringView uri) {
    return uri == u"http://schemas.openxmlformats.org/wordprocessingml/2006/main" ||
           uri == u"http://purl.oclc.org/ooxml/wordprocessingml/main"; // Strict OOXML
}

// Note texts by w:id, read before the body so references can be resolved in one pass.
struct WordNotes {
    QHash<QString, QString> footnotes;
    QHash<QString, QString> endnotes;
    NoteRegistry registry;
};

class WordWalker {
public:
    WordWalker(QXmlStreamReader& reader, WordNotes* notes) : r(reader), m_notes(notes) {}

    // Block-level children of the current element, up to its end tag.
    QStringList blocks() {
        QStringList out;
        while (r.readNextStartElement()) {
            if (is(u"p")) {
                append(out, paragraph());
            } else if (is(u"tbl")) {
                append(out, table());
            } else if (is(u"body") || is(u"sdt") || is(u"sdtContent") || is(u"customXml") || is(u"ins") ||
                       is(u"smartTag")) {
                out += blocks();
            } else {
                r.skipCurrentElement();
            }
        }
        return out;
    }

    bool is(QStringView name) const { return r.name() == name && isWordNamespace(r.namespaceUri()); }

private:
    static void append(QStringList& out, const QString& block) {
        if (!block.trimmed().isEmpty()) out.append(block);
    }

    // Reads w:pPr: is this paragraph a block quotation? Word and LibreOffice mark them with a
    // quotation style ("Quote", "Quotations", "Intense Quote") or indent them on both sides.
    bool quotationProperties() {
        bool quotation = false;
        int left = 0, right = 0;
        int depth = 0;
        while (!r.atEnd()) {
            const auto token = r.readNext();
            if (token == QXmlStreamReader::EndElement) {
                if (depth-- == 0) break;
                continue;
            }
            if (token != QXmlStreamReader::StartElement) continue;
            ++depth;
            const auto value = [&](const char* attribute) {
                return r.attributes().value(r.namespaceUri().toString(), QLatin1StringView(attribute)).toString();
            };
            if (r.name() == u"pStyle") quotation = quotation || value("val").contains(QStringLiteral("Quot"), Qt::CaseInsensitive);
            if (r.name() == u"ind" && depth == 1) {
                left = std::max(value("left").toInt(), value("start").toInt());
                right = std::max(value("right").toInt(), value("end").toInt());
            }
        }
        return quotation || (left > 0 && right > 0);
    }

    // The current element is a w:p; reads it to its end tag. Block quotations come out as
    // Markdown-style "> " lines, so manuscripts read the same from .docx as from .md.
    QString paragraph() {
        QString out;
        bool quotation = false;
        int depth = 0;
        while (!r.atEnd()) {
            const auto token = r.readNext();
            if (token == QXmlStreamReader::EndElement) {
                if (depth-- == 0) break;
                continue;
            }
            if (token != QXmlStreamReader::StartElement) continue;
            if (!isWordNamespace(r.namespaceUri())) {
                // mc:Fallback repeats the mc:Choice content (text boxes) for old readers.
                if (r.name() == u"Fallback") r.skipCurrentElement();
                else ++depth;
                continue;
            }
            const QStringView name = r.name();
            if (name == u"t") {
                out += r.readElementText();
            } else if (name == u"tab") {
                out += u'\t';
                r.skipCurrentElement();
            } else if (name == u"br" || name == u"cr") {
                out += u'\n';
                r.skipCurrentElement();
            } else if (name == u"noBreakHyphen") {
                out += u'-';
                r.skipCurrentElement();
            } else if (name == u"footnoteReference" || name == u"endnoteReference") {
                if (m_notes) {
                    const QString id =
                        r.attributes().value(r.namespaceUri().toString(), QLatin1StringView("id")).toString();
                    const auto& texts = name == u"endnoteReference" ? m_notes->endnotes : m_notes->footnotes;
                    out += m_notes->registry.add(texts.value(id));
                }
                r.skipCurrentElement();
            } else if (name == u"p") { // a paragraph inside a text box
                const QString inner = paragraph();
                if (!inner.trimmed().isEmpty()) out += u'\n' + inner;
            } else if (name == u"tbl") {
                out += u'\n' + table();
            } else if (name == u"pPr" && depth == 0) {
                quotation = quotationProperties();
            } else if (name == u"pPr" || name == u"rPr" || name == u"del" || name == u"moveFrom" ||
                       name == u"delText" || name == u"instrText" || name == u"delInstrText" ||
                       name == u"sym" || name == u"fldData" || name == u"softHyphen" || name == u"rt") {
                r.skipCurrentElement(); // formatting, deleted text, field codes, ruby guides: not the words
            } else {
                ++depth; // runs, hyperlinks, insertions, fields, content controls, drawings
            }
        }
        if (quotation && !out.trimmed().isEmpty()) {
            QStringList lines = out.split(u'\n');
            for (QString& line : lines) line.prepend(QStringLiteral("> "));
            out = lines.join(u'\n');
        }
        return out;
    }

    // The current element is a w:tbl.
    QString table() {
        std::vector<QStringList> rows;
        int depth = 0;
        while (!r.atEnd()) {
            const auto token = r.readNext();
            if (token == QXmlStreamReader::EndElement) {
                if (depth-- == 0) break;
                continue;
            }
            if (token != QXmlStreamReader::StartElement) continue;
            if (is(u"tr")) {
                rows.emplace_back();
                ++depth;
            } else if (is(u"tc") && !rows.empty()) {
                QString cell = blocks().join(u' ');
                cell.replace(u'\n', u' ').replace(u'\t', u' ');
                rows.back().append(cell);
            } else if (is(u"tblPr") || is(u"tblGrid") || is(u"trPr") || is(u"tblPrEx")) {
                r.skipCurrentElement();
            } else {
                ++depth; // content controls wrapping rows or cells
            }
        }
        QStringList lines;
        for (const QStringList& cells : rows) lines.append(cells.join(u'\t'));
        return lines.join(u'\n');
    }

    QXmlStreamReader& r;
    WordNotes* m_notes;
};

Error xmlError(const QString& fileName, const QString& part, const QXmlStreamReader& r) {
    return makeError(QStringLiteral("%1: malformed XML in %2 (line %3, column %4: %5)")
                         .arg(fileName, part)
                         .arg(r.lineNumber())
                         .arg(r.columnNumber())
                         .arg(r.errorString()));
}

// Reads word/footnotes.xml or word/endnotes.xml into id -> text. A missing part is no notes.
Result<QHash<QString, QString>> readNotes(const ZipPackage& zip, const QString& part, QStringView element,
                                          const QString& fileName) {
    QHash<QString, QString> notes;
    if (!zip.contains(part)) return notes;
    const auto bytes = zip.read(part);
    if (!bytes) return bytes.error();
    QXmlStreamReader r(bytes.value());
    WordWalker walker(r, nullptr);
    if (r.readNextStartElement()) {
        while (r.readNextStartElement()) {
            if (!walker.is(element)) {
                r.skipCurrentElement();
                continue;
            }
            const QString ns = r.namespaceUri().toString();
            const QString type = r.attributes().value(ns, QLatin1StringView("type")).toString();
            const QString id = r.attributes().value(ns, QLatin1StringView("id")).toString();
            const QString text = walker.blocks().join(QStringLiteral("\n\n")).trimmed();
            // Separator "notes" are the rule lines Word draws above the notes area.
            if (type.isEmpty() || type == u"normal") notes.insert(id, text);
        }
    }
    if (r.hasError()) return xmlError(fileName, part, r);
    return notes;
}

} // namespace

Result<ExtractedText> DocxReader::read(const QByteArray& bytes, const QString& fileName) {
    auto zip = ZipPackage::open(bytes, fileName);
    if (!zip) return zip.error();
    if (!zip->contains(kDocumentPart))
        return makeError(QStringLiteral("%1: not a Word document (%2 is missing)").arg(fileName, kDocumentPart));

    WordNotes notes;
    auto footnotes = readNotes(*zip, QStringLiteral("word/footnotes.xml"), u"footnote", fileName);
    if (!footnotes) return footnotes.error();
    notes.footnotes = std::move(footnotes.value());
    auto endnotes = readNotes(*zip, QStringLiteral("word/endnotes.xml"), u"endnote", fileName);
    if (!endnotes) return endnotes.error();
    notes.endnotes = std::move(endnotes.value());

    const auto document = zip->read(kDocumentPart);
    if (!document) return document.error();
    QXmlStreamReader r(document.value());
    WordWalker walker(r, &notes);
    QStringList blocks;
    bool sawBody = false;
    if (r.readNextStartElement() && walker.is(u"document")) {
        while (r.readNextStartElement()) {
            if (walker.is(u"body")) {
                sawBody = true;
                blocks += walker.blocks();
            } else {
                r.skipCurrentElement();
            }
        }
    }
    if (r.hasError()) return xmlError(fileName, kDocumentPart, r);
    if (!sawBody)
        return makeError(QStringLiteral("%1: not a Word document (%2 has no w:body)").arg(fileName, kDocumentPart));

    ExtractedText out;
    out.body = blocks.join(QStringLiteral("\n\n"));
    out.notes = notes.registry.notes();
    return out;
}

} // namespace warrant
