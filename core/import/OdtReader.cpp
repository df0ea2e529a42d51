#include "import/OdtReader.h"

#include "import/NoteRegistry.h"
#include "import/ZipPackage.h"

#include <QXmlStreamReader>

namespace warrant {

namespace {

const QString kContentPart = QStringLiteral("content.xml");
constexpr QStringView kTextNs = u"urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr QStringView kTableNs = u"urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr QStringView kOfficeNs = u"urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr QStringView kSvgNs = u"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";

class OdfWalker {
public:
    OdfWalker(QXmlStreamReader& reader, NoteRegistry& notes) : r(reader), m_notes(notes) {}

    bool is(QStringView ns, QStringView name) const { return r.name() == name && r.namespaceUri() == ns; }

    // Block-level children of the current element, up to its end tag.
    QStringList blocks() {
        static const QStringList containers = {
            QStringLiteral("list"),          QStringLiteral("list-item"),       QStringLiteral("list-header"),
            QStringLiteral("section"),       QStringLiteral("index-body"),      QStringLiteral("index-title"),
            QStringLiteral("table-of-content"), QStringLiteral("alphabetical-index"),
            QStringLiteral("illustration-index"), QStringLiteral("table-index"), QStringLiteral("user-index"),
            QStringLiteral("bibliography")};
        QStringList out;
        while (r.readNextStartElement()) {
            if (is(kTextNs, u"p") || is(kTextNs, u"h")) {
                append(out, paragraph());
            } else if (is(kTableNs, u"table")) {
                append(out, table());
            } else if (is(kOfficeNs, u"text") || (r.namespaceUri() == kTextNs && containers.contains(r.name()))) {
                out += blocks();
            } else {
                r.skipCurrentElement(); // sequence declarations, tracked changes, forms, index templates
            }
        }
        return out;
    }

private:
    static void append(QStringList& out, const QString& block) {
        if (!block.trimmed().isEmpty()) out.append(block);
    }

    // The current element is a text:p or text:h.
    QString paragraph() {
        QString out;
        bool afterSpace = true; // XML white space at the start of a paragraph is dropped
        int depth = 0;
        while (!r.atEnd()) {
            const auto token = r.readNext();
            if (token == QXmlStreamReader::EndElement) {
                if (depth-- == 0) break;
                continue;
            }
            if (token == QXmlStreamReader::Characters) {
                // ODF: runs of XML white space collapse to one space; text:s carries real spaces.
                for (QChar c : r.text()) {
                    const bool space = c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
                    if (space && afterSpace) continue;
                    out += space ? QChar(u' ') : c;
                    afterSpace = space;
                }
                continue;
            }
            if (token != QXmlStreamReader::StartElement) continue;
            if (is(kTextNs, u"s")) {
                const int count = r.attributes().value(kTextNs.toString(), QLatin1StringView("c")).toInt();
                out += QString(std::max(count, 1), u' ');
                r.skipCurrentElement();
            } else if (is(kTextNs, u"tab")) {
                out += u'\t';
                r.skipCurrentElement();
            } else if (is(kTextNs, u"line-break")) {
                out += u'\n';
                r.skipCurrentElement();
            } else if (is(kTextNs, u"note")) {
                out += note();
            } else if (is(kTextNs, u"p") || is(kTextNs, u"h")) { // inside a text box
                const QString inner = paragraph();
                if (!inner.trimmed().isEmpty()) out += u'\n' + inner;
            } else if (is(kTableNs, u"table")) {
                out += u'\n' + table();
            } else if (is(kOfficeNs, u"annotation") || is(kOfficeNs, u"annotation-end") ||
                       is(kSvgNs, u"title") || is(kSvgNs, u"desc") || is(kTextNs, u"soft-page-break") ||
                       is(kTextNs, u"change") || is(kTextNs, u"change-start") || is(kTextNs, u"change-end") ||
                       is(kTextNs, u"ruby-text")) {
                r.skipCurrentElement();
            } else {
                ++depth; // spans, links, fields, frames, text boxes
            }
            if (!out.isEmpty()) afterSpace = out.back() == u' ';
        }
        return out;
    }

    // The current element is a text:note: its citation is replaced by our own "[n]" marker.
    QString note() {
        QString body;
        while (r.readNextStartElement()) {
            if (is(kTextNs, u"note-body")) body = blocks().join(QStringLiteral("\n\n"));
            else r.skipCurrentElement();
        }
        return m_notes.add(body);
    }

    // The current element is a table:table.
    QString table() {
        QStringList rows;
        int depth = 0;
        while (!r.atEnd()) {
            const auto token = r.readNext();
            if (token == QXmlStreamReader::EndElement) {
                if (depth-- == 0) break;
                continue;
            }
            if (token != QXmlStreamReader::StartElement) continue;
            if (is(kTableNs, u"table-row")) {
                QStringList cells;
                while (r.readNextStartElement()) {
                    if (is(kTableNs, u"table-cell")) {
                        QString cell = blocks().join(u' ');
                        cell.replace(u'\n', u' ').replace(u'\t', u' ');
                        cells.append(cell);
                    } else {
                        r.skipCurrentElement(); // covered (merged) cells
                    }
                }
                rows.append(cells.join(u'\t'));
            } else if (is(kTableNs, u"table-header-rows") || is(kTableNs, u"table-rows") ||
                       is(kTableNs, u"table-row-group")) {
                ++depth;
            } else {
                r.skipCurrentElement(); // columns, titles
            }
        }
        return rows.join(u'\n');
    }

    QXmlStreamReader& r;
    NoteRegistry& m_notes;
};

} // namespace

Result<ExtractedText> OdtReader::read(const QByteArray& bytes, const QString& fileName) {
    auto zip = ZipPackage::open(bytes, fileName);
    if (!zip) return zip.error();
    if (zip->contains(QStringLiteral("mimetype"))) {
        const auto mimetype = zip->read(QStringLiteral("mimetype"));
        if (!mimetype) return mimetype.error();
        const QByteArray type = mimetype->trimmed();
        if (!type.startsWith("application/vnd.oasis.opendocument.text"))
            return makeError(QStringLiteral("%1: not an OpenDocument text (mimetype is %2)")
                                 .arg(fileName, QString::fromUtf8(type.left(80))));
    }
    if (!zip->contains(kContentPart))
        return makeError(QStringLiteral("%1: not an OpenDocument text (%2 is missing)").arg(fileName, kContentPart));
    const QString manifestPart = QStringLiteral("META-INF/manifest.xml");
    if (zip->contains(manifestPart)) {
        const auto manifest = zip->read(manifestPart);
        if (manifest && manifest->contains("encryption-data"))
            return makeError(QStringLiteral("%1: the document is password-protected; save it without a "
                                            "password and import it again")
                                 .arg(fileName));
    }

    const auto content = zip->read(kContentPart);
    if (!content) return content.error();
    QXmlStreamReader r(content.value());
    NoteRegistry notes;
    OdfWalker walker(r, notes);
    QStringList blocks;
    bool sawText = false;
    if (r.readNextStartElement() && walker.is(kOfficeNs, u"document-content")) {
        while (r.readNextStartElement()) {
            if (!walker.is(kOfficeNs, u"body")) {
                r.skipCurrentElement();
                continue;
            }
            while (r.readNextStartElement()) {
                if (walker.is(kOfficeNs, u"text")) {
                    sawText = true;
                    blocks += walker.blocks();
                } else {
                    r.skipCurrentElement();
                }
            }
        }
    }
    if (r.hasError())
        return makeError(QStringLiteral("%1: malformed XML in %2 (line %3, column %4: %5)")
                             .arg(fileName, kContentPart)
                             .arg(r.lineNumber())
                             .arg(r.columnNumber())
                             .arg(r.errorString()));
    if (!sawText)
        return makeError(QStringLiteral("%1: not an OpenDocument text (%2 has no office:text)")
                             .arg(fileName, kContentPart));
    ExtractedText out;
    out.body = blocks.join(QStringLiteral("\n\n"));
    out.notes = notes.notes();
    return out;
}

} // namespace warrant
