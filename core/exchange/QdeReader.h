#pragma once

#include "Result.h"
#include "exchange/QdaProject.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

#include <vector>

namespace warrant {

// Reads a REFI-QDA project document (project.qde, QDA-XML Project 1.0) into memory. The file is
// trusted for nothing: document type declarations are refused (external entities, entity bombs),
// malformed XML and impossible selections are errors naming the line, and elements Warrant does not
// carry are counted in `skipped` rather than failing the read.
class QdeReader {
public:
    static Result<qda::Project> read(const QByteArray& xml, const QString& fileName);
    // The form in which two GUIDs are compared: lower case, without braces or surrounding spaces.
    // Files keep GUIDs as written; references between them must be resolved through this.
    static QString normalisedGuid(const QString& guid);
};

namespace qdaxml {

// A QDA-XML document being read, shared by the project and codebook readers. It matches elements
// by local name in the root's namespace (or none), so files that omit the namespace read the same.
// Every problem is raised on the underlying reader, which then stops; `finish()` turns it into one
// Error "FILE line N: problem".
class Cursor {
public:
    Cursor(const QByteArray& xml, QString fileName);

    // Moves onto the root element. Refuses a DTD, a missing root, another root element than
    // `rootName`, and a namespace that does not start with `namespacePrefix` (an absent one is fine).
    bool enterRoot(const QString& rootName, const QString& namespacePrefix, const QString& kind);
    // Moves onto the next child element of the current element; false at the element's end or on error.
    bool nextChild();
    // The current element's local name, or an empty string for an element of a foreign namespace.
    QString name() const;
    QString attribute(const QString& name) const;
    // The current element's text; leaves the cursor on its end.
    QString text();
    // Skips the current element and everything inside it, counting the Coding elements met.
    int skipCountingCodings();
    // Skips the current element, counting it in `skipped()` under its name: read but not carried.
    void skipAndCount();
    // Counts `n` elements called `name` as read but not carried.
    void countSkipped(const QString& name, int n = 1);
    const std::vector<std::pair<QString, int>>& skipped() const { return m_skipped; }
    // Stops reading with `problem`, reported with the current line.
    void fail(const QString& problem);
    bool failed() const { return m_xml.hasError(); }
    // Reads to the end of the document; the first problem met, if any.
    Status finish();

    // The Code elements of a <Codes> element (the cursor is on it), nested as in the file.
    std::vector<qda::Code> readCodes();

    // ISO 8601 with or without fraction and zone; UTC when a zone is given, invalid when unreadable.
    static QDateTime dateTime(const QString& text);
    // "#rrggbb" in lower case from "#RRGGBB", "#RGB" or the same without "#"; empty otherwise.
    static QString colour(const QString& text);

private:
    qda::Code readCode(int depth);

    QXmlStreamReader m_xml;
    QString m_fileName;
    QString m_namespace;
    bool m_empty = false;
    std::vector<std::pair<QString, int>> m_skipped;
};

} // namespace qdaxml
} // namespace warrant
