#include "CodeFacetSpy.h"

namespace warrant {

void CodeFacetSpy::operator()(const Xapian::Document& doc, double) {
    const std::string list = doc.get_value(m_slot);
    size_t at = 0;
    while (at < list.size()) {
        size_t comma = list.find(',', at);
        if (comma == std::string::npos) comma = list.size();
        m_counts[std::stoll(list.substr(at, comma - at))] += 1;
        at = comma + 1;
    }
}

} // namespace warrant
