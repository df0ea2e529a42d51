#pragma once

#include "TextLocation.h"

#include <vector>

namespace warrant {

// Back and forward through the places the user jumped to (search hits, retrieved segments,
// evidence), like a browser's history.
class NavigationHistory {
public:
    // Records a jump to `location`; forward history is dropped.
    void visit(const TextLocation& location);
    bool canGoBack() const { return m_current > 0; }
    bool canGoForward() const { return m_current + 1 < int(m_places.size()); }
    TextLocation back();
    TextLocation forward();
    void clear();

private:
    std::vector<TextLocation> m_places;
    int m_current = -1;
};

} // namespace warrant
