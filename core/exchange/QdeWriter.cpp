#include "exchange/QdeWriter.h"

#include <QHash>
#include <QRegularExpression>
#include <QXmlStreamWriter>

namespace warrant {

namespace {

using Xml = QXmlStreamWriter;

void attribute(Xml& xml, const QString& name, const QString& value) {
    if (!value.isEmpty()) xml.writeAttribute(name, QdeWriter::xmlSafe(value));
}

void dateAttribute(Xml& xml, const QString& name, const QDateTime& when) {
    if (when.isValid()) xml.writeAttribute(name, when.toUTC().toString(Qt::ISODate));
}

void textElement(Xml& xml, const QString& name, const QString& text) {
    if (!text.isEmpty()) xml.writeTextElement(name, QdeWriter::xmlSafe(text));
}

void refs(Xml& xml, const QString& element, const std::vector<QString>& guids) {
    for (const QString& guid : guids) {
        xml.writeEmptyElement(element);
        xml.writeAttribute(QStringLiteral("targetGUID"), guid);
    }
}

bool isColour(const QString& colour) {
    static const QRegularExpression rgb(QStringLiteral("^#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$"));
    return rgb.match(colour).hasMatch();
}

class DocumentWriter {
public:
    DocumentWriter(Xml& xml, const qda::Project& project) : m_xml(xml), m_project(project) {
        for (const qda::Variable& v : project.variables) m_variableTypes.insert(v.guid, v.type);
    }

    void write() {
        m_xml.writeStartElement(QStringLiteral("Project"));
        m_xml.writeAttribute(QStringLiteral("name"), QdeWriter::xmlSafe(m_project.name));
        attribute(m_xml, QStringLiteral("origin"), m_project.origin);
        attribute(m_xml, QStringLiteral("creatingUserGUID"), m_project.userGuid);
        dateAttribute(m_xml, QStringLiteral("creationDateTime"), m_project.created);
        dateAttribute(m_xml, QStringLiteral("modifiedDateTime"), m_project.modified);
        attribute(m_xml, QStringLiteral("basePath"), m_project.basePath);
        writeUsers();
        writeCodeBook();
        writeVariables();
        writeCases();
        writeSources();
        writeNotes();
        writeSets();
        textElement(m_xml, QStringLiteral("Description"), m_project.description);
        m_xml.writeEndElement();
    }

private:
    void writeUsers() {
        if (m_project.users.empty()) return;
        m_xml.writeStartElement(QStringLiteral("Users"));
        for (const qda::User& u : m_project.users) {
            m_xml.writeEmptyElement(QStringLiteral("User"));
            m_xml.writeAttribute(QStringLiteral("guid"), u.guid);
            attribute(m_xml, QStringLiteral("name"), u.name);
            attribute(m_xml, QStringLiteral("id"), u.id);
        }
        m_xml.writeEndElement();
    }

    void writeCodeBook() {
        if (m_project.codes.empty()) return;
        m_xml.writeStartElement(QStringLiteral("CodeBook"));
        m_xml.writeStartElement(QStringLiteral("Codes"));
        QdeWriter::writeCodes(m_xml, m_project.codes, true);
        m_xml.writeEndElement();
        m_xml.writeEndElement();
    }

    void writeVariables() {
        if (m_project.variables.empty()) return;
        m_xml.writeStartElement(QStringLiteral("Variables"));
        for (const qda::Variable& v : m_project.variables) {
            m_xml.writeStartElement(QStringLiteral("Variable"));
            m_xml.writeAttribute(QStringLiteral("guid"), v.guid);
            m_xml.writeAttribute(QStringLiteral("name"), QdeWriter::xmlSafe(v.name));
            m_xml.writeAttribute(QStringLiteral("typeOfVariable"), v.type.isEmpty() ? QStringLiteral("Text") : v.type);
            textElement(m_xml, QStringLiteral("Description"), v.description);
            m_xml.writeEndElement();
        }
        m_xml.writeEndElement();
    }

    void writeValues(const std::vector<qda::VariableValue>& values) {
        for (const qda::VariableValue& value : values) {
            m_xml.writeStartElement(QStringLiteral("VariableValue"));
            m_xml.writeEmptyElement(QStringLiteral("VariableRef"));
            m_xml.writeAttribute(QStringLiteral("targetGUID"), value.variableGuid);
            const QString type = m_variableTypes.value(value.variableGuid, QStringLiteral("Text"));
            m_xml.writeTextElement(type + QStringLiteral("Value"),
                                   type == u"Boolean" ? value.value.toLower() : QdeWriter::xmlSafe(value.value));
            m_xml.writeEndElement();
        }
    }

    void writeCases() {
        if (m_project.cases.empty()) return;
        m_xml.writeStartElement(QStringLiteral("Cases"));
        for (const qda::Case& c : m_project.cases) {
            m_xml.writeStartElement(QStringLiteral("Case"));
            m_xml.writeAttribute(QStringLiteral("guid"), c.guid);
            attribute(m_xml, QStringLiteral("name"), c.name);
            textElement(m_xml, QStringLiteral("Description"), c.description);
            writeValues(c.values);
            refs(m_xml, QStringLiteral("SourceRef"), c.sourceGuids);
            m_xml.writeEndElement();
        }
        m_xml.writeEndElement();
    }

    void writeCodings(const std::vector<qda::Coding>& codings) {
        for (const qda::Coding& coding : codings) {
            m_xml.writeStartElement(QStringLiteral("Coding"));
            m_xml.writeAttribute(QStringLiteral("guid"), coding.guid);
            attribute(m_xml, QStringLiteral("creatingUser"), coding.userGuid);
            dateAttribute(m_xml, QStringLiteral("creationDateTime"), coding.created);
            m_xml.writeEmptyElement(QStringLiteral("CodeRef"));
            m_xml.writeAttribute(QStringLiteral("targetGUID"), coding.codeGuid);
            m_xml.writeEndElement();
        }
    }

    void writeSelection(const qda::TextSelection& s) {
        m_xml.writeStartElement(QStringLiteral("PlainTextSelection"));
        m_xml.writeAttribute(QStringLiteral("guid"), s.guid);
        attribute(m_xml, QStringLiteral("name"), s.name);
        m_xml.writeAttribute(QStringLiteral("startPosition"), QString::number(s.start));
        m_xml.writeAttribute(QStringLiteral("endPosition"), QString::number(s.end));
        attribute(m_xml, QStringLiteral("creatingUser"), s.userGuid);
        dateAttribute(m_xml, QStringLiteral("creationDateTime"), s.created);
        textElement(m_xml, QStringLiteral("Description"), s.description);
        writeCodings(s.codings);
        refs(m_xml, QStringLiteral("NoteRef"), s.noteGuids);
        m_xml.writeEndElement();
    }

    void writeTextSource(const qda::Source& s) {
        m_xml.writeStartElement(QStringLiteral("TextSource"));
        m_xml.writeAttribute(QStringLiteral("guid"), s.guid);
        attribute(m_xml, QStringLiteral("name"), s.name);
        attribute(m_xml, QStringLiteral("plainTextPath"), s.path);
        attribute(m_xml, QStringLiteral("creatingUser"), s.userGuid);
        dateAttribute(m_xml, QStringLiteral("creationDateTime"), s.created);
        textElement(m_xml, QStringLiteral("Description"), s.description);
        if (s.hasInlineText) m_xml.writeTextElement(QStringLiteral("PlainTextContent"), QdeWriter::xmlSafe(s.plainTextContent));
        for (const qda::TextSelection& selection : s.selections) writeSelection(selection);
        refs(m_xml, QStringLiteral("NoteRef"), s.noteGuids);
        writeValues(s.values);
        m_xml.writeEndElement();
    }

    // A source Warrant keeps by name only: its element with its path, no selections.
    void writeOtherSource(const qda::Source& s) {
        static const QHash<qda::SourceKind, QString> elements{{qda::SourceKind::Pdf, QStringLiteral("PDFSource")},
                                                             {qda::SourceKind::Picture, QStringLiteral("PictureSource")},
                                                             {qda::SourceKind::Audio, QStringLiteral("AudioSource")},
                                                             {qda::SourceKind::Video, QStringLiteral("VideoSource")}};
        m_xml.writeStartElement(elements.value(s.kind));
        m_xml.writeAttribute(QStringLiteral("guid"), s.guid);
        attribute(m_xml, QStringLiteral("name"), s.name);
        attribute(m_xml, QStringLiteral("path"), s.path);
        textElement(m_xml, QStringLiteral("Description"), s.description);
        refs(m_xml, QStringLiteral("NoteRef"), s.noteGuids);
        m_xml.writeEndElement();
    }

    void writeSources() {
        if (m_project.sources.empty()) return;
        m_xml.writeStartElement(QStringLiteral("Sources"));
        for (const qda::Source& s : m_project.sources) {
            if (s.kind == qda::SourceKind::Text) writeTextSource(s);
            else writeOtherSource(s);
        }
        m_xml.writeEndElement();
    }

    void writeNotes() {
        if (m_project.notes.empty()) return;
        m_xml.writeStartElement(QStringLiteral("Notes"));
        for (const qda::Note& n : m_project.notes) {
            m_xml.writeStartElement(QStringLiteral("Note"));
            m_xml.writeAttribute(QStringLiteral("guid"), n.guid);
            attribute(m_xml, QStringLiteral("name"), n.name);
            attribute(m_xml, QStringLiteral("creatingUser"), n.userGuid);
            dateAttribute(m_xml, QStringLiteral("creationDateTime"), n.created);
            dateAttribute(m_xml, QStringLiteral("modifiedDateTime"), n.modified);
            textElement(m_xml, QStringLiteral("Description"), n.description);
            m_xml.writeTextElement(QStringLiteral("PlainTextContent"), QdeWriter::xmlSafe(n.text));
            m_xml.writeEndElement();
        }
        m_xml.writeEndElement();
    }

    void writeSets() {
        if (m_project.sets.empty()) return;
        m_xml.writeStartElement(QStringLiteral("Sets"));
        for (const qda::Set& s : m_project.sets) {
            m_xml.writeStartElement(QStringLiteral("Set"));
            m_xml.writeAttribute(QStringLiteral("guid"), s.guid);
            m_xml.writeAttribute(QStringLiteral("name"), QdeWriter::xmlSafe(s.name));
            textElement(m_xml, QStringLiteral("Description"), s.description);
            refs(m_xml, QStringLiteral("MemberCode"), s.codeGuids);
            refs(m_xml, QStringLiteral("MemberSource"), s.sourceGuids);
            m_xml.writeEndElement();
        }
        m_xml.writeEndElement();
    }

    Xml& m_xml;
    const qda::Project& m_project;
    QHash<QString, QString> m_variableTypes;
};

} // namespace

QString QdeWriter::xmlSafe(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
            continue;
        }
        if (c.isSurrogate() || c == QChar(0xFFFE) || c == QChar(0xFFFF)) continue;
        if (c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') continue;
        out += c;
    }
    return out;
}

void QdeWriter::writeCodes(QXmlStreamWriter& xml, const std::vector<qda::Code>& codes, bool withNoteRefs) {
    for (const qda::Code& code : codes) {
        xml.writeStartElement(QStringLiteral("Code"));
        xml.writeAttribute(QStringLiteral("guid"), code.guid);
        xml.writeAttribute(QStringLiteral("name"), xmlSafe(code.name));
        xml.writeAttribute(QStringLiteral("isCodable"), code.isCodable ? QStringLiteral("true") : QStringLiteral("false"));
        if (isColour(code.colour)) xml.writeAttribute(QStringLiteral("color"), code.colour);
        textElement(xml, QStringLiteral("Description"), code.description);
        if (withNoteRefs) refs(xml, QStringLiteral("NoteRef"), code.noteGuids);
        writeCodes(xml, code.children, withNoteRefs);
        xml.writeEndElement();
    }
}

QByteArray QdeWriter::write(const qda::Project& project) {
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(QStringLiteral("urn:QDA-XML:project:1.0"));
    DocumentWriter(xml, project).write();
    xml.writeEndDocument();
    return bytes;
}

} // namespace warrant
