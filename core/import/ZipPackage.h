#pragma once

#include "Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace warrant {

// Read-only access to the parts of a zip-based document (.docx, .odt), held in memory. Every
// failure becomes an Error naming the file and the part.
class ZipPackage {
public:
    // Refuses bytes that are not a readable zip archive.
    static Result<ZipPackage> open(const QByteArray& bytes, const QString& fileName);

    bool contains(const QString& part) const { return m_parts.contains(part); }
    // The uncompressed content of `part`. Parts above 256 MiB are refused (zip bombs).
    Result<QByteArray> read(const QString& part) const;

private:
    ZipPackage(QByteArray bytes, QString fileName, QStringList parts);

    QByteArray m_bytes;
    QString m_fileName;
    QStringList m_parts;
};

} // namespace warrant
