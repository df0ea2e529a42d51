#include "exchange/QdpxExporter.h"

#include "exchange/QdeWriter.h"
#include "exchange/QdpxModelBuilder.h"

#include <QBuffer>
#include <QFileInfo>
#include <QSaveFile>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

namespace warrant {

namespace {

int countCodes(const std::vector<qda::Code>& codes) {
    int n = 0;
    for (const qda::Code& c : codes) n += 1 + countCodes(c.children);
    return n;
}

QdpxExportSummary summarise(const qda::Project& model) {
    QdpxExportSummary s;
    s.codes = countCodes(model.codes);
    s.cases = int(model.cases.size());
    s.notes = int(model.notes.size());
    for (const qda::Source& source : model.sources) {
        ++s.sources;
        s.selections += int(source.selections.size());
        for (const qda::TextSelection& sel : source.selections) s.codings += int(sel.codings.size());
    }
    return s;
}

Status addEntry(QuaZip& zip, const QString& name, const QByteArray& bytes) {
    QuaZipFile entry(&zip);
    // A fixed time: the same project gives the same archive bytes.
    QuaZipNewInfo info(name);
    info.dateTime = QDateTime(QDate(2019, 3, 18), QTime(0, 0));
    if (!entry.open(QIODevice::WriteOnly, info) || entry.write(bytes) != bytes.size())
        return makeError(QStringLiteral("cannot write %1 into the archive (zip error %2)").arg(name).arg(entry.getZipError()));
    entry.close();
    if (entry.getZipError() != ZIP_OK) return makeError(QStringLiteral("cannot write %1 into the archive").arg(name));
    return {};
}

} // namespace

QString QdpxExportSummary::toText(const QString& path) const {
    return QStringLiteral("Exported %1: %2 sources, %3 codes, %4 coded selections with %5 codings, %6 cases, %7 notes")
        .arg(path).arg(sources).arg(codes).arg(selections).arg(codings).arg(cases).arg(notes);
}

Result<QByteArray> QdpxExporter::archive(Project& project, QdpxExportSummary* summary) {
    QdpxModelBuilder builder(project);
    auto model = builder.build();
    if (!model) return model.error();
    if (summary) *summary = summarise(*model);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QuaZip zip(&buffer);
    if (!zip.open(QuaZip::mdCreate)) return makeError(QStringLiteral("cannot create the archive"));
    if (Status s = addEntry(zip, QStringLiteral("project.qde"), QdeWriter::write(*model)); !s) return s.error();
    for (const qda::Source& source : model->sources) {
        if (!builder.texts().contains(source.guid)) continue;
        if (Status s = addEntry(zip, QStringLiteral("sources/%1.txt").arg(source.guid), builder.texts().value(source.guid).toUtf8()); !s)
            return s.error();
    }
    zip.close();
    if (zip.getZipError() != ZIP_OK) return makeError(QStringLiteral("cannot finish the archive"));
    return buffer.data();
}

Result<QdpxExportSummary> QdpxExporter::exportFile(Project& project, const QString& path) {
    QdpxExportSummary summary;
    auto bytes = archive(project, &summary);
    if (!bytes) return makeError(QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), bytes.errorMessage()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*bytes) != bytes->size() || !file.commit())
        return makeError(QStringLiteral("%1: cannot write the file (%2)").arg(path, file.errorString()));
    return summary;
}

} // namespace warrant
