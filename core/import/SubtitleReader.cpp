#include "import/SubtitleReader.h"

#include "import/CueText.h"
#include "import/TranscriptHeader.h"
#include "text/TextOffsets.h"

#include <QRegularExpression>

namespace warrant {

namespace {

struct Cue {
    qint64 startMs = 0;
    QString payload;
};

struct Parsed {
    HeaderFields header;
    std::vector<Cue> cues;
};

// Blocks are runs of non-blank lines.
std::vector<QStringList> splitBlocks(const QString& text) {
    std::vector<QStringList> blocks;
    QStringList current;
    for (const QString& line : text.split(u'\n')) {
        if (line.trimmed().isEmpty()) {
            if (!current.isEmpty()) blocks.push_back(current);
            current.clear();
        } else {
            current.append(line);
        }
    }
    if (!current.isEmpty()) blocks.push_back(current);
    return blocks;
}

bool startsWithKeyword(const QString& line, QStringView keyword) {
    return line.startsWith(keyword) && (line.size() == keyword.size() || line[keyword.size()].isSpace());
}

// A cue block: optional identifier line, timing line, payload. Returns false for anything else.
bool parseCue(const QStringList& block, Cue& cue) {
    const qsizetype timing = block[0].contains(u"-->") ? 0 : (block.size() > 1 && block[1].contains(u"-->")) ? 1 : -1;
    if (timing < 0) return false;
    const auto start = SubtitleReader::parseTimestamp(block[timing].section(QStringLiteral("-->"), 0, 0).trimmed());
    if (!start) return false;
    cue.startMs = *start;
    cue.payload = block.mid(timing + 1).join(u'\n');
    return true;
}

Result<Parsed> parse(const QString& text, SubtitleReader::Format format, const QString& fileName) {
    Parsed parsed;
    std::vector<QStringList> blocks = splitBlocks(text);
    size_t first = 0;
    if (format == SubtitleReader::Format::WebVtt) {
        if (blocks.empty() || !startsWithKeyword(blocks[0][0], u"WEBVTT"))
            return makeError(QStringLiteral("%1: not a WebVTT file (the first line must be WEBVTT)").arg(fileName));
        first = 1;
    }
    for (size_t b = first; b < blocks.size(); ++b) {
        QStringList& block = blocks[b];
        if (format == SubtitleReader::Format::WebVtt && startsWithKeyword(block[0], u"NOTE")) {
            if (!parsed.cues.empty()) continue;
            block[0] = block[0].mid(4).trimmed(); // "NOTE Participant: M7" is allowed too
            for (const QString& line : block)
                if (const auto field = TranscriptHeader::parseLine(line)) parsed.header.push_back(*field);
            continue;
        }
        if (format == SubtitleReader::Format::WebVtt &&
            (startsWithKeyword(block[0], u"STYLE") || startsWithKeyword(block[0], u"REGION")))
            continue;
        Cue cue;
        if (parseCue(block, cue)) parsed.cues.push_back(std::move(cue));
    }
    if (parsed.cues.empty()) return makeError(QStringLiteral("%1: no subtitle cues found").arg(fileName));
    return parsed;
}

struct Turn {
    QString speaker;
    QString text;
    qint64 startMs;
};

std::vector<Turn> mergeTurns(const std::vector<Cue>& cues, const SpeakerMapping& mapping) {
    std::vector<Turn> turns;
    QString current; // the last named speaker
    for (const Cue& cue : cues) {
        for (const CueSegment& segment : CueText::parse(cue.payload, mapping)) {
            const QString speaker = segment.speaker.isEmpty() ? current : segment.speaker;
            if (!turns.empty() && !speaker.isEmpty() && turns.back().speaker == speaker) {
                turns.back().text += u' ' + segment.text;
            } else {
                turns.push_back({speaker, segment.text, cue.startMs});
            }
            current = speaker;
        }
    }
    return turns;
}

} // namespace

Result<ImportedDocument> SubtitleReader::read(const QString& text, Format format, const QString& fileName,
                                              const SpeakerMapping& mapping) {
    auto parsed = parse(text, format, fileName);
    if (!parsed) return parsed.error();

    ImportedDocument doc;
    doc.format = format == Format::WebVtt ? QStringLiteral("vtt") : QStringLiteral("srt");
    doc.header = parsed->header;
    for (const auto& [key, value] : doc.header) doc.text += key + QStringLiteral(": ") + value + u'\n';
    if (!doc.header.empty()) doc.text += u'\n';

    // Spans in UTF-16 first; converted to code points once the text is complete.
    std::vector<std::pair<qsizetype, qsizetype>> spans;
    const std::vector<Turn> turns = mergeTurns(parsed->cues, mapping);
    for (size_t i = 0; i < turns.size(); ++i) {
        const Turn& turn = turns[i];
        if (i > 0) doc.text += QStringLiteral("\n\n");
        if (!turn.speaker.isEmpty()) doc.text += turn.speaker + QStringLiteral(": ");
        spans.emplace_back(doc.text.size(), doc.text.size() + turn.text.size());
        doc.text += turn.text;
        ImportedTurn imported;
        imported.speakerLabel = turn.speaker;
        imported.isInterviewer = !turn.speaker.isEmpty() && mapping.isInterviewer(turn.speaker);
        imported.mediaTimeMs = turn.startMs;
        doc.turns.push_back(imported);
    }
    doc.text += u'\n';

    const TextOffsets offsets(doc.text);
    for (size_t i = 0; i < doc.turns.size(); ++i) {
        doc.turns[i].start = offsets.codePointFromUtf16(spans[i].first);
        doc.turns[i].end = offsets.codePointFromUtf16(spans[i].second);
    }
    return doc;
}

std::optional<qint64> SubtitleReader::parseTimestamp(QStringView text) {
    static thread_local const QRegularExpression re(QStringLiteral("^(?:(\\d+):)?(\\d{1,2}):(\\d{2})[.,](\\d{1,3})$"));
    const auto m = re.match(text);
    if (!m.hasMatch()) return std::nullopt;
    const qint64 hours = m.capturedView(1).isEmpty() ? 0 : m.capturedView(1).toLongLong();
    const qint64 minutes = m.capturedView(2).toLongLong();
    const qint64 seconds = m.capturedView(3).toLongLong();
    if (minutes > 59 || seconds > 59) return std::nullopt;
    QString fraction = m.captured(4);
    while (fraction.size() < 3) fraction += u'0'; // "1,5" in sloppy SRT means 500 ms
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction.toLongLong();
}

} // namespace warrant
