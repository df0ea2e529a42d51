#include "import/TurnDetector.h"

#include "import/SpeakerLabel.h"
#include "text/TextOffsets.h"

#include <algorithm>

namespace warrant {

namespace {

struct Line {
    qsizetype start; // UTF-16 index of the first character
    QStringView text;
};

std::vector<Line> splitLines(const QString& text) {
    std::vector<Line> lines;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(u'\n', start);
        if (end < 0) end = text.size();
        lines.push_back({start, QStringView(text).sliced(start, end - start)});
        start = end + 1;
    }
    return lines;
}

bool isBlank(QStringView s) { return s.trimmed().isEmpty(); }

qsizetype firstNonSpace(QStringView s, qsizetype from) {
    while (from < s.size() && s[from].isSpace()) ++from;
    return from;
}

qsizetype endWithoutTrailingSpace(QStringView s) {
    qsizetype end = s.size();
    while (end > 0 && s[end - 1].isSpace()) --end;
    return end;
}

// Parses the header block; returns the index of the first line after it (0 when there is none).
size_t parseHeader(const std::vector<Line>& lines, TurnDetector::HeaderLayout layout, HeaderFields& header) {
    size_t i = 0;
    while (i < lines.size() && isBlank(lines[i].text)) ++i;
    size_t next = 0;
    HeaderFields found;
    while (i < lines.size()) {
        const auto field = TranscriptHeader::parseLine(lines[i].text);
        if (!field) break;
        const bool repeated = std::any_of(found.begin(), found.end(),
                                          [&](const auto& f) { return f.first == field->first; });
        if (repeated) break;
        found.push_back(*field);
        next = ++i;
        if (layout == TurnDetector::HeaderLayout::Paragraphs)
            while (i < lines.size() && isBlank(lines[i].text)) ++i;
    }
    const bool onlyInterviewer = std::all_of(found.begin(), found.end(),
                                             [](const auto& f) { return f.first == u"Interviewer"; });
    if (onlyInterviewer) return 0;
    header = std::move(found);
    return next;
}

} // namespace

TurnDetector::TurnDetector(SpeakerMapping mapping, HeaderLayout layout)
    : m_mapping(std::move(mapping)), m_layout(layout) {}

DetectedTranscript TurnDetector::detect(const QString& text) const {
    DetectedTranscript result;
    const std::vector<Line> lines = splitLines(text);
    const size_t bodyStart = parseHeader(lines, m_layout, result.header);

    // Spans are collected in UTF-16 and converted to code points once at the end.
    struct Open {
        QString label;
        qsizetype start = -1; // first spoken character, -1 until one is seen
        qsizetype end = -1;
    };
    std::vector<Open> found;
    for (size_t i = bodyStart; i < lines.size(); ++i) {
        const Line& line = lines[i];
        qsizetype from = 0;
        if (const auto label = SpeakerLabel::match(line.text, m_mapping)) {
            found.push_back({label->label});
            from = label->textStart;
        } else if (found.empty()) {
            continue; // preamble before the first turn
        }
        Open& turn = found.back();
        const qsizetype first = firstNonSpace(line.text, from);
        if (first >= line.text.size()) continue;
        if (turn.start < 0) turn.start = line.start + first;
        turn.end = line.start + endWithoutTrailingSpace(line.text);
    }

    const TextOffsets offsets(text);
    for (const Open& turn : found) {
        if (turn.start < 0) continue;
        ImportedTurn t;
        t.start = offsets.codePointFromUtf16(turn.start);
        t.end = offsets.codePointFromUtf16(turn.end);
        t.speakerLabel = turn.label;
        t.isInterviewer = m_mapping.isInterviewer(turn.label);
        result.turns.push_back(std::move(t));
    }
    return result;
}

} // namespace warrant
