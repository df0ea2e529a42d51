#pragma once

#include "Result.h"

namespace warrant {

class Project;

// Codebook exchange as CSV (path,colour,description,inclusion,exclusion,example), Markdown
// (headings give the hierarchy, labelled paragraphs the definition) or REFI-QDA .qdc (nested
// codes; the definition travels in each Description as labelled paragraphs).
class CodebookIo {
public:
    explicit CodebookIo(Project& project) : m_project(project) {}

    // Format from the extension (.csv, .md, .qdc). Existing codes with the same path are updated.
    Result<int> importFile(const QString& path);
    Result<QString> exportText(const QString& format); // "csv", "md" or "qdc"

private:
    Result<int> importCsv(const QString& path);
    Result<int> importMarkdown(const QString& path);
    Result<int> importQdc(const QString& path);
    Project& m_project;
};

} // namespace warrant
