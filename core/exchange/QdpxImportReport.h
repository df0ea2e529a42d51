#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace warrant {

// What an exchange import brought in, what it could not carry and why. Nothing in the file is
// dropped without a line in `skipped`.
struct QdpxImportReport {
    QString file;
    QString origin;            // the exporting software, as the file names it
    QString convention;        // the offset convention the selections were read with
    QString conventionEvidence;
    int users = 0;
    int codes = 0;
    int variables = 0;
    int cases = 0;
    int textSources = 0;       // text sources imported (and PDFs with a text representation)
    int transcripts = 0;       // of which split into speaker turns
    int selections = 0;        // text selections placed
    int codings = 0;
    int memos = 0;
    int sets = 0;
    int externalSources = 0;   // pictures, audio, video and PDFs without text: listed only
    int externalSelections = 0;
    int externalCodings = 0;
    // Selections that cannot be placed and codings whose code is missing: they fail the import
    // unless bad items may be skipped, and are then listed here.
    QStringList problems;      // "selection {GUID} 'name' in 'Source': ends past the end of the text"
    QStringList skipped;       // what Warrant does not carry, and why
    QStringList notes;         // facts worth knowing that lose nothing ("renamed duplicate code …")

    QJsonObject toJson() const;
    QString toText() const;
};

} // namespace warrant
