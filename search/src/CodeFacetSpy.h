#pragma once

#include <xapian.h>

#include <map>
#include <string>

namespace warrant {

// Counts matching passages per directly applied code; the value slot holds a comma-separated
// list of code ids, which Xapian's single-value spies cannot split.
class CodeFacetSpy : public Xapian::MatchSpy {
public:
    explicit CodeFacetSpy(Xapian::valueno slot) : m_slot(slot) {}
    void operator()(const Xapian::Document& doc, double weight) override;
    const std::map<long long, int>& counts() const { return m_counts; }

private:
    Xapian::valueno m_slot;
    std::map<long long, int> m_counts;
};

} // namespace warrant
