#pragma once

#include "exchange/QdaProject.h"

#include <QByteArray>

class QXmlStreamWriter;

namespace warrant {

// Writes a REFI-QDA project document (project.qde) that validates against Project-mrt2019.xsd:
// elements in the schema's order, empty containers left out (the schema wants at least one child),
// colours and typed values only where they fit their types, and only characters XML 1.0 allows.
class QdeWriter {
public:
    static QByteArray write(const qda::Project& project);
    // The Code elements of a codebook, nested; NoteRefs only where the document allows them.
    static void writeCodes(QXmlStreamWriter& xml, const std::vector<qda::Code>& codes, bool withNoteRefs);
    // Text without the characters XML 1.0 cannot carry (control characters other than tab and line breaks).
    static QString xmlSafe(const QString& text);
};

} // namespace warrant
