#pragma once

#include "IndexCatalog.h"
#include "Passage.h"

#include <xapian.h>

#include <string>
#include <unordered_map>

namespace warrant {

// Turns a passage into a Xapian document. One builder per indexing thread: it keeps a stem
// cache, since a Zipfian vocabulary repeats the same few thousand words endlessly.
class DocumentBuilder {
public:
    explicit DocumentBuilder(const IndexCatalog& catalog);
    Xapian::Document build(const Passage& passage);
    const std::string& stem(const std::string& word);

    static std::string orderKey(const QString& title, qsizetype start);

private:
    const IndexCatalog& m_catalog;
    Xapian::Stem m_stemmer;
    std::unordered_map<std::string, std::string> m_stems;
};

} // namespace warrant
