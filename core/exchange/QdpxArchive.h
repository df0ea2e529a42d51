#pragma once

#include "Result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace warrant {

// Read access to a REFI-QDA project archive (.qdpx: a zip holding project.qde and its sources), or
// to a bare project.qde given instead. The archive is checked as a whole when it is opened, before
// any entry is read: names that could escape a folder (zip-slip), too many entries and zip bombs
// are refused with one line naming the file and the problem. Reading then enforces the sizes again,
// since a header may lie. Nothing is ever written to disk.
class QdpxArchive {
public:
    struct Limits {
        qint64 maxEntries = 100'000;
        qint64 maxEntrySize = 512LL * 1024 * 1024;   // uncompressed, per entry
        qint64 maxTotalSize = 4LL * 1024 * 1024 * 1024; // uncompressed, all entries
        qint64 maxRatio = 200;                        // uncompressed : compressed …
        qint64 ratioAppliesAbove = 1024 * 1024;       // … for entries larger than this
    };

    static Result<QdpxArchive> open(const QString& path);
    // The same with other limits than the defaults (tests use small ones).
    static Result<QdpxArchive> open(const QString& path, const Limits& limits);

    // The project document: project.qde of the archive, or the whole file when it is a bare .qde.
    Result<QByteArray> projectXml() const;
    // A source file named as the project writes it: "internal://NAME" (the sources folder),
    // "relative:///NAME" (against `basePath`, which inside an archive is the sources folder), or a
    // bare NAME (sources folder, then the archive's root). The folder's name is matched in any case.
    // "absolute://…" lies outside the archive and is refused.
    Result<QByteArray> readSource(const QString& pathAsWritten, const QString& basePath) const;
    // Entry names as stored, in archive order; empty for a bare .qde.
    QStringList entries() const;
    bool isBareProject() const { return !m_isZip; }

private:
    struct Entry {
        QString name;
        quint64 size = 0;           // uncompressed, as the central directory says
        quint64 compressedSize = 0;
        quint64 directoryOffset = 0; // where minizip finds the entry again
        quint64 fileNumber = 0;
    };

    QdpxArchive(QString path, Limits limits);
    static Result<QdpxArchive> openBare(const QString& path, const Limits& limits);
    static Result<QdpxArchive> openZip(const QString& path, const Limits& limits);
    Status checkEntry(const Entry& entry, const QByteArray& rawName, quint64& total) const;
    Status findProjectEntry();
    Result<QByteArray> readEntry(const Entry& entry) const;
    const Entry* find(const QString& name, Qt::CaseSensitivity cs = Qt::CaseSensitive) const;
    const Entry* findSource(const QString& relative) const;
    Error refused(const QString& problem) const;

    QString m_path;
    QString m_fileName;
    Limits m_limits;
    bool m_isZip = false;
    QByteArray m_bareXml;
    std::vector<Entry> m_entries;
    QHash<QString, int> m_index;
    int m_project = -1;
};

} // namespace warrant
