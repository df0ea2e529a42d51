#include "DocidListSource.h"

#include <algorithm>

namespace warrant {

DocidListSource::DocidListSource(std::vector<Xapian::docid> docids) : m_docids(std::move(docids)) {}

Xapian::doccount DocidListSource::get_termfreq_min() const {
    return Xapian::doccount(m_docids.size());
}
Xapian::doccount DocidListSource::get_termfreq_est() const {
    return Xapian::doccount(m_docids.size());
}
Xapian::doccount DocidListSource::get_termfreq_max() const {
    return Xapian::doccount(m_docids.size());
}

void DocidListSource::next(double) {
    // Xapian calls next() once before reading the first document.
    if (m_started) ++m_at;
    m_started = true;
}

void DocidListSource::skip_to(Xapian::docid did, double) {
    // Never moves backwards: from the current entry (or the first, before any next()).
    const auto from = m_docids.begin() + std::ptrdiff_t(std::min(m_at, m_docids.size()));
    m_at = size_t(std::lower_bound(from, m_docids.end(), did) - m_docids.begin());
    m_started = true;
}

bool DocidListSource::at_end() const {
    return m_at >= m_docids.size();
}
Xapian::docid DocidListSource::get_docid() const {
    return m_docids[m_at];
}

void DocidListSource::init(const Xapian::Database&) {
    m_at = 0;
    m_started = false;
}

DocidListSource* DocidListSource::clone() const {
    return new DocidListSource(m_docids);
}
std::string DocidListSource::name() const {
    return {};
} // not serialisable: local searches only

} // namespace warrant
