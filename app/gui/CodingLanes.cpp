#include "CodingLanes.h"

#include <algorithm>

namespace warrant {

void CodingLanes::assign(std::vector<CodingSpan> spans) {
    std::erase_if(spans, [](const CodingSpan& s) { return s.end <= s.start; });
    std::sort(spans.begin(), spans.end(), [](const CodingSpan& a, const CodingSpan& b) {
        if (a.start != b.start) return a.start < b.start;
        if (a.end != b.end) return a.end > b.end;
        return a.codingId < b.codingId;
    });
    // laneEnds[i]: where the last span placed in lane i ends.
    std::vector<int> laneEnds;
    m_maxLength = 0;
    for (CodingSpan& span : spans) {
        auto free =
            std::find_if(laneEnds.begin(), laneEnds.end(), [&](int end) { return end <= span.start; });
        if (free == laneEnds.end()) {
            span.lane = int(laneEnds.size());
            laneEnds.push_back(span.end);
        } else {
            span.lane = int(free - laneEnds.begin());
            *free = span.end;
        }
        m_maxLength = std::max(m_maxLength, span.end - span.start);
    }
    m_laneCount = int(laneEnds.size());
    m_spans = std::move(spans);
}

std::vector<int> CodingLanes::overlapping(int from, int to) const {
    std::vector<int> result;
    if (to <= from) return result;
    // A span overlapping [from, to) starts before `to` and no earlier than from - longest span.
    const auto byStart = [](const CodingSpan& s, int position) { return s.start < position; };
    const auto first = std::lower_bound(m_spans.begin(), m_spans.end(), from - m_maxLength, byStart);
    const auto last = std::lower_bound(first, m_spans.end(), to, byStart);
    for (auto it = first; it != last; ++it)
        if (it->end > from) result.push_back(int(it - m_spans.begin()));
    return result;
}

const CodingSpan* CodingLanes::find(qint64 codingId) const {
    const auto it = std::find_if(m_spans.begin(), m_spans.end(),
                                 [&](const CodingSpan& s) { return s.codingId == codingId; });
    return it == m_spans.end() ? nullptr : &*it;
}

} // namespace warrant
