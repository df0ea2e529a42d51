#pragma once

#include "IndexCatalog.h"
#include "Passage.h"

#include <xapian.h>

#include <string>

namespace warrant {

// Turns a passage into a Xapian document: positional words, filter terms and values. The text
// itself stays in the project file (snippets read it from there), so the index holds no copy.
class DocumentBuilder {
public:
    explicit DocumentBuilder(const IndexCatalog& catalog);
    Xapian::Document build(const Passage& passage);

private:
    const IndexCatalog& m_catalog;
};

} // namespace warrant
