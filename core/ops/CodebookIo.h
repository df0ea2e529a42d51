#pragma once

#include "Result.h"

namespace warrant {

class Project;

// Codebook exchange as CSV (path,colour,description,inclusion,exclusion,example) or Markdown
// (headings give the hierarchy, labelled paragraphs the definition).
class CodebookIo {
public:
    explicit CodebookIo(Project& project) : m_project(project) {}

    // Format from the extension (.csv, .md). Existing codes with the same path are updated.
    Result<int> importFile(const QString& path);
    Result<QString> exportText(const QString& format); // "csv" or "md"

private:
    Result<int> importCsv(const QString& path);
    Result<int> importMarkdown(const QString& path);
    Project& m_project;
};

} // namespace warrant
