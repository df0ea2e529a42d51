#include "import/ZipPackage.h"

#include <QBuffer>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipfileinfo.h>

namespace warrant {

namespace {
constexpr qint64 kMaxPartSize = 256LL * 1024 * 1024;
}

ZipPackage::ZipPackage(QByteArray bytes, QString fileName, QStringList parts)
    : m_bytes(std::move(bytes)), m_fileName(std::move(fileName)), m_parts(std::move(parts)) {}

Result<ZipPackage> ZipPackage::open(const QByteArray& bytes, const QString& fileName) {
    QBuffer buffer;
    buffer.setData(bytes);
    QuaZip zip(&buffer);
    if (!zip.open(QuaZip::mdUnzip))
        return makeError(QStringLiteral("%1: not a readable zip archive (corrupt or truncated file; "
                                        "zip error %2)")
                             .arg(fileName)
                             .arg(zip.getZipError()));
    const QStringList parts = zip.getFileNameList();
    zip.close();
    return ZipPackage(bytes, fileName, parts);
}

Result<QByteArray> ZipPackage::read(const QString& part) const {
    const auto fail = [&](const QString& problem) {
        return makeError(QStringLiteral("%1: cannot read %2 (%3)").arg(m_fileName, part, problem));
    };
    if (!contains(part)) return fail(QStringLiteral("missing from the archive"));
    QBuffer buffer;
    buffer.setData(m_bytes);
    QuaZip zip(&buffer);
    if (!zip.open(QuaZip::mdUnzip)) return fail(QStringLiteral("archive cannot be opened"));
    if (!zip.setCurrentFile(part, QuaZip::csSensitive)) return fail(QStringLiteral("missing from the archive"));
    QuaZipFileInfo64 info;
    if (zip.getCurrentFileInfo(&info) && info.uncompressedSize > quint64(kMaxPartSize))
        return fail(QStringLiteral("larger than 256 MiB"));
    QuaZipFile file(&zip);
    if (!file.open(QIODevice::ReadOnly)) return fail(QStringLiteral("encrypted or damaged entry"));
    QByteArray data = file.read(kMaxPartSize + 1);
    const bool tooLarge = data.size() > kMaxPartSize;
    const bool readError = file.getZipError() != UNZ_OK;
    file.close(); // reports a CRC mismatch, if any
    if (tooLarge) return fail(QStringLiteral("larger than 256 MiB"));
    if (readError || file.getZipError() != UNZ_OK) return fail(QStringLiteral("damaged data in the archive"));
    return data;
}

} // namespace warrant
