#pragma once

#include "Result.h"
#include "import/ImportOptions.h"
#include "import/ImportedDocument.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace warrant {

// Reads one file into an ImportedDocument, choosing the reader by extension (case-insensitive):
// .txt .md (TextDecoder + TurnDetector), .docx (DocxReader), .odt (OdtReader), .vtt .srt
// (SubtitleReader). Title = the file's complete base name; participant code via ParticipantResolver.
// Every failure is an Error whose message starts with the file name.
class FileImporter {
public:
    static QStringList supportedExtensions(); // without dots: "txt", "md", ...
    static bool isSupported(const QString& path);

    static Result<ImportedDocument> importFile(const QString& path, const ImportOptions& options = {});
    // Same, for bytes already in memory; `fileName` supplies the extension, title and messages.
    static Result<ImportedDocument> importBytes(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options = {});

    // Lowercase hex SHA-256, for recording which version of a file was imported.
    static QString sha256Hex(const QByteArray& bytes);
};

} // namespace warrant
