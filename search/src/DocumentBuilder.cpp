#include "DocumentBuilder.h"

#include "IndexTerms.h"
#include "LocationValue.h"
#include "WordTokenizer.h"

namespace warrant {

DocumentBuilder::DocumentBuilder(const IndexCatalog& catalog) : m_catalog(catalog) {}

Xapian::Document DocumentBuilder::build(const Passage& p) {
    Xapian::Document doc;
    Xapian::termpos position = 0;
    for (const WordSpan& w : WordTokenizer::words(p.text)) {
        const std::string word = WordTokenizer::term(QStringView(p.text).mid(w.start, w.end - w.start));
        if (word.size() > 64) continue; // Xapian's term limit; nobody searches for these
        doc.add_posting(word, ++position);
    }
    const std::string source = std::to_string(p.sourceId);
    doc.add_boolean_term(terms::kPassageId + source + ":" + std::to_string(p.start));
    doc.add_boolean_term(terms::kSource + source);
    auto src = m_catalog.sources.find(p.sourceId);
    if (src != m_catalog.sources.end()) doc.add_boolean_term(terms::kKind + src->second.kind.toStdString());
    doc.add_boolean_term(terms::kRole + (p.interviewer ? "interviewer" : p.inTurn ? "participant" : "none"));
    if (p.participantId && !p.interviewer) doc.add_boolean_term(terms::kParticipant + std::to_string(p.participantId));
    if (p.turnNumber) doc.add_boolean_term(terms::kTurn + std::to_string(p.turnNumber));
    for (qint64 code : p.codeIds) doc.add_boolean_term(terms::kCode + std::to_string(code));
    for (qint64 coder : p.coderIds) doc.add_boolean_term(terms::kCoder + std::to_string(coder));

    LocationValue location;
    location.sourceId = p.sourceId;
    location.turnNumber = p.turnNumber;
    location.start = p.start;
    location.end = p.end;
    location.byteStart = p.byteStart;
    location.byteEnd = p.byteEnd;
    location.interviewer = p.interviewer;
    location.mediaTimeMs = p.mediaTimeMs;
    doc.add_value(terms::Location, location.pack());
    doc.add_value(terms::ParticipantId, Xapian::sortable_serialise(double(p.interviewer ? 0 : p.participantId)));
    std::string codes;
    for (qint64 code : p.directCodeIds) codes += (codes.empty() ? "" : ",") + std::to_string(code);
    if (!codes.empty()) doc.add_value(terms::DirectCodes, codes);
    return doc;
}

} // namespace warrant
