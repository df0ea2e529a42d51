#pragma once

#include <QDateTime>
#include <QString>

#include <vector>

// A REFI-QDA project (QDA-XML "Project Exchange" 1.0) held in memory, between its XML and a
// Warrant project. It keeps what Warrant can carry and counts what it cannot, so every element of
// the file is either imported or reported. GUIDs are kept as written (case and braces included).
namespace warrant::qda {

struct User {
    QString guid;
    QString name;
    QString id; // the optional short id some tools write
};

struct Code {
    QString guid;
    QString name;
    QString colour;      // "#rrggbb" or empty
    QString description;
    bool isCodable = true;
    std::vector<QString> noteGuids; // NoteRef targets: memos on this code
    std::vector<Code> children;
};

struct Variable {
    QString guid;
    QString name;
    QString type;        // as in the schema: Text, Boolean, Integer, Float, Date, DateTime
    QString description;
};

struct VariableValue {
    QString variableGuid;
    QString value;       // whichever typed value element the file used, as text
};

struct Case {
    QString guid;
    QString name;
    QString description;
    std::vector<VariableValue> values;
    std::vector<QString> sourceGuids; // SourceRef targets: sources that belong to this case
    std::vector<QString> noteGuids;
};

struct Coding {
    QString guid;
    QString codeGuid;    // CodeRef targetGUID
    QString userGuid;    // creatingUser
    QDateTime created;   // invalid when the file has none
};

// A PlainTextSelection: offsets exactly as written in the file; which unit they count (code points,
// UTF-16 units, with or without BOM and CR) is decided when the source's text is known.
struct TextSelection {
    QString guid;
    QString name;        // many tools write the selected text (often shortened) here
    QString description;
    qint64 start = 0;    // startPosition
    qint64 end = 0;      // endPosition
    QString userGuid;
    QDateTime created;
    std::vector<Coding> codings;
    std::vector<QString> noteGuids;
};

enum class SourceKind { Text, Pdf, Picture, Audio, Video };

struct Source {
    QString guid;
    QString name;
    QString description;
    SourceKind kind = SourceKind::Text;
    QString path;                   // plainTextPath of a TextSource, path of the others; as written
    QString plainTextContent;       // inline text, when the file carries it
    bool hasInlineText = false;     // PlainTextContent present (it may be empty)
    // A PDF source's text representation (TextSource inside <Representation>), when present.
    QString representationPath;
    QString representationContent;
    bool hasRepresentation = false;
    std::vector<TextSelection> selections; // of the text, or of the PDF's representation
    // Selections Warrant cannot place as text (PDF areas, picture regions, audio/video spans,
    // transcript selections) and the codings on them: counted for the report.
    int otherSelections = 0;
    int otherCodings = 0;
    std::vector<VariableValue> values;
    std::vector<QString> noteGuids;
    QString userGuid;
    QDateTime created;
};

struct Note {
    QString guid;
    QString name;
    QString text;                   // PlainTextContent (or the text of its plainTextPath, once read)
    QString path;                   // plainTextPath when the note's text lives in a file
    QString description;            // for a memo on a case: noteAboutCase(case name)
    QString userGuid;
    QDateTime created;
    QDateTime modified;
};

// A case cannot refer to a note in Project-mrt2019.xsd, so a memo on a case names its case in the
// note's description, in words another tool shows as they are.
inline QString noteAboutCase(const QString& caseName) { return QStringLiteral("Memo on case: ") + caseName; }
inline QString caseOfNote(const QString& description) {
    const QString prefix = noteAboutCase(QString());
    return description.startsWith(prefix) ? description.mid(prefix.size()).trimmed() : QString();
}

struct Set {
    QString guid;
    QString name;
    QString description;
    std::vector<QString> codeGuids;   // MemberCode
    std::vector<QString> sourceGuids; // MemberSource
};

// REFI-QDA has no kind of text source for a manuscript under audit; Warrant writes its manuscripts
// as the members of one set another tool shows by this name and reads them back as manuscripts.
inline QString manuscriptSetName() { return QStringLiteral("Manuscripts"); }
inline QString manuscriptSetDescription() { return QStringLiteral("The texts Warrant audits against the interviews."); }
inline bool isManuscriptSet(const Set& set) {
    return set.name == manuscriptSetName() && set.description == manuscriptSetDescription() && set.codeGuids.empty();
}

struct Project {
    QString name;
    QString origin;                 // exporting software, e.g. "NVivo 12.6" or "MAXQDA 24"
    QString basePath;
    QString description;
    QString userGuid;
    QDateTime created;
    QDateTime modified;
    std::vector<User> users;
    std::vector<Code> codes;        // top level; children nested
    std::vector<Variable> variables;
    std::vector<Case> cases;
    std::vector<Source> sources;
    std::vector<Note> notes;        // <Notes>: referenced by NoteRef elsewhere, or project memos
    std::vector<Set> sets;
    // Elements read but not carried (Links, Graphs, …): name → count, for the report.
    std::vector<std::pair<QString, int>> skipped;
};

} // namespace warrant::qda
