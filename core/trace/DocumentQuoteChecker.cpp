#include "trace/DocumentQuoteChecker.h"

#include "store/SourceRepository.h"
#include "text/TextOffsets.h"
#include "trace/QuoteFragments.h"

#include <QRegularExpression>

namespace warrant {

const std::vector<DocumentQuoteChecker::DocumentInfo>& DocumentQuoteChecker::documents() {
    if (!m_documents) {
        m_documents.emplace();
        if (auto sources = SourceRepository(m_project).list())
            for (const Source& s : *sources)
                if (s.kind == SourceKind::Document)
                    m_documents->push_back({s.id, (s.title + u' ' + s.originalName).toLower(), s.title});
    }
    return *m_documents;
}

std::optional<qint64> DocumentQuoteChecker::documentFor(const QString& literatureCitation) {
    // "Conlin, 2006", "Porter 1998: 12", "DTI (2004)": the first capitalised word is the author,
    // a four-digit number the year.
    static const QRegularExpression author(QStringLiteral("\\b(\\p{Lu}[\\p{L}'’-]{1,})"));
    static const QRegularExpression year(QStringLiteral("\\b(1[89]\\d\\d|20\\d\\d)[a-z]?\\b"));
    const auto a = author.match(literatureCitation);
    if (!a.hasMatch()) return std::nullopt;
    const QString surname = a.captured(1).toLower();
    const auto y = year.match(literatureCitation);
    std::optional<qint64> found;
    for (const DocumentInfo& d : documents()) {
        if (!d.haystack.contains(surname)) continue;
        if (y.hasMatch() && !d.haystack.contains(y.captured(1))) continue;
        if (found) return std::nullopt; // two candidates: not ours to choose
        found = d.id;
    }
    return found;
}

const std::vector<TurnText>& DocumentQuoteChecker::paragraphs(qint64 documentId) {
    auto it = m_paragraphs.find(documentId);
    if (it != m_paragraphs.end()) return it->second;
    std::vector<TurnText> out;
    auto source = SourceRepository(m_project).get(documentId);
    if (source && source->has_value()) {
        const QString& text = (*source)->text;
        const TextOffsets offsets(text);
        qsizetype from = 0;
        int number = 0;
        while (from < text.size()) {
            qsizetype to = text.indexOf(QStringLiteral("\n\n"), from);
            if (to < 0) to = text.size();
            if (!text.mid(from, to - from).trimmed().isEmpty()) {
                TurnText p;
                p.sourceId = documentId;
                p.source = (*source)->title;
                p.number = ++number;
                p.start = offsets.codePointFromUtf16(from);
                p.text = text.mid(from, to - from);
                p.normalized = NormalizedText::of(p.text);
                out.push_back(std::move(p));
            }
            from = to + 2;
        }
    }
    return m_paragraphs.emplace(documentId, std::move(out)).first->second;
}

Result<AuditQuote> DocumentQuoteChecker::check(const QString& quote, qint64 documentId) {
    AuditQuote result;
    result.text = quote;
    const auto fragments = QuoteFragments::split(quote);
    std::vector<const TurnText*> candidates;
    for (const TurnText& p : paragraphs(documentId)) candidates.push_back(&p);
    const std::optional<Placement> best = m_placer.best(fragments, candidates, quote);
    if (m_placer.error()) return *m_placer.error();
    const QString title = documents().empty() ? QString() : [&] {
        for (const DocumentInfo& d : documents())
            if (d.id == documentId) return d.title;
        return QString();
    }();
    if (!best) {
        result.verdict = QuoteVerdict::NotFound;
        result.explanation = QStringLiteral("not found in the cited document '%1'").arg(title);
        return result;
    }
    const TurnText& p = *best->turn;
    const TextOffsets offsets(p.text);
    EvidenceLocation at;
    at.sourceId = p.sourceId;
    at.source = p.source;
    at.start = p.start + offsets.codePointFromUtf16(best->start);
    at.end = p.start + offsets.codePointFromUtf16(best->end);
    at.text = p.text.mid(best->start, best->end - best->start);
    at.context = p.text;
    result.found = at;
    result.similarity = best->similarity;
    result.diff = best->diff;
    if (best->contentDiffers) {
        result.verdict = QuoteVerdict::Altered;
        result.explanation = QStringLiteral("the words differ from the cited document '%1'").arg(title);
    } else {
        result.verdict = QuoteVerdict::Document;
        result.explanation = best->similarity >= 1.0
                                 ? QStringLiteral("found word for word in the cited document '%1'").arg(title)
                                 : QStringLiteral("found in the cited document '%1' with minor differences").arg(title);
    }
    return result;
}

} // namespace warrant
