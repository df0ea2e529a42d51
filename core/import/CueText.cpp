#include "import/CueText.h"

#include "import/SpeakerLabel.h"

namespace warrant {

namespace {

// Name from "<v Name>" or "<v.class Name>"; `tag` is the text between '<' and '>'.
QString voiceName(QStringView tag) {
    qsizetype i = 1;
    while (i < tag.size() && !tag[i].isSpace()) ++i; // skip ".class" annotations
    return tag.sliced(i).trimmed().toString();
}

// Index of the '>' or '}' closing markup that starts at `i`, or -1 when `i` starts plain text.
// A '<' not followed by a letter, digit or '/' is a literal (SRT files are not always escaped).
qsizetype markupEnd(const QString& s, qsizetype i) {
    if (i + 1 >= s.size()) return -1;
    const QChar next = s[i + 1];
    if (s[i] == u'<' && (next.isLetterOrNumber() || next == u'/')) {
        const qsizetype close = s.indexOf(u'>', i);
        const qsizetype reopen = s.indexOf(u'<', i + 1);
        return (reopen >= 0 && reopen < close) ? -1 : close;
    }
    if (s[i] == u'{' && next == u'\\') return s.indexOf(u'}', i);
    return -1;
}

bool isVoiceTag(QStringView tag) {
    return tag.size() >= 1 && tag[0] == u'v' && (tag.size() == 1 || tag[1] == u'.' || tag[1].isSpace());
}

void addLines(std::vector<CueSegment>& out, const QString& speaker, const QString& raw,
              const SpeakerMapping& mapping) {
    const QString decoded = CueText::decodeEntities(raw);
    CueSegment current{speaker, QString()};
    auto flush = [&] {
        current.text = current.text.simplified();
        if (!current.text.isEmpty()) out.push_back(current);
    };
    for (const QString& line : decoded.split(u'\n')) {
        // Only voiceless text can name its speaker inline; inside <v> the tag decides.
        const auto label = speaker.isEmpty() ? SpeakerLabel::match(line, mapping) : std::nullopt;
        if (label) {
            flush();
            current = {label->label, line.mid(label->textStart)};
        } else {
            current.text += u' ' + line;
        }
    }
    flush();
}

} // namespace

std::vector<CueSegment> CueText::parse(const QString& payload, const SpeakerMapping& mapping) {
    std::vector<CueSegment> out;
    QString speaker;
    QString raw;
    qsizetype i = 0;
    while (i < payload.size()) {
        const QChar c = payload[i];
        const qsizetype close = markupEnd(payload, i);
        if (close < 0) {
            raw += c;
            ++i;
            continue;
        }
        const QStringView tag = QStringView(payload).sliced(i + 1, close - i - 1);
        if (c == u'<' && isVoiceTag(tag)) {
            addLines(out, speaker, raw, mapping);
            raw.clear();
            speaker = voiceName(tag);
        }
        i = close + 1;
    }
    addLines(out, speaker, raw, mapping);
    return out;
}

QString CueText::decodeEntities(const QString& text) {
    if (!text.contains(u'&')) return text;
    static const QList<std::pair<QString, QString>> named = {
        {QStringLiteral("amp"), QStringLiteral("&")},       {QStringLiteral("lt"), QStringLiteral("<")},
        {QStringLiteral("gt"), QStringLiteral(">")},        {QStringLiteral("quot"), QStringLiteral("\"")},
        {QStringLiteral("apos"), QStringLiteral("'")},      {QStringLiteral("nbsp"), QString(QChar(0xA0))},
        {QStringLiteral("lrm"), QString(QChar(0x200E))},    {QStringLiteral("rlm"), QString(QChar(0x200F))}};
    QString out;
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype semi = text.at(i) == u'&' ? text.indexOf(u';', i) : -1;
        if (semi > i + 1 && semi - i <= 10) {
            const QString name = text.mid(i + 1, semi - i - 1);
            QString replacement;
            if (name.startsWith(u'#')) {
                bool ok = false;
                const uint cp = name.startsWith(u"#x", Qt::CaseInsensitive) ? name.mid(2).toUInt(&ok, 16)
                                                                            : name.mid(1).toUInt(&ok, 10);
                if (ok && cp > 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) {
                    const char32_t ch = cp;
                    replacement = QString::fromUcs4(&ch, 1);
                }
            } else {
                for (const auto& [key, value] : named)
                    if (key == name) replacement = value;
            }
            if (!replacement.isEmpty()) {
                out += replacement;
                i = semi + 1;
                continue;
            }
        }
        out += text.at(i++);
    }
    return out;
}

} // namespace warrant
