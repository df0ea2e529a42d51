#include "exchange/SelectionPlacer.h"

#include <QTextBoundaryFinder>

#include <algorithm>
#include <array>
#include <string>

namespace warrant {

// How a convention decides rules (place()):
//  1. fewest selections unplaced: one out of range or splitting a surrogate pair disqualifies a
//     convention whenever another places every selection;
//  2. most selections whose text matches their name (whitespace collapsed, case folded; a name
//     with "…"/"..." is a prefix, a suffix or head…tail of the text);
//  3. most selections that start and end on word boundaries (Unicode word boundaries, which also
//     never fall inside a grapheme such as 👍🏽 or 🇭🇺);
//  4. the exporting software's convention (hintFor), then the specification's (code points, CRLF as
//     two, BOM not counted), then the fewest differences from the hint.
// Conventions that place every selection of this text identically are one result and tie on 1-3.

OffsetConvention::Unit constexpr kCodePoints = OffsetConvention::Unit::CodePoints;
OffsetConvention::Unit constexpr kUtf16 = OffsetConvention::Unit::Utf16;

QString OffsetConvention::describe() const {
    return QStringLiteral("%1, CRLF as %2, BOM %3")
        .arg(unit == kUtf16 ? QStringLiteral("UTF-16 code units") : QStringLiteral("code points"),
             crlfCountsTwo ? QStringLiteral("2") : QStringLiteral("1"),
             bomCounted ? QStringLiteral("counted") : QStringLiteral("not counted"));
}

struct SelectionPlacer::Mapped {
    enum class Status { Ok, BeforeStart, PastEnd, SplitsCharacter } status = Status::Ok;
    qsizetype position = 0;
    const Mark* mark = nullptr; // the character split, for SplitsCharacter
};

// One convention's placement with the evidence for it.
struct SelectionPlacer::Outcome {
    SelectionPlacement placement;
    std::vector<qsizetype> selectionOf; // index into the raw selections of each placed one
    qsizetype nameMatches = 0;
    qsizetype onWordBoundaries = 0;
    int group = -1; // outcomes with equal placements share a group
};

// What a <PlainTextSelection name> says about the text it names, already folded for comparison.
struct SelectionPlacer::NamePattern {
    enum class Kind { Unusable, Whole, Abbreviated } kind = Kind::Unusable;
    std::u32string head; // the text starts with it (Whole: is it)
    std::u32string tail; // the text ends with it (Abbreviated only; may be empty)
};

namespace {

// A name without an ellipsis that is at least this long may be a cut-off prefix: some producers
// shorten names to a fixed length without marking it.
constexpr size_t kCutOffNameLength = 30;

// Reads a text one folded code point at a time, forwards or backwards, with whitespace runs
// collapsed to one space and trimmed at both ends, so a comparison reads only as much text as the
// name is long.
class FoldedReader {
public:
    FoldedReader(QStringView text, bool forward)
        : m_text(text), m_pos(forward ? 0 : text.size()), m_forward(forward) {}

    std::optional<char32_t> next() {
        bool skipped = false;
        int width = 0;
        while (!atEnd() && QChar::isSpace(peek(&width))) {
            advance(width);
            skipped = true;
        }
        if (atEnd()) return std::nullopt;
        if (skipped && m_emitted) return U' ';
        const char32_t c = peek(&width);
        advance(width);
        m_emitted = true;
        return QChar::toCaseFolded(c);
    }

private:
    bool atEnd() const { return m_forward ? m_pos >= m_text.size() : m_pos <= 0; }
    void advance(int width) { m_pos += m_forward ? width : -width; }

    char32_t peek(int* width) const {
        *width = 1;
        if (m_forward) {
            const QChar c = m_text[m_pos];
            if (c.isHighSurrogate() && m_pos + 1 < m_text.size() && m_text[m_pos + 1].isLowSurrogate()) {
                *width = 2;
                return QChar::surrogateToUcs4(c, m_text[m_pos + 1]);
            }
            return c.unicode();
        }
        const QChar c = m_text[m_pos - 1];
        if (c.isLowSurrogate() && m_pos >= 2 && m_text[m_pos - 2].isHighSurrogate()) {
            *width = 2;
            return QChar::surrogateToUcs4(m_text[m_pos - 2], c);
        }
        return c.unicode();
    }

    QStringView m_text;
    qsizetype m_pos;
    bool m_forward;
    bool m_emitted = false;
};

std::u32string folded(QStringView text) {
    std::u32string out;
    FoldedReader reader(text, true);
    while (const auto c = reader.next()) out.push_back(*c);
    return out;
}

bool startsWithFolded(QStringView text, const std::u32string& piece, bool wholeText) {
    FoldedReader reader(text, true);
    for (const char32_t c : piece) {
        const auto t = reader.next();
        if (!t || *t != c) return false;
    }
    return !wholeText || !reader.next();
}

bool endsWithFolded(QStringView text, const std::u32string& piece) {
    FoldedReader reader(text, false);
    for (auto it = piece.rbegin(); it != piece.rend(); ++it) {
        const auto t = reader.next();
        if (!t || *t != *it) return false;
    }
    return true;
}

// The parts of a name around its ellipses ("…", or three or more dots), with the brackets of
// "[…]" dropped.
std::vector<QStringView> splitAtEllipses(QStringView name) {
    std::vector<QStringView> parts;
    qsizetype from = 0;
    for (qsizetype i = 0; i < name.size();) {
        qsizetype width = name[i] == QChar(0x2026) ? 1 : 0;
        if (name[i] == u'.')
            while (i + width < name.size() && name[i + width] == u'.') ++width;
        if (width == 0 || (name[i] == u'.' && width < 3)) {
            i += std::max<qsizetype>(width, 1);
            continue;
        }
        qsizetype partEnd = i;
        if (partEnd > from && (name[partEnd - 1] == u'[' || name[partEnd - 1] == u'(')) --partEnd;
        parts.push_back(name.sliced(from, partEnd - from));
        i += width;
        if (i < name.size() && (name[i] == u']' || name[i] == u')')) ++i;
        from = i;
    }
    parts.push_back(name.sliced(from));
    return parts;
}

int differences(const OffsetConvention& a, const OffsetConvention& b) {
    return int(a.unit != b.unit) + int(a.crlfCountsTwo != b.crlfCountsTwo) + int(a.bomCounted != b.bomCounted);
}

// The eight candidates, the specification's first.
std::array<OffsetConvention, 8> allConventions() {
    std::array<OffsetConvention, 8> all;
    int i = 0;
    for (const auto unit : {kCodePoints, kUtf16})
        for (const bool crlfTwo : {true, false})
            for (const bool bom : {false, true}) all[i++] = OffsetConvention{unit, crlfTwo, bom};
    return all;
}

} // namespace

SelectionPlacer::SelectionPlacer(const QString& raw) {
    m_normalised.reserve(raw.size());
    qsizetype i = 0;
    if (!raw.isEmpty() && raw.front() == QChar(0xFEFF)) {
        m_hasBom = true;
        m_marks.push_back({Mark::Kind::Bom, 0, 0, 0});
        i = 1;
    }
    // Mirrors TextDecoder::normalise: CR LF and lone CR become LF.
    for (; i < raw.size(); ++i) {
        const QChar c = raw.at(i);
        if (c == u'\r') {
            if (i + 1 < raw.size() && raw.at(i + 1) == u'\n') {
                m_marks.push_back({Mark::Kind::CrLf, m_length, m_crlfCount++, m_pairCount});
                ++i;
            }
            m_normalised.append(u'\n');
        } else if (c.isHighSurrogate() && i + 1 < raw.size() && raw.at(i + 1).isLowSurrogate()) {
            m_marks.push_back({Mark::Kind::SurrogatePair, m_length, m_crlfCount, m_pairCount++});
            m_normalised.append(c);
            m_normalised.append(raw.at(++i));
        } else {
            m_normalised.append(c);
        }
        ++m_length;
    }
}

qsizetype SelectionPlacer::countedStart(const Mark& mark, const OffsetConvention& convention) const {
    const bool afterCountedBom = convention.bomCounted && m_hasBom && mark.kind != Mark::Kind::Bom;
    return mark.normalisedPos + (afterCountedBom ? 1 : 0) + (convention.crlfCountsTwo ? mark.crlfBefore : 0) +
           (convention.unit == kUtf16 ? mark.pairsBefore : 0);
}

qsizetype SelectionPlacer::countedLength(const OffsetConvention& convention) const {
    return m_length + (convention.bomCounted && m_hasBom ? 1 : 0) + (convention.crlfCountsTwo ? m_crlfCount : 0) +
           (convention.unit == kUtf16 ? m_pairCount : 0);
}

qsizetype SelectionPlacer::utf16Index(qsizetype codePoint) const {
    // Pairs before `codePoint` are the pairs before the first mark at or after it.
    const auto it = std::partition_point(m_marks.begin(), m_marks.end(),
                                         [&](const Mark& m) { return m.normalisedPos < codePoint; });
    return codePoint + (it == m_marks.end() ? m_pairCount : it->pairsBefore);
}

SelectionPlacer::Mapped SelectionPlacer::locate(qint64 offset, const OffsetConvention& convention) const {
    using Status = Mapped::Status;
    if (offset < 0) return {Status::BeforeStart, 0, nullptr};
    const auto after = std::partition_point(m_marks.begin(), m_marks.end(), [&](const Mark& m) {
        return countedStart(m, convention) <= offset;
    });
    qsizetype position = offset;
    if (after != m_marks.begin()) {
        const Mark& mark = *(after - 1);
        const qsizetype start = countedStart(mark, convention);
        qsizetype counted = 1;     // width under the convention
        qsizetype normalised = 1;  // width in the normalised text
        if (mark.kind == Mark::Kind::Bom) {
            counted = convention.bomCounted ? 1 : 0;
            normalised = 0;
        } else if (mark.kind == Mark::Kind::CrLf) {
            counted = convention.crlfCountsTwo ? 2 : 1;
        } else {
            counted = convention.unit == kUtf16 ? 2 : 1;
        }
        if (offset == start) {
            position = mark.normalisedPos;
        } else if (offset < start + counted) {
            // Inside: between CR and LF is where the line break is; inside a pair is no place.
            if (mark.kind != Mark::Kind::CrLf) return {Status::SplitsCharacter, 0, &mark};
            position = mark.normalisedPos;
        } else {
            position = mark.normalisedPos + normalised + (offset - start - counted);
        }
    }
    if (position > m_length) return {Status::PastEnd, 0, nullptr};
    return {Status::Ok, position, nullptr};
}

std::optional<qsizetype> SelectionPlacer::map(qint64 offset, const OffsetConvention& convention) const {
    const Mapped mapped = locate(offset, convention);
    if (mapped.status != Mapped::Status::Ok) return std::nullopt;
    return mapped.position;
}

QString SelectionPlacer::unplacedReason(const char* which, qint64 offset, const Mapped& mapped,
                                        const OffsetConvention& convention) const {
    const QString verb = QString::fromLatin1(which);
    switch (mapped.status) {
    case Mapped::Status::BeforeStart:
        return QStringLiteral("%1 at %2, before the start of the text").arg(verb).arg(offset);
    case Mapped::Status::PastEnd:
        return QStringLiteral("%1 at %2, past the end of the text (%3)")
            .arg(verb)
            .arg(offset)
            .arg(countedLength(convention));
    case Mapped::Status::SplitsCharacter: {
        const qsizetype at = utf16Index(mapped.mark->normalisedPos);
        const char32_t c = QChar::surrogateToUcs4(m_normalised.at(at), m_normalised.at(at + 1));
        const QString hex = QString::number(uint(c), 16).toUpper().rightJustified(4, QLatin1Char('0'));
        return QStringLiteral("%1 at %2, inside a character (splits the surrogate pair of U+%3, e.g. an emoji)")
            .arg(verb)
            .arg(offset)
            .arg(hex);
    }
    case Mapped::Status::Ok:
        break;
    }
    return {};
}

SelectionPlacer::Outcome SelectionPlacer::evaluate(const std::vector<RawSelection>& selections,
                                                   const OffsetConvention& convention) const {
    Outcome out;
    out.placement.convention = convention;
    out.placement.placed.reserve(selections.size());
    for (size_t i = 0; i < selections.size(); ++i) {
        const RawSelection& s = selections[i];
        const Mapped start = locate(s.start, convention);
        const Mapped end = locate(s.end, convention);
        QString reason;
        if (s.end < s.start)
            reason = QStringLiteral("ends at %1, before it starts (%2)").arg(s.end).arg(s.start);
        else if (start.status != Mapped::Status::Ok)
            reason = unplacedReason("starts", s.start, start, convention);
        else if (end.status != Mapped::Status::Ok)
            reason = unplacedReason("ends", s.end, end, convention);
        if (reason.isEmpty()) {
            out.placement.placed.push_back({s.id, start.position, end.position});
            out.selectionOf.push_back(qsizetype(i));
        } else {
            out.placement.unplaced.push_back({s.id, reason});
        }
    }
    return out;
}

} // namespace warrant

namespace warrant {

namespace {

// The numbers an evidence sentence quotes.
struct Score {
    OffsetConvention convention;
    qsizetype unplaced = 0;
    qsizetype nameMatches = 0;
    qsizetype onWordBoundaries = 0;
};

struct Totals {
    qsizetype selections = 0;
    qsizetype named = 0; // selections whose name can be compared with their text
};

QString whose(const OffsetConvention& chosen, const OffsetConvention& hint, const QString& origin) {
    if (chosen == OffsetConvention{}) return QStringLiteral("the REFI-QDA specification's convention");
    if (chosen == hint) return QStringLiteral("the convention of %1").arg(origin.trimmed());
    return QStringLiteral("the one closest to the convention of %1").arg(origin.trimmed());
}

// Why the winner beat the best convention that places the selections differently.
QString decisiveEvidence(const Score& w, const Score& r, const Totals& t, const QString& tieBreak) {
    const QString other = r.convention.describe();
    if (w.unplaced != r.unplaced) {
        if (w.unplaced == 0)
            return QStringLiteral("Only this convention places every selection inside the text on whole characters; "
                                  "under %1, %2 of %3 do not fit")
                .arg(other)
                .arg(r.unplaced)
                .arg(t.selections);
        return QStringLiteral("No convention places every selection; this one leaves the fewest unplaced (%1 of %2, "
                              "against %3 under %4)")
            .arg(w.unplaced)
            .arg(t.selections)
            .arg(r.unplaced)
            .arg(other);
    }
    if (w.nameMatches != r.nameMatches)
        return QStringLiteral("%1 of %2 named selections match their name under this convention, %3 under %4")
            .arg(w.nameMatches)
            .arg(t.named)
            .arg(r.nameMatches)
            .arg(other);
    if (w.onWordBoundaries != r.onWordBoundaries)
        return QStringLiteral("Names do not tell it from %1 (%2 of %3 match under either); %4 of %5 selections "
                              "start and end on word boundaries under it, %6 under %1")
            .arg(other)
            .arg(w.nameMatches)
            .arg(t.named)
            .arg(w.onWordBoundaries)
            .arg(t.selections)
            .arg(r.onWordBoundaries);
    return QStringLiteral("The selections do not tell it from %1 (%2 of %3 names match and %4 of %5 selections lie "
                          "on word boundaries under either); it is %6")
        .arg(other)
        .arg(w.nameMatches)
        .arg(t.named)
        .arg(w.onWordBoundaries)
        .arg(t.selections)
        .arg(tieBreak);
}

QString tieEvidence(int identical, const Totals& t, const QString& tieBreak) {
    if (t.selections == 0)
        return QStringLiteral("There are no selections to tell the conventions apart; %1 is used").arg(tieBreak);
    return QStringLiteral("All %1 conventions place the %2 selections identically in this text, so the text does "
                          "not tell them apart; %3 is used")
        .arg(identical)
        .arg(t.selections)
        .arg(tieBreak);
}

} // namespace

SelectionPlacer::NamePattern SelectionPlacer::patternFor(const QString& name) {
    const std::vector<QStringView> parts = splitAtEllipses(name);
    NamePattern pattern;
    pattern.head = folded(parts.front());
    if (parts.size() == 1) {
        pattern.kind = pattern.head.empty() ? NamePattern::Kind::Unusable : NamePattern::Kind::Whole;
        return pattern;
    }
    // Parts between the first and the last ellipsis are not checked: finding them would mean
    // reading the whole selected text, which can be far longer than its name.
    pattern.tail = folded(parts.back());
    const bool empty = pattern.head.empty() && pattern.tail.empty();
    pattern.kind = empty ? NamePattern::Kind::Unusable : NamePattern::Kind::Abbreviated;
    return pattern;
}

void SelectionPlacer::scoreNames(Outcome& outcome, const std::vector<NamePattern>& names) const {
    const std::vector<PlacedSelection>& placed = outcome.placement.placed;
    for (size_t k = 0; k < placed.size(); ++k) {
        const NamePattern& pattern = names[size_t(outcome.selectionOf[k])];
        if (pattern.kind == NamePattern::Kind::Unusable) continue;
        const qsizetype from = utf16Index(placed[k].start);
        const QStringView text = QStringView(m_normalised).sliced(from, utf16Index(placed[k].end) - from);
        const bool matches =
            pattern.kind == NamePattern::Kind::Whole
                ? startsWithFolded(text, pattern.head, pattern.head.size() < kCutOffNameLength)
                : (pattern.head.empty() || startsWithFolded(text, pattern.head, false)) &&
                      (pattern.tail.empty() || endsWithFolded(text, pattern.tail));
        if (matches) ++outcome.nameMatches;
    }
}

void SelectionPlacer::scoreWordBoundaries(Outcome& outcome, QTextBoundaryFinder& words) const {
    const auto onBoundary = [&](qsizetype codePoint) {
        words.setPosition(utf16Index(codePoint));
        return words.isAtBoundary();
    };
    for (const PlacedSelection& s : outcome.placement.placed)
        if (onBoundary(s.start) && onBoundary(s.end)) ++outcome.onWordBoundaries;
}

SelectionPlacement SelectionPlacer::placeWith(const std::vector<RawSelection>& selections,
                                              const OffsetConvention& convention) const {
    SelectionPlacement placement = evaluate(selections, convention).placement;
    placement.evidence = QStringLiteral("Chosen by the caller for the whole project");
    if (!placement.unplaced.empty())
        placement.evidence += QStringLiteral("; %1 of %2 selections do not fit this text under it")
                                  .arg(placement.unplaced.size())
                                  .arg(selections.size());
    return placement;
}

// A dimension this text has nothing to count for (no BOM, no CR LF, no surrogate pair) changes
// nothing, so each distinct convention is evaluated once; `outcomeOf[i]` is convention i's outcome.
// Conventions can still agree on every selection (say, all of them lie before the first emoji):
// such outcomes share a group, and `groups` says how many different placements there are.
std::vector<SelectionPlacer::Outcome> SelectionPlacer::distinctOutcomes(const std::vector<RawSelection>& selections,
                                                                        const std::array<OffsetConvention, 8>& conventions,
                                                                        std::array<size_t, 8>& outcomeOf, int* groups) const {
    std::vector<Outcome> distinct;
    distinct.reserve(conventions.size());
    for (size_t i = 0; i < conventions.size(); ++i) {
        OffsetConvention effective = conventions[i];
        if (m_pairCount == 0) effective.unit = kCodePoints;
        if (m_crlfCount == 0) effective.crlfCountsTwo = true;
        if (!m_hasBom) effective.bomCounted = false;
        const auto same = std::find_if(distinct.begin(), distinct.end(),
                                       [&](const Outcome& o) { return o.placement.convention == effective; });
        outcomeOf[i] = size_t(same - distinct.begin());
        if (same == distinct.end()) distinct.push_back(evaluate(selections, effective));
    }
    *groups = 0;
    for (Outcome& o : distinct) {
        for (const Outcome& earlier : distinct) {
            if (&earlier == &o) break;
            if (earlier.placement.placed == o.placement.placed) {
                o.group = earlier.group;
                break;
            }
        }
        if (o.group < 0) o.group = (*groups)++;
    }
    return distinct;
}

SelectionPlacement SelectionPlacer::place(const std::vector<RawSelection>& selections, const QString& origin) const {
    const OffsetConvention hint = hintFor(origin);
    const std::array<OffsetConvention, 8> conventions = allConventions();
    std::array<size_t, 8> outcomeOf{};
    int groups = 0;
    std::vector<Outcome> distinct = distinctOutcomes(selections, conventions, outcomeOf, &groups);

    Totals totals{qsizetype(selections.size()), 0};
    std::vector<NamePattern> names;
    names.reserve(selections.size());
    for (const RawSelection& s : selections) {
        names.push_back(patternFor(s.name));
        if (names.back().kind != NamePattern::Kind::Unusable) ++totals.named;
    }
    if (groups > 1) {
        // Built only here: the word-break table costs a pass over the text and memory per character.
        QTextBoundaryFinder words(QTextBoundaryFinder::Word, m_normalised);
        for (Outcome& o : distinct) {
            scoreNames(o, names);
            scoreWordBoundaries(o, words);
        }
    }

    const auto scoreOf = [&](size_t i) {
        const Outcome& o = distinct[outcomeOf[i]];
        return Score{conventions[i], qsizetype(o.placement.unplaced.size()), o.nameMatches, o.onWordBoundaries};
    };
    const auto rank = [&](size_t i) {
        const Score s = scoreOf(i);
        return std::tuple(s.unplaced, -s.nameMatches, -s.onWordBoundaries, !(s.convention == hint),
                          !(s.convention == OffsetConvention{}), differences(s.convention, hint), i);
    };
    std::array<size_t, 8> order{0, 1, 2, 3, 4, 5, 6, 7};
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rank(a) < rank(b); });

    const size_t winner = order.front();
    const int winnerGroup = distinct[outcomeOf[winner]].group;
    const auto runnerUp = std::find_if(order.begin(), order.end(),
                                       [&](size_t i) { return distinct[outcomeOf[i]].group != winnerGroup; });
    const int identical = int(std::count_if(order.begin(), order.end(), [&](size_t i) {
        return distinct[outcomeOf[i]].group == winnerGroup;
    }));

    SelectionPlacement result = distinct[outcomeOf[winner]].placement;
    result.convention = conventions[winner];
    const QString tieBreak = whose(result.convention, hint, origin);
    if (runnerUp == order.end()) {
        result.evidence = tieEvidence(identical, totals, tieBreak);
    } else {
        result.evidence = decisiveEvidence(scoreOf(winner), scoreOf(*runnerUp), totals, tieBreak);
        if (identical > 1)
            result.evidence += QStringLiteral("; %1 other conventions place the selections identically here")
                                   .arg(identical - 1);
    }
    return result;
}

OffsetConvention SelectionPlacer::hintFor(const QString& origin) {
    const QString o = origin.trimmed().toLower();
    // NVivo (Windows 12.x and later) counts UTF-16 code units, CRLF as two, no BOM.
    if (o.contains(QLatin1String("nvivo"))) return {kUtf16, true, false};
    // MAXQDA and ATLAS.ti are reported to count CR LF as one character.
    if (o.contains(QLatin1String("maxqda")) || o.contains(QLatin1String("atlas.ti")) ||
        o.startsWith(QLatin1String("atlas")))
        return {kCodePoints, false, false};
    // QualCoder, qc, Taguette and anything unknown: the specification's code points.
    return {};
}

} // namespace warrant
