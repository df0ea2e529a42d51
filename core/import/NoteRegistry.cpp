#include "import/NoteRegistry.h"

namespace warrant {

QString NoteRegistry::add(const QString& noteText) {
    const QString text = noteText.trimmed();
    if (text.isEmpty()) return QString();
    const QString marker = QStringLiteral("[%1]").arg(m_notes.size() + 1);
    m_notes.append(marker + u' ' + text);
    return marker;
}

} // namespace warrant
