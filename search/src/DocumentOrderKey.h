#pragma once

#include "IndexCatalog.h"

#include <map>
#include <string>
#include <xapian.h>

namespace warrant {

// Sort key for results in document order: sources by natural title ("R2" before "R10"), then
// position in the source. Computed from the location value at search time, so the index stores
// no sort key of its own and renaming a source needs no re-indexing.
class DocumentOrderKey : public Xapian::KeyMaker {
  public:
    explicit DocumentOrderKey(const IndexCatalog& catalog);
    std::string operator()(const Xapian::Document& doc) const override;

    static std::string naturalTitle(const QString& title);

  private:
    std::map<qint64, std::string> m_rankOfSource; // fixed-width big-endian rank
};

} // namespace warrant
