#include "UndoIdMap.h"

namespace warrant {

qint64 UndoIdMap::resolve(Kind kind, qint64 id) const {
    const auto it = m_map.find({kind, id});
    return it == m_map.end() ? id : it->second;
}

void UndoIdMap::remap(Kind kind, qint64 previous, qint64 current) {
    if (previous == current) return;
    for (auto& [key, value] : m_map)
        if (key.first == kind && value == previous) value = current;
    m_map[{kind, previous}] = current;
}

} // namespace warrant
