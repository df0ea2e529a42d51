#pragma once

#include <QString>

#include <optional>
#include <array>
#include <vector>

class QTextBoundaryFinder;

namespace warrant {

// How an exporting program counted the offsets of its text selections. REFI-QDA says code points
// into the source's plain text; producers differ in the unit, in how a CR LF pair counts and in
// whether a leading byte order mark counts.
struct OffsetConvention {
    enum class Unit { CodePoints, Utf16 } unit = Unit::CodePoints;
    bool crlfCountsTwo = true; // CR LF counted as two characters (else as one)
    bool bomCounted = false;   // a leading BOM counted as one character
    QString describe() const;  // "UTF-16 code units, CRLF as 2, BOM not counted"
    bool operator==(const OffsetConvention&) const = default;
};

// A <PlainTextSelection> as written: offsets in the producer's convention; `name` is often the
// selected text, possibly shortened (with "…" or "...").
struct RawSelection {
    QString id;
    qint64 start = 0;
    qint64 end = 0;
    QString name;
};

// Code points into the normalised text, [start, end).
struct PlacedSelection {
    QString id;
    qsizetype start = 0;
    qsizetype end = 0;
    bool operator==(const PlacedSelection&) const = default;
};

struct UnplacedSelection {
    QString id;
    QString reason; // "ends at 5012, past the end of the text (4980)"
};

// Named SelectionPlacement rather than Placement: warrant::Placement is the tracer's quotation
// placement (trace/QuotePlacer.h), and two classes of one name in one namespace break the ODR.
struct SelectionPlacement {
    OffsetConvention convention;
    std::vector<PlacedSelection> placed;
    std::vector<UnplacedSelection> unplaced;
    QString evidence; // why this convention was chosen
};

// Places the text selections of one source in its normalised text (no BOM, LF line endings, see
// TextDecoder::normalise) under any offset convention.
//
// Complexity: the constructor scans the text once, O(n), and records only the characters whose
// width differs between conventions (the BOM, CR LF pairs, surrogate pairs). A mapping is a binary
// search over those, O(log m). Comparing a selection with its name reads at most the name's length
// of text. place() evaluates each of the at most 8 distinct conventions once, so a source costs
// O(n + k log m + total name length) for k selections; the word-boundary table is built only when
// the conventions disagree.
class SelectionPlacer {
public:
    // raw: the source's text decoded from its file exactly as stored (BOM and CR kept), or the
    // inline PlainTextContent.
    explicit SelectionPlacer(const QString& raw);

    const QString& normalised() const { return m_normalised; }

    // Where `offset`, counted under `convention` in the raw text, falls in normalised(); nullopt when
    // it is out of range or falls inside a surrogate pair under UTF-16. An offset between CR and LF
    // (CRLF counted as two) maps to the position of the LF.
    std::optional<qsizetype> map(qint64 offset, const OffsetConvention& convention) const;

    // Picks the convention for this source from the evidence of its selections (see the .cpp for
    // the rules); `origin` is the exporting software and only breaks ties.
    SelectionPlacement place(const std::vector<RawSelection>& selections, const QString& origin) const;

    // The same with one convention forced (used when sources disagree and the caller decides).
    SelectionPlacement placeWith(const std::vector<RawSelection>& selections,
                                 const OffsetConvention& convention) const;

    static OffsetConvention hintFor(const QString& origin);

private:
    // A character whose counted width depends on the convention.
    struct Mark {
        enum class Kind { Bom, CrLf, SurrogatePair } kind;
        qsizetype normalisedPos; // code point where it starts in the normalised text
        qsizetype crlfBefore;    // CR LF pairs before it
        qsizetype pairsBefore;   // surrogate pairs before it
    };
    struct Mapped;
    struct Outcome;
    struct NamePattern;

    Mapped locate(qint64 offset, const OffsetConvention& convention) const;
    qsizetype countedStart(const Mark& mark, const OffsetConvention& convention) const;
    qsizetype countedLength(const OffsetConvention& convention) const;
    qsizetype utf16Index(qsizetype codePoint) const;
    QString unplacedReason(const char* which, qint64 offset, const Mapped& mapped,
                           const OffsetConvention& convention) const;
    Outcome evaluate(const std::vector<RawSelection>& selections, const OffsetConvention& convention) const;
    std::vector<Outcome> distinctOutcomes(const std::vector<RawSelection>& selections,
                                          const std::array<OffsetConvention, 8>& conventions,
                                          std::array<size_t, 8>& outcomeOf, int* groups) const;
    static NamePattern patternFor(const QString& name);
    void scoreNames(Outcome& outcome, const std::vector<NamePattern>& names) const;
    void scoreWordBoundaries(Outcome& outcome, QTextBoundaryFinder& words) const;

    QString m_normalised;
    qsizetype m_length = 0; // code points in m_normalised
    bool m_hasBom = false;
    qsizetype m_crlfCount = 0;
    qsizetype m_pairCount = 0;
    std::vector<Mark> m_marks; // in text order
};

} // namespace warrant
