#include "HitMarker.h"

#include "WordTokenizer.h"

namespace warrant {

std::vector<std::pair<qsizetype, qsizetype>> HitMarker::find(const QString& text) {
    std::vector<std::pair<qsizetype, qsizetype>> spans;
    if (m_spec.empty()) return spans;
    const std::vector<WordSpan> words = WordTokenizer::words(text);
    std::vector<std::string> terms;
    terms.reserve(words.size());
    for (const WordSpan& w : words) terms.push_back(WordTokenizer::term(QStringView(text).mid(w.start, w.end - w.start)));
    std::vector<bool> marked(words.size(), false);
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string& t = terms[i];
        if (m_spec.exact.count(t)) marked[i] = true;
        for (const std::string& p : m_spec.prefixes)
            if (t.compare(0, p.size(), p) == 0) marked[i] = true;
        for (const auto& phrase : m_spec.phrases) {
            if (i + phrase.size() > terms.size()) continue;
            bool all = true;
            for (size_t k = 0; k < phrase.size() && all; ++k) all = terms[i + k] == phrase[k];
            if (all)
                for (size_t k = 0; k < phrase.size(); ++k) marked[i + k] = true;
        }
    }
    // Adjacent marked words (a phrase) become one span.
    for (size_t i = 0; i < words.size(); ++i) {
        if (!marked[i]) continue;
        size_t j = i;
        while (j + 1 < words.size() && marked[j + 1] && words[j + 1].start - words[j].end <= 2) ++j;
        spans.emplace_back(words[i].start, words[j].end);
        i = j;
    }
    return spans;
}

QString HitMarker::snippet(const QString& text, const std::vector<std::pair<qsizetype, qsizetype>>& matches, int width) {
    qsizetype from = 0;
    if (!matches.empty()) from = std::max<qsizetype>(0, matches.front().first - width / 3);
    qsizetype to = std::min<qsizetype>(text.size(), from + width);
    // Cut at word boundaries.
    while (from > 0 && !text.at(from - 1).isSpace()) --from;
    while (to < text.size() && !text.at(to).isSpace()) ++to;
    QString out = from > 0 ? QStringLiteral("…") : QString();
    qsizetype at = from;
    for (const auto& [a, b] : matches) {
        if (b <= from || a >= to) continue;
        out += text.mid(at, std::max(from, a) - at);
        out += QStringLiteral("«") + text.mid(std::max(from, a), std::min(to, b) - std::max(from, a)) + QStringLiteral("»");
        at = std::min(to, b);
    }
    out += text.mid(at, to - at);
    if (to < text.size()) out += QStringLiteral("…");
    return out.simplified();
}

} // namespace warrant
