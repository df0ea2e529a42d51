#pragma once

#include "trace/AuditReport.h"
#include "trace/QuotePlacer.h"
#include "trace/TurnTexts.h"

#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace warrant {

class Project;

// Quotations cited to literature ("(Conlin, 2006)") are checked against the cited work when it
// has been imported as a document: a document whose title or file name carries the author's
// surname and, when given, the year. Paragraphs play the part turns play for interviews.
class DocumentQuoteChecker {
public:
    DocumentQuoteChecker(Project& project, SpellingTolerance::CorpusWords corpusWords)
        : m_project(project), m_placer(std::move(corpusWords)) {}

    // The imported document one literature citation names, if exactly one matches.
    std::optional<qint64> documentFor(const QString& literatureCitation);
    // Verdict Document (found; verbatim or with minor differences), Altered, or NotFound; an
    // error when the project cannot be read.
    Result<AuditQuote> check(const QString& quote, qint64 documentId);

private:
    struct DocumentInfo {
        qint64 id;
        QString haystack; // title and file name, lower case
        QString title;
    };
    const std::vector<DocumentInfo>& documents();
    const std::vector<TurnText>& paragraphs(qint64 documentId);

    Project& m_project;
    QuotePlacer m_placer;
    std::optional<std::vector<DocumentInfo>> m_documents;
    std::map<qint64, std::vector<TurnText>> m_paragraphs;
};

} // namespace warrant
