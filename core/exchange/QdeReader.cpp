#include "exchange/QdeReader.h"

#include <algorithm>
#include <iterator>

namespace warrant {

namespace qdaxml {

namespace {
// Codes nest by recursion; a hostile file must not be able to exhaust the stack.
constexpr int kMaxCodeDepth = 256;

bool isHex(const QString& text) {
    return std::all_of(text.begin(), text.end(), [](QChar c) { return QStringLiteral("0123456789abcdefABCDEF").contains(c); });
}
} // namespace

Cursor::Cursor(const QByteArray& xml, QString fileName)
    : m_xml(xml), m_fileName(std::move(fileName)), m_empty(xml.trimmed().isEmpty()) {}

bool Cursor::enterRoot(const QString& rootName, const QString& namespacePrefix, const QString& kind) {
    if (m_empty) {
        fail(QStringLiteral("the file is empty, not a REFI-QDA %1").arg(kind));
        return false;
    }
    while (!m_xml.atEnd() && !m_xml.isStartElement()) {
        // The DTD is refused before it is used: no external entity is fetched and no entity expanded.
        if (m_xml.readNext() == QXmlStreamReader::DTD)
            fail(QStringLiteral("XML document type declarations are not allowed (external entities)"));
    }
    if (m_xml.hasError()) return false;
    if (!m_xml.isStartElement()) {
        fail(QStringLiteral("no root element: not a REFI-QDA %1").arg(kind));
        return false;
    }
    if (m_xml.name() != rootName) {
        fail(QStringLiteral("not a REFI-QDA %1: the root element is <%2>, expected <%3>")
                 .arg(kind, m_xml.qualifiedName().toString(), rootName));
        return false;
    }
    m_namespace = m_xml.namespaceUri().toString();
    if (!m_namespace.isEmpty() && !m_namespace.startsWith(namespacePrefix, Qt::CaseInsensitive)) {
        fail(QStringLiteral("not a REFI-QDA %1: unexpected namespace '%2' (expected %3…)")
                 .arg(kind, m_namespace, namespacePrefix));
        return false;
    }
    return true;
}

bool Cursor::nextChild() { return !m_xml.hasError() && m_xml.readNextStartElement(); }

QString Cursor::name() const {
    const QStringView uri = m_xml.namespaceUri();
    if (!uri.isEmpty() && uri != m_namespace) return QString();
    return m_xml.name().toString();
}

QString Cursor::attribute(const QString& name) const { return m_xml.attributes().value(name).toString(); }

QString Cursor::text() { return m_xml.readElementText(QXmlStreamReader::SkipChildElements); }

int Cursor::skipCountingCodings() {
    int codings = 0;
    int depth = 1;
    while (depth > 0 && !m_xml.atEnd() && !m_xml.hasError()) {
        const auto token = m_xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            if (m_xml.name() == u"Coding") ++codings;
        } else if (token == QXmlStreamReader::EndElement) {
            --depth;
        }
    }
    return codings;
}

void Cursor::skipAndCount() {
    countSkipped(m_xml.qualifiedName().toString());
    m_xml.skipCurrentElement();
}

void Cursor::countSkipped(const QString& name, int n) {
    if (n <= 0) return;
    const auto found = std::find_if(m_skipped.begin(), m_skipped.end(), [&](const auto& entry) { return entry.first == name; });
    if (found == m_skipped.end())
        m_skipped.emplace_back(name, n);
    else
        found->second += n;
}

void Cursor::fail(const QString& problem) {
    if (!m_xml.hasError()) m_xml.raiseError(problem);
}

Status Cursor::finish() {
    while (!m_xml.atEnd() && !m_xml.hasError()) m_xml.readNext();
    if (!m_xml.hasError()) return {};
    return makeError(QStringLiteral("%1 line %2: %3").arg(m_fileName).arg(m_xml.lineNumber()).arg(m_xml.errorString()));
}

std::vector<qda::Code> Cursor::readCodes() {
    std::vector<qda::Code> codes;
    while (nextChild()) {
        if (name() == u"Code")
            codes.push_back(readCode(0));
        else
            skipAndCount();
    }
    return codes;
}

qda::Code Cursor::readCode(int depth) {
    qda::Code code;
    if (depth >= kMaxCodeDepth) {
        fail(QStringLiteral("codes are nested more than %1 levels deep").arg(kMaxCodeDepth));
        return code;
    }
    code.guid = attribute(QStringLiteral("guid"));
    code.name = attribute(QStringLiteral("name"));
    code.colour = colour(attribute(QStringLiteral("color")));
    const QString codable = attribute(QStringLiteral("isCodable")).trimmed();
    code.isCodable = !(codable == u"false" || codable == u"0");
    while (nextChild()) {
        const QString child = name();
        if (child == u"Description") {
            code.description = text();
        } else if (child == u"NoteRef") {
            code.noteGuids.push_back(attribute(QStringLiteral("targetGUID")));
            m_xml.skipCurrentElement();
        } else if (child == u"Code") {
            code.children.push_back(readCode(depth + 1));
        } else {
            skipAndCount();
        }
    }
    return code;
}

QDateTime Cursor::dateTime(const QString& text) {
    QDateTime value = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    // A time without a zone stays as written (local); one with a zone is brought to UTC.
    if (value.isValid() && value.timeSpec() != Qt::LocalTime) value = value.toUTC();
    return value;
}

QString Cursor::colour(const QString& text) {
    QString hex = text.trimmed();
    if (hex.startsWith(u'#')) hex.remove(0, 1);
    if (!isHex(hex)) return QString();
    if (hex.size() == 3) hex = QString(hex[0]) + hex[0] + hex[1] + hex[1] + hex[2] + hex[2];
    if (hex.size() != 6) return QString();
    return u'#' + hex.toLower();
}

} // namespace qdaxml

namespace {

const QStringList kOtherSelections = {QStringLiteral("PDFSelection"), QStringLiteral("PictureSelection"),
                                      QStringLiteral("AudioSelection"), QStringLiteral("VideoSelection")};
const QStringList kTypedValues = {QStringLiteral("TextValue"),    QStringLiteral("BooleanValue"),
                                  QStringLiteral("IntegerValue"), QStringLiteral("FloatValue"),
                                  QStringLiteral("DateValue"),    QStringLiteral("DateTimeValue")};

// Reads the children of <Project> into a qda::Project, one method per element type of the schema.
class ProjectParser {
public:
    explicit ProjectParser(qdaxml::Cursor& cursor) : m_in(cursor) {}

    qda::Project readProject();

private:
    QString attr(const char* name) const { return m_in.attribute(QString::fromLatin1(name)); }
    // Calls `read` for each child called `childName`; any other child is counted as skipped.
    template <typename Read>
    void forEachChild(const QString& childName, Read read);
    void skipLeaf() { m_in.skipCountingCodings(); }
    // Counts each child (Link, Graph, …) as skipped, for sections Warrant does not carry.
    void countChildren();

    void readProjectChild(const QString& child, qda::Project& project);
    std::vector<qda::Code> readCodeBook();
    qda::Variable readVariable();
    qda::Case readCase();
    qda::VariableValue readVariableValue();
    void readSource(const QString& kind, qda::Project& project);
    bool readSourceCommonChild(const QString& child, qda::Source& source);
    void readSourceBody(qda::Source& source);
    void readRepresentation(qda::Source& source);
    void readTranscript(qda::Source& source);
    void countOtherSelection(qda::Source& source);
    qda::TextSelection readSelection();
    qint64 position(const char* attribute, const QString& selectionGuid);
    qda::Coding readCoding();
    qda::Note readNote();
    qda::Set readSet();

    qdaxml::Cursor& m_in;
};

template <typename Read>
void ProjectParser::forEachChild(const QString& childName, Read read) {
    while (m_in.nextChild()) {
        if (m_in.name() == childName)
            read();
        else
            m_in.skipAndCount();
    }
}

void ProjectParser::countChildren() {
    while (m_in.nextChild()) m_in.skipAndCount();
}

qda::Project ProjectParser::readProject() {
    qda::Project project;
    project.name = attr("name");
    project.origin = attr("origin");
    project.basePath = attr("basePath");
    project.userGuid = attr("creatingUserGUID");
    project.created = qdaxml::Cursor::dateTime(attr("creationDateTime"));
    project.modified = qdaxml::Cursor::dateTime(attr("modifiedDateTime"));
    while (m_in.nextChild()) readProjectChild(m_in.name(), project);
    return project;
}

void ProjectParser::readProjectChild(const QString& child, qda::Project& project) {
    if (child == u"Users") {
        forEachChild(QStringLiteral("User"), [&] {
            project.users.push_back({attr("guid"), attr("name"), attr("id")});
            skipLeaf();
        });
    } else if (child == u"CodeBook") {
        project.codes = readCodeBook();
    } else if (child == u"Variables") {
        forEachChild(QStringLiteral("Variable"), [&] { project.variables.push_back(readVariable()); });
    } else if (child == u"Cases") {
        forEachChild(QStringLiteral("Case"), [&] { project.cases.push_back(readCase()); });
    } else if (child == u"Sources") {
        while (m_in.nextChild()) readSource(m_in.name(), project);
    } else if (child == u"Notes") {
        forEachChild(QStringLiteral("Note"), [&] { project.notes.push_back(readNote()); });
    } else if (child == u"Sets") {
        forEachChild(QStringLiteral("Set"), [&] { project.sets.push_back(readSet()); });
    } else if (child == u"Links" || child == u"Graphs") {
        countChildren();
    } else if (child == u"Description") {
        project.description = m_in.text();
    } else {
        m_in.skipAndCount();
    }
}

std::vector<qda::Code> ProjectParser::readCodeBook() {
    std::vector<qda::Code> codes;
    forEachChild(QStringLiteral("Codes"), [&] {
        auto more = m_in.readCodes();
        std::move(more.begin(), more.end(), std::back_inserter(codes));
    });
    return codes;
}

qda::Variable ProjectParser::readVariable() {
    qda::Variable variable{attr("guid"), attr("name"), attr("typeOfVariable"), QString()};
    forEachChild(QStringLiteral("Description"), [&] { variable.description = m_in.text(); });
    return variable;
}

qda::Case ProjectParser::readCase() {
    qda::Case result;
    result.guid = attr("guid");
    result.name = attr("name");
    while (m_in.nextChild()) {
        const QString child = m_in.name();
        if (child == u"Description") {
            result.description = m_in.text();
        } else if (child == u"VariableValue") {
            result.values.push_back(readVariableValue());
        } else if (child == u"SourceRef") {
            result.sourceGuids.push_back(attr("targetGUID"));
            skipLeaf();
        } else if (child == u"NoteRef") {
            result.noteGuids.push_back(attr("targetGUID"));
            skipLeaf();
        } else {
            m_in.skipAndCount(); // CodeRef, SelectionRef
        }
    }
    return result;
}

qda::VariableValue ProjectParser::readVariableValue() {
    qda::VariableValue value;
    while (m_in.nextChild()) {
        const QString child = m_in.name();
        if (child == u"VariableRef") {
            value.variableGuid = attr("targetGUID");
            skipLeaf();
        } else if (kTypedValues.contains(child)) {
            value.value = m_in.text();
        } else {
            m_in.skipAndCount();
        }
    }
    return value;
}

void ProjectParser::readSource(const QString& kind, qda::Project& project) {
    static const std::vector<std::pair<QString, qda::SourceKind>> kinds = {
        {QStringLiteral("TextSource"), qda::SourceKind::Text},
        {QStringLiteral("PDFSource"), qda::SourceKind::Pdf},
        {QStringLiteral("PictureSource"), qda::SourceKind::Picture},
        {QStringLiteral("AudioSource"), qda::SourceKind::Audio},
        {QStringLiteral("VideoSource"), qda::SourceKind::Video}};
    const auto found = std::find_if(kinds.begin(), kinds.end(), [&](const auto& k) { return k.first == kind; });
    if (found == kinds.end()) return m_in.skipAndCount();
    qda::Source source;
    source.kind = found->second;
    source.guid = attr("guid");
    source.name = attr("name");
    source.path = attr(source.kind == qda::SourceKind::Text ? "plainTextPath" : "path");
    source.userGuid = attr("creatingUser");
    source.created = qdaxml::Cursor::dateTime(attr("creationDateTime"));
    readSourceBody(source);
    project.sources.push_back(std::move(source));
}

bool ProjectParser::readSourceCommonChild(const QString& child, qda::Source& source) {
    if (child == u"Description") {
        source.description = m_in.text();
    } else if (child == u"NoteRef") {
        source.noteGuids.push_back(attr("targetGUID"));
        skipLeaf();
    } else if (child == u"VariableValue") {
        source.values.push_back(readVariableValue());
    } else {
        return false;
    }
    return true;
}

void ProjectParser::readSourceBody(qda::Source& source) {
    const bool text = source.kind == qda::SourceKind::Text;
    while (m_in.nextChild()) {
        const QString child = m_in.name();
        if (readSourceCommonChild(child, source)) continue;
        if (text && child == u"PlainTextContent") {
            source.plainTextContent = m_in.text();
            source.hasInlineText = true;
        } else if (text && child == u"PlainTextSelection") {
            source.selections.push_back(readSelection());
        } else if (source.kind == qda::SourceKind::Pdf && child == u"Representation") {
            readRepresentation(source);
        } else if (child == u"Transcript") {
            readTranscript(source);
        } else if (kOtherSelections.contains(child)) {
            countOtherSelection(source);
        } else {
            m_in.skipAndCount(); // source-level Coding, TextDescription, …
        }
    }
}

// A PDF's text representation is a TextSource inside the PDFSource; its selections are the PDF's
// text selections.
void ProjectParser::readRepresentation(qda::Source& source) {
    source.hasRepresentation = true;
    source.representationPath = attr("plainTextPath");
    while (m_in.nextChild()) {
        const QString child = m_in.name();
        if (child == u"PlainTextContent")
            source.representationContent = m_in.text();
        else if (child == u"PlainTextSelection")
            source.selections.push_back(readSelection());
        else
            m_in.skipAndCount();
    }
}

// A transcript's text is not carried; its selections count among the ones Warrant cannot place.
void ProjectParser::readTranscript(qda::Source& source) {
    m_in.countSkipped(QStringLiteral("Transcript"));
    while (m_in.nextChild()) {
        if (m_in.name() == u"TranscriptSelection")
            countOtherSelection(source);
        else
            skipLeaf();
    }
}

void ProjectParser::countOtherSelection(qda::Source& source) {
    ++source.otherSelections;
    source.otherCodings += m_in.skipCountingCodings();
}

qda::TextSelection ProjectParser::readSelection() {
    qda::TextSelection selection;
    selection.guid = attr("guid");
    selection.name = attr("name");
    selection.userGuid = attr("creatingUser");
    selection.created = qdaxml::Cursor::dateTime(attr("creationDateTime"));
    selection.start = position("startPosition", selection.guid);
    selection.end = position("endPosition", selection.guid);
    if (!m_in.failed() && selection.end < selection.start)
        m_in.fail(QStringLiteral("selection %1 ends (endPosition %2) before it starts (startPosition %3)")
                      .arg(selection.guid)
                      .arg(selection.end)
                      .arg(selection.start));
    while (m_in.nextChild()) {
        const QString child = m_in.name();
        if (child == u"Description") {
            selection.description = m_in.text();
        } else if (child == u"Coding") {
            selection.codings.push_back(readCoding());
        } else if (child == u"NoteRef") {
            selection.noteGuids.push_back(attr("targetGUID"));
            skipLeaf();
        } else {
            m_in.skipAndCount();
        }
    }
    return selection;
}

qint64 ProjectParser::position(const char* attribute, const QString& selectionGuid) {
    const QString written = attr(attribute);
    bool ok = false;
    const qint64 value = written.trimmed().toLongLong(&ok);
    if (!ok)
        m_in.fail(QStringLiteral("selection %1: %2 '%3' is not a whole number")
                      .arg(selectionGuid, QString::fromLatin1(attribute), written));
    else if (value < 0)
        m_in.fail(QStringLiteral("selection %1: %2 %3 is negative")
                      .arg(selectionGuid, QString::fromLatin1(attribute))
                      .arg(value));
    return ok ? value : 0;
}

qda::Coding ProjectParser::readCoding() {
    qda::Coding coding;
    coding.guid = attr("guid");
    coding.userGuid = attr("creatingUser");
    coding.created = qdaxml::Cursor::dateTime(attr("creationDateTime"));
    forEachChild(QStringLiteral("CodeRef"), [&] {
        coding.codeGuid = attr("targetGUID");
        skipLeaf();
    });
    return coding;
}

qda::Note ProjectParser::readNote() {
    qda::Note note;
    note.guid = attr("guid");
    note.name = attr("name");
    note.path = attr("plainTextPath");
    note.userGuid = attr("creatingUser");
    note.created = qdaxml::Cursor::dateTime(attr("creationDateTime"));
    note.modified = qdaxml::Cursor::dateTime(attr("modifiedDateTime"));
    while (m_in.nextChild()) {
        if (m_in.name() == u"PlainTextContent") note.text = m_in.text();
        else if (m_in.name() == u"Description") note.description = m_in.text();
        else m_in.skipAndCount();
    }
    return note;
}

qda::Set ProjectParser::readSet() {
    qda::Set set;
    set.guid = attr("guid");
    set.name = attr("name");
    // A .qde names members with targetGUID, a .qdc with guid; either is accepted.
    const auto member = [&] {
        const QString target = attr("targetGUID");
        return target.isEmpty() ? attr("guid") : target;
    };
    while (m_in.nextChild()) {
        const QString child = m_in.name();
        if (child == u"Description") {
            set.description = m_in.text();
        } else if (child == u"MemberCode") {
            set.codeGuids.push_back(member());
            skipLeaf();
        } else if (child == u"MemberSource") {
            set.sourceGuids.push_back(member());
            skipLeaf();
        } else {
            m_in.skipAndCount(); // MemberNote
        }
    }
    return set;
}

} // namespace

Result<qda::Project> QdeReader::read(const QByteArray& xml, const QString& fileName) {
    qdaxml::Cursor cursor(xml, fileName);
    qda::Project project;
    if (cursor.enterRoot(QStringLiteral("Project"), QStringLiteral("urn:QDA-XML:project:"), QStringLiteral("project")))
        project = ProjectParser(cursor).readProject();
    if (Status status = cursor.finish(); !status) return status.error();
    project.skipped = cursor.skipped();
    return project;
}

QString QdeReader::normalisedGuid(const QString& guid) {
    QString key = guid.trimmed();
    if (key.startsWith(u'{')) key.remove(0, 1);
    if (key.endsWith(u'}')) key.chop(1);
    return key.trimmed().toLower();
}

} // namespace warrant
