#include "exchange/QdpxArchive.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringDecoder>
#include <QUrl>

#include <algorithm>
#include <cctype>
#include <quazip/quazip.h>
#include <quazip/unzip.h>

namespace warrant {

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr int kReadChunk = 64 * 1024;
constexpr uLong kEncryptedFlag = 0x1;
// The longest name a zip header can hold (a 16-bit length), plus room for a terminator.
constexpr uLong kNameBufferSize = 65536 + 1;

QString decodeEntryName(const QByteArray& raw) {
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString name = utf8.decode(raw);
    return utf8.hasError() ? QString::fromLatin1(raw) : name;
}

// Why an entry name is unsafe, or an empty string. Such names are how an archive tries to write
// outside the folder it is unpacked into (zip-slip); no REFI-QDA tool writes them.
QString unsafeNameProblem(const QByteArray& raw) {
    if (raw.isEmpty()) return QStringLiteral("has an empty name");
    if (raw.contains('\0')) return QStringLiteral("has a NUL character in its name");
    if (raw.contains('\\')) return QStringLiteral("has a backslash in its name");
    if (raw.startsWith('/')) return QStringLiteral("has an absolute path");
    if (raw.size() >= 2 && raw[1] == ':' && std::isalpha(static_cast<unsigned char>(raw[0])))
        return QStringLiteral("starts with a drive letter");
    for (const QByteArray& part : raw.split('/'))
        if (part == "..") return QStringLiteral("has a '..' path component");
    return QString();
}

QString printable(const QByteArray& raw) {
    QByteArray shown = raw;
    shown.replace('\0', "\\0");
    return decodeEntryName(shown);
}

QString mebibytes(qint64 bytes) { return QString::number(double(bytes) / double(kMiB), 'f', 1) + QStringLiteral(" MiB"); }

} // namespace

QdpxArchive::QdpxArchive(QString path, Limits limits)
    : m_path(std::move(path)), m_fileName(QFileInfo(m_path).fileName()), m_limits(limits) {}

Error QdpxArchive::refused(const QString& problem) const {
    return makeError(QStringLiteral("%1: refused: %2").arg(m_fileName, problem));
}

Result<QdpxArchive> QdpxArchive::open(const QString& path) { return open(path, Limits{}); }

Result<QdpxArchive> QdpxArchive::open(const QString& path, const Limits& limits) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("%1: cannot open (%2)").arg(path, file.errorString()));
    // Every zip starts with a "PK" record (a local header, or the end record of an empty archive);
    // anything else is taken to be a project document written without its archive.
    const bool zip = file.peek(2) == "PK";
    file.close();
    return zip ? openZip(path, limits) : openBare(path, limits);
}

Result<QdpxArchive> QdpxArchive::openBare(const QString& path, const Limits& limits) {
    QdpxArchive archive(path, limits);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("%1: cannot open (%2)").arg(path, file.errorString()));
    if (file.size() > limits.maxEntrySize)
        return archive.refused(QStringLiteral("the project document is larger than %1").arg(mebibytes(limits.maxEntrySize)));
    archive.m_bareXml = file.read(limits.maxEntrySize + 1);
    if (archive.m_bareXml.size() > limits.maxEntrySize)
        return archive.refused(QStringLiteral("the project document is larger than %1").arg(mebibytes(limits.maxEntrySize)));
    return archive;
}

Result<QdpxArchive> QdpxArchive::openZip(const QString& path, const Limits& limits) {
    QdpxArchive archive(path, limits);
    archive.m_isZip = true;
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdUnzip))
        return makeError(QStringLiteral("%1: not a readable zip archive (corrupt or truncated file; zip error %2)")
                             .arg(archive.m_fileName)
                             .arg(zip.getZipError()));
    unzFile handle = zip.getUnzFile();
    unz_global_info64 global{};
    if (unzGetGlobalInfo64(handle, &global) != UNZ_OK)
        return makeError(QStringLiteral("%1: damaged zip archive (unreadable directory)").arg(archive.m_fileName));
    const auto tooMany = [&] {
        return archive.refused(QStringLiteral("more than %1 entries in the archive").arg(limits.maxEntries));
    };
    if (global.number_entry > quint64(limits.maxEntries)) return tooMany();

    QByteArray nameBuffer(qsizetype(kNameBufferSize), '\0');
    quint64 total = 0;
    QSet<QString> seen;
    int status = global.number_entry == 0 ? UNZ_END_OF_LIST_OF_FILE : unzGoToFirstFile(handle);
    for (; status == UNZ_OK; status = unzGoToNextFile(handle)) {
        // The directory's own count may understate; the limit holds for what is actually listed.
        if (archive.m_entries.size() >= size_t(limits.maxEntries)) return tooMany();
        unz_file_info64 info{};
        if (unzGetCurrentFileInfo64(handle, &info, nameBuffer.data(), kNameBufferSize, nullptr, 0, nullptr, 0) != UNZ_OK)
            break;
        const QByteArray rawName = nameBuffer.left(qsizetype(std::min(info.size_filename, kNameBufferSize - 1)));
        unz64_file_pos position{};
        unzGetFilePos64(handle, &position);
        Entry entry{decodeEntryName(rawName), info.uncompressed_size, info.compressed_size,
                    position.pos_in_zip_directory, position.num_of_file};
        if (Status checked = archive.checkEntry(entry, rawName, total); !checked) return checked.error();
        if (seen.contains(entry.name))
            return archive.refused(QStringLiteral("entry '%1' appears twice in the archive").arg(entry.name));
        seen.insert(entry.name);
        archive.m_index.insert(entry.name, int(archive.m_entries.size()));
        archive.m_entries.push_back(std::move(entry));
    }
    if (status != UNZ_END_OF_LIST_OF_FILE)
        return makeError(QStringLiteral("%1: damaged zip archive (unreadable directory entry after '%2')")
                             .arg(archive.m_fileName,
                                  archive.m_entries.empty() ? QString() : archive.m_entries.back().name));
    if (Status found = archive.findProjectEntry(); !found) return found.error();
    return archive;
}

// The checks made from the directory, before anything is unpacked.
Status QdpxArchive::checkEntry(const Entry& entry, const QByteArray& rawName, quint64& total) const {
    if (const QString problem = unsafeNameProblem(rawName); !problem.isEmpty())
        return refused(QStringLiteral("entry '%1' %2 (unsafe name)").arg(printable(rawName), problem));
    if (entry.size > quint64(m_limits.maxEntrySize))
        return refused(QStringLiteral("entry '%1' would unpack to %2 (limit %3)")
                           .arg(entry.name, mebibytes(qint64(entry.size)), mebibytes(m_limits.maxEntrySize)));
    total += entry.size;
    if (total > quint64(m_limits.maxTotalSize))
        return refused(QStringLiteral("the archive would unpack to more than %1").arg(mebibytes(m_limits.maxTotalSize)));
    const bool large = entry.size > quint64(m_limits.ratioAppliesAbove);
    if (large && entry.size > quint64(m_limits.maxRatio) * std::max<quint64>(entry.compressedSize, 1))
        return refused(QStringLiteral("entry '%1' is compressed more than %2:1 (%3 from %4 bytes; a zip bomb?)")
                           .arg(entry.name)
                           .arg(m_limits.maxRatio)
                           .arg(mebibytes(qint64(entry.size)))
                           .arg(entry.compressedSize));
    return {};
}

Status QdpxArchive::findProjectEntry() {
    const Entry* project = find(QStringLiteral("project.qde"), Qt::CaseInsensitive);
    if (!project) {
        // Some tools name the document after the project; accept it when it is the only one.
        std::vector<const Entry*> documents;
        for (const Entry& entry : m_entries)
            if (!entry.name.contains(u'/') && entry.name.endsWith(QStringLiteral(".qde"), Qt::CaseInsensitive))
                documents.push_back(&entry);
        if (documents.size() == 1) project = documents.front();
    }
    if (!project)
        return makeError(QStringLiteral("%1: not a REFI-QDA project archive (no project.qde inside)").arg(m_fileName));
    m_project = int(project - m_entries.data());
    return {};
}

QStringList QdpxArchive::entries() const {
    QStringList names;
    for (const Entry& entry : m_entries) names << entry.name;
    return names;
}

Result<QByteArray> QdpxArchive::projectXml() const {
    if (!m_isZip) return m_bareXml;
    return readEntry(m_entries[size_t(m_project)]);
}

const QdpxArchive::Entry* QdpxArchive::find(const QString& name, Qt::CaseSensitivity cs) const {
    if (const auto it = m_index.constFind(name); it != m_index.constEnd()) return &m_entries[size_t(*it)];
    if (cs == Qt::CaseSensitive) return nullptr;
    for (const Entry& entry : m_entries)
        if (entry.name.compare(name, Qt::CaseInsensitive) == 0) return &entry;
    return nullptr;
}

// `relative` inside the sources folder (sources/, Sources/, any case), then at the archive's root;
// a name that differs only in case is the last resort.
const QdpxArchive::Entry* QdpxArchive::findSource(const QString& relative) const {
    for (const QString& folder : {QStringLiteral("sources/"), QStringLiteral("Sources/")})
        if (const Entry* entry = find(folder + relative)) return entry;
    for (const Entry& entry : m_entries)
        if (entry.name.startsWith(QStringLiteral("sources/"), Qt::CaseInsensitive) && entry.name.mid(8) == relative)
            return &entry;
    if (const Entry* entry = find(relative)) return entry;
    if (const Entry* entry = find(QStringLiteral("sources/") + relative, Qt::CaseInsensitive)) return entry;
    return find(relative, Qt::CaseInsensitive);
}

Result<QByteArray> QdpxArchive::readSource(const QString& pathAsWritten, const QString& basePath) const {
    const QString written = pathAsWritten.trimmed();
    const auto fail = [&](const QString& problem) {
        return makeError(QStringLiteral("%1: source file '%2' %3").arg(m_fileName, written, problem));
    };
    if (!m_isZip) return fail(QStringLiteral("cannot be read: a bare project document carries no source files"));
    const qsizetype schemeEnd = written.indexOf(QStringLiteral("://"));
    const QString scheme = schemeEnd < 0 ? QString() : written.left(schemeEnd).toLower();
    if (scheme == u"absolute" || scheme == u"file")
        return fail(QStringLiteral("lies outside the archive (an absolute path); only files inside the archive are read"));
    if (!scheme.isEmpty() && scheme != u"internal" && scheme != u"relative")
        return fail(QStringLiteral("has an unsupported scheme '%1://'").arg(scheme));
    QString relative = schemeEnd < 0 ? written : written.mid(schemeEnd + 3);
    relative.replace(u'\\', u'/');
    while (relative.startsWith(u'/')) relative.remove(0, 1);
    if (relative.isEmpty()) return fail(QStringLiteral("names no file"));
    if (relative.split(u'/').contains(QStringLiteral("..")))
        return fail(QStringLiteral("points outside the archive ('..' in the path)"));

    const Entry* entry = findSource(relative);
    if (!entry && relative.contains(u'%')) entry = findSource(QUrl::fromPercentEncoding(relative.toUtf8()));
    if (entry) return readEntry(*entry);
    if (scheme == u"relative")
        return fail(QStringLiteral("is not in the archive (looked for sources/%1; it may lie beside the original "
                                   "project, basePath '%2')")
                        .arg(relative, basePath));
    return fail(QStringLiteral("is not in the archive (looked for sources/%1)").arg(relative));
}

// Unpacks one entry, trusting no header: at most the size the directory declared (already within
// the limits) is read, and a shorter or corrupted entry is an error.
Result<QByteArray> QdpxArchive::readEntry(const Entry& entry) const {
    const auto fail = [&](const QString& problem) {
        return makeError(QStringLiteral("%1: cannot read %2 (%3)").arg(m_fileName, entry.name, problem));
    };
    QuaZip zip(m_path);
    if (!zip.open(QuaZip::mdUnzip)) return fail(QStringLiteral("the archive cannot be opened again"));
    unzFile handle = zip.getUnzFile();
    const unz64_file_pos position{entry.directoryOffset, entry.fileNumber};
    unz_file_info64 info{};
    if (unzGoToFilePos64(handle, &position) != UNZ_OK ||
        unzGetCurrentFileInfo64(handle, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK ||
        info.uncompressed_size != entry.size)
        return fail(QStringLiteral("the archive changed after it was opened"));
    if (info.flag & kEncryptedFlag) return fail(QStringLiteral("the entry is encrypted"));
    if (unzOpenCurrentFile(handle) != UNZ_OK) return fail(QStringLiteral("unsupported compression or damaged entry"));

    const qint64 declared = qint64(entry.size);
    QByteArray data;
    data.reserve(qsizetype(std::min<qint64>(declared, 16 * kMiB)));
    QByteArray chunk(kReadChunk, '\0');
    bool damaged = false;
    bool tooLarge = false;
    for (;;) {
        const int read = unzReadCurrentFile(handle, chunk.data(), unsigned(chunk.size()));
        if (read < 0) damaged = true;
        if (read <= 0) break;
        if (data.size() + read > declared) {
            tooLarge = true;
            break;
        }
        data.append(chunk.constData(), read);
    }
    const int closed = unzCloseCurrentFile(handle); // checks the CRC when everything was read
    if (tooLarge) return fail(QStringLiteral("it unpacks to more than the %1 bytes its header declares").arg(declared));
    if (damaged || closed == UNZ_CRCERROR || data.size() != declared)
        return fail(QStringLiteral("damaged data in the archive"));
    return data;
}

} // namespace warrant
