#include "model/Source.h"

namespace warrant {

QString sourceKindName(SourceKind kind) {
    switch (kind) {
    case SourceKind::Transcript: return QStringLiteral("transcript");
    case SourceKind::Document: return QStringLiteral("document");
    case SourceKind::Manuscript: return QStringLiteral("manuscript");
    }
    return {};
}

bool parseSourceKind(const QString& name, SourceKind* kind) {
    for (SourceKind k : {SourceKind::Transcript, SourceKind::Document, SourceKind::Manuscript}) {
        if (name.compare(sourceKindName(k), Qt::CaseInsensitive) == 0) {
            *kind = k;
            return true;
        }
    }
    return false;
}

} // namespace warrant
