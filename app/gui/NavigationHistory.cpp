#include "NavigationHistory.h"

namespace warrant {

void NavigationHistory::visit(const TextLocation& location) {
    if (m_current >= 0 && m_places[size_t(m_current)] == location) return;
    m_places.resize(size_t(m_current + 1));
    m_places.push_back(location);
    m_current = int(m_places.size()) - 1;
}

TextLocation NavigationHistory::back() {
    if (canGoBack()) --m_current;
    return m_current >= 0 ? m_places[size_t(m_current)] : TextLocation{};
}

TextLocation NavigationHistory::forward() {
    if (canGoForward()) ++m_current;
    return m_current >= 0 ? m_places[size_t(m_current)] : TextLocation{};
}

void NavigationHistory::clear() {
    m_places.clear();
    m_current = -1;
}

} // namespace warrant
