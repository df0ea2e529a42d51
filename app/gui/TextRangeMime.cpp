#include "TextRangeMime.h"

#include <QMimeData>
#include <QStringList>

namespace warrant {

void TextRangeMime::write(QMimeData& mime, const TextLocation& location) {
    const QString payload = QStringLiteral("%1 %2 %3").arg(location.sourceId).arg(location.start).arg(location.end);
    mime.setData(QString::fromLatin1(kFormat), payload.toUtf8());
}

std::optional<TextLocation> TextRangeMime::read(const QMimeData* mime) {
    if (!mime || !mime->hasFormat(QString::fromLatin1(kFormat))) return std::nullopt;
    const QStringList parts = QString::fromUtf8(mime->data(QString::fromLatin1(kFormat))).split(u' ');
    if (parts.size() != 3) return std::nullopt;
    bool ok[3] = {};
    TextLocation at{parts[0].toLongLong(&ok[0]), parts[1].toLongLong(&ok[1]), parts[2].toLongLong(&ok[2])};
    if (!ok[0] || !ok[1] || !ok[2] || !at.isValid()) return std::nullopt;
    return at;
}

} // namespace warrant
