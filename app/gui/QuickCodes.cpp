#include "QuickCodes.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSettings>
#include <QVariantList>
#include <algorithm>
#include <set>

namespace warrant {

QuickCodes::QuickCodes(const QString& projectPath) : m_key(settingsKey(projectPath)) {
    const QVariantList stored = QSettings().value(m_key).toList();
    for (const QVariant& v : stored) {
        bool ok = false;
        const qint64 id = v.toLongLong(&ok);
        if (ok && id > 0 && !isPinned(id) && int(m_pinned.size()) < kMaxCodes) m_pinned.push_back(id);
    }
}

QString QuickCodes::settingsKey(const QString& projectPath) {
    const QString absolute = QFileInfo(projectPath).absoluteFilePath();
    const QByteArray hash =
        QCryptographicHash::hash(absolute.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QStringLiteral("quickCodes/%1").arg(QString::fromLatin1(hash));
}

std::vector<qint64> QuickCodes::codes(const std::vector<Code>& codebook) const {
    std::set<qint64> existing;
    std::set<qint64> parents;
    for (const Code& c : codebook) {
        existing.insert(c.id);
        if (c.parentId) parents.insert(c.parentId);
    }
    std::vector<qint64> result;
    for (qint64 id : m_pinned)
        if (existing.count(id)) result.push_back(id);
    if (!result.empty()) return result;
    // The codebook comes depth-first from CodebookRepository::list(), i.e. in tree order.
    for (const Code& c : codebook) {
        if (int(result.size()) == kMaxCodes) break;
        if (!parents.count(c.id)) result.push_back(c.id);
    }
    return result;
}

int QuickCodes::numberOf(qint64 id, const std::vector<Code>& codebook) const {
    const std::vector<qint64> list = codes(codebook);
    const auto it = std::find(list.begin(), list.end(), id);
    return it == list.end() ? 0 : int(it - list.begin()) + 1;
}

bool QuickCodes::pin(qint64 id) {
    if (id <= 0 || isPinned(id) || int(m_pinned.size()) >= kMaxCodes) return false;
    m_pinned.push_back(id);
    save();
    return true;
}

void QuickCodes::unpin(qint64 id) {
    const auto it = std::find(m_pinned.begin(), m_pinned.end(), id);
    if (it == m_pinned.end()) return;
    m_pinned.erase(it);
    save();
}

bool QuickCodes::isPinned(qint64 id) const {
    return std::find(m_pinned.begin(), m_pinned.end(), id) != m_pinned.end();
}

void QuickCodes::save() const {
    QSettings settings;
    if (m_pinned.empty()) {
        settings.remove(m_key);
        return;
    }
    QVariantList ids;
    for (qint64 id : m_pinned)
        ids << QVariant::fromValue(id);
    settings.setValue(m_key, ids);
}

} // namespace warrant
