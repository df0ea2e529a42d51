#pragma once

#include <QDateTime>
#include <QString>

#include <vector>

namespace warrant {

enum class SourceKind { Transcript, Document, Manuscript };

QString sourceKindName(SourceKind kind);
bool parseSourceKind(const QString& name, SourceKind* kind);

// An imported file. `text` is the immutable normalised text every offset points into.
struct Source {
    qint64 id = 0;
    QString title;
    SourceKind kind = SourceKind::Transcript;
    QString originalName;
    QString format;
    QString sha256;
    QString text;
    qint64 participantId = 0; // 0 when the source has no single participant
    QDateTime importedAt;
    std::vector<std::pair<QString, QString>> header;
};

} // namespace warrant
