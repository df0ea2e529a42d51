#pragma once

#include <string>
#include <vector>
#include <xapian.h>

namespace warrant {

// A boolean filter matching a fixed, sorted list of document ids, so a search can be limited to
// precomputed candidates (TopCandidates) without changing how the matching documents are weighed.
class DocidListSource : public Xapian::PostingSource {
  public:
    explicit DocidListSource(std::vector<Xapian::docid> docids);

    Xapian::doccount get_termfreq_min() const override;
    Xapian::doccount get_termfreq_est() const override;
    Xapian::doccount get_termfreq_max() const override;
    void next(double minWeight) override;
    void skip_to(Xapian::docid did, double minWeight) override;
    bool at_end() const override;
    Xapian::docid get_docid() const override;
    void init(const Xapian::Database& db) override;
    DocidListSource* clone() const override;
    std::string name() const override;

  private:
    std::vector<Xapian::docid> m_docids;
    size_t m_at = 0;
    bool m_started = false;
};

} // namespace warrant
