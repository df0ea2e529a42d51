#include "trace/QuoteChecker.h"

#include "store/SourceRepository.h"

#include <QHash>
#include <QRegularExpression>
#include <memory>

namespace warrant {

namespace {

// Texts read per word when there is no index; enough that a word used anywhere is met.
constexpr int kTextsPerWord = 500;

bool containsWord(const QString& text, const QString& folded) {
    for (qsizetype at = text.indexOf(folded, 0, Qt::CaseInsensitive); at >= 0;
         at = text.indexOf(folded, at + 1, Qt::CaseInsensitive)) {
        const qsizetype end = at + folded.size();
        const bool startsWord = at == 0 || !text.at(at - 1).isLetterOrNumber();
        const bool endsWord = end >= text.size() || !text.at(end).isLetterOrNumber();
        if (startsWord && endsWord) return true;
    }
    return false;
}

} // namespace

SpellingTolerance::CorpusWords QuoteChecker::corpusWords(Project& project, CandidateFinder* finder) {
    if (finder) return [finder](const QString& folded) { return finder->usesWord(folded); };
    auto known = std::make_shared<QHash<QString, bool>>();
    return [&project, known](const QString& folded) -> Result<bool> {
        if (auto it = known->find(folded); it != known->end()) return *it;
        auto texts = SourceRepository(project).evidenceTextsContaining(folded, kTextsPerWord);
        if (!texts) return texts.error();
        bool used = false;
        for (const QString& t : *texts)
            used = used || containsWord(t, folded);
        known->insert(folded, used);
        return used;
    };
}

QuoteChecker::QuoteChecker(Project& project, TurnTexts& turns, CandidateFinder* finder)
    : m_verifier(turns, finder, corpusWords(project, finder)),
      m_documents(project, corpusWords(project, finder)) {}

Result<AuditQuote> QuoteChecker::check(const ExtractedQuote& quote,
                                       const std::vector<const Citation*>& claimCitations) {
    QStringList cited = quote.citation ? quote.citation->participants : QStringList();
    for (const Citation* c : claimCitations)
        if (cited.isEmpty()) cited = c->participants;
    Result<AuditQuote> result =
        cited.isEmpty() ? checkLiterature(quote, claimCitations) : m_verifier.verify(quote.text, cited);
    if (!result) return result;
    result->start = quote.start; // UTF-16 here; the auditor converts to code points
    result->end = quote.end;
    result->block = quote.block;
    return result;
}

Result<AuditQuote> QuoteChecker::checkLiterature(const ExtractedQuote& quote,
                                                 const std::vector<const Citation*>& claimCitations) {
    // The quotation's own citation first, then the claim's.
    QStringList works = quote.citation ? quote.citation->literature : QStringList();
    for (const Citation* c : claimCitations)
        if (works.isEmpty()) works = c->literature;
    for (const QString& work : works)
        if (const std::optional<qint64> document = m_documents.documentFor(work))
            return m_documents.check(quote.text, *document);
    AuditQuote result;
    result.text = quote.text;
    result.verdict = works.isEmpty() ? QuoteVerdict::Uncited : QuoteVerdict::Literature;
    result.explanation = works.isEmpty()
                             ? QStringLiteral("no citation names who said it")
                             : QStringLiteral("cited to literature that is not imported; not checked");
    return result;
}

} // namespace warrant
