#pragma once

#include <map>
#include <string>
#include <vector>
#include <xapian.h>

namespace warrant {

// The index stores words as written (case-folded), not their stems: a stemmed query word is
// answered by the words of the corpus that share its stem ("policies" → policy, policies,
// policing…). This finds those words from the index's own vocabulary and remembers them until
// the index changes. Keeping stems out of the index makes it smaller and faster to build, and a
// stem never matches a different word that happens to be spelled like it.
class StemVariants {
  public:
    explicit StemVariants(Xapian::Stem& stemmer) : m_stemmer(stemmer) {}

    // Corpus words whose stem equals `stem`, most frequent first; empty when there are none.
    const std::vector<std::string>& of(const Xapian::Database& db, const std::string& stem);
    void forget() { m_cache.clear(); }

  private:
    Xapian::Stem& m_stemmer;
    std::map<std::string, std::vector<std::string>> m_cache;
};

} // namespace warrant
