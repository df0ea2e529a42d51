#include "DocumentOrderKey.h"

#include "IndexTerms.h"
#include "LocationValue.h"

#include <algorithm>
#include <vector>

namespace warrant {

namespace {

std::string bigEndian(quint64 n) {
    std::string out(8, '\0');
    for (int i = 7; i >= 0; --i, n >>= 8)
        out[size_t(i)] = char(n & 0xFF);
    return out;
}

} // namespace

std::string DocumentOrderKey::naturalTitle(const QString& title) {
    // Digit runs padded so "R2" sorts before "R10".
    std::string key;
    const std::string t = title.toLower().toStdString();
    for (size_t i = 0; i < t.size();) {
        if (isdigit(static_cast<unsigned char>(t[i]))) {
            size_t j = i;
            while (j < t.size() && isdigit(static_cast<unsigned char>(t[j])))
                ++j;
            key += std::string(j - i < 8 ? 8 - (j - i) : 0, '0') + t.substr(i, j - i);
            i = j;
        } else {
            key += t[i++];
        }
    }
    return key;
}

DocumentOrderKey::DocumentOrderKey(const IndexCatalog& catalog) {
    std::vector<std::pair<std::string, qint64>> titles;
    for (const auto& [id, source] : catalog.sources)
        titles.emplace_back(naturalTitle(source.title), id);
    std::sort(titles.begin(), titles.end());
    for (size_t rank = 0; rank < titles.size(); ++rank)
        m_rankOfSource[titles[rank].second] = bigEndian(rank);
}

std::string DocumentOrderKey::operator()(const Xapian::Document& doc) const {
    const LocationValue at = LocationValue::unpack(doc.get_value(terms::Location));
    auto rank = m_rankOfSource.find(at.sourceId);
    return (rank == m_rankOfSource.end() ? std::string(8, '\xFF') : rank->second) +
           bigEndian(quint64(at.start));
}

} // namespace warrant
