#include "trace/QuoteFragments.h"

#include "trace/NormalizedText.h"

#include <QRegularExpression>

namespace warrant {

std::vector<QuoteFragment> QuoteFragments::split(const QString& printed) {
    // "[sic]" vouches for the word before it: it hides nothing and stands for nothing.
    static const QRegularExpression sic(QStringLiteral("\\s*[\\[(]\\s*sic\\s*!?\\s*[\\])]"),
                                        QRegularExpression::CaseInsensitiveOption);
    const QString quote = QString(printed).replace(sic, QStringLiteral(" "));
    // Ellipses ("...", "…", ". . .") hide words; "[...]" and "(...)" are the editor's words that
    // stand for or clarify what the speaker said ("(and)", "(the opportunity)", "(?)").
    static const QRegularExpression cut(QStringLiteral("(\\.\\s?\\.\\s?\\.+|…)|(\\[[^\\]]*\\])|(\\([^\\)]*\\))"));
    std::vector<QuoteFragment> fragments;
    QuoteFragment::GapBefore gap = QuoteFragment::GapBefore::None;
    qsizetype at = 0;
    auto push = [&](const QString& piece) {
        if (NormalizedText::of(piece).text.trimmed().isEmpty()) return;
        fragments.push_back({piece.trimmed(), fragments.empty() ? QuoteFragment::GapBefore::None : gap});
        gap = QuoteFragment::GapBefore::None;
    };
    for (auto it = cut.globalMatch(quote); it.hasNext();) {
        const auto m = it.next();
        push(quote.mid(at, m.capturedStart() - at));
        const auto kind = m.capturedLength(1) > 0 ? QuoteFragment::GapBefore::Ellipsis : QuoteFragment::GapBefore::Insertion;
        // An ellipsis next to an insertion allows the longer gap.
        if (gap != QuoteFragment::GapBefore::Ellipsis) gap = kind;
        at = m.capturedEnd();
    }
    push(quote.mid(at));
    return fragments;
}

int QuoteFragments::wordCount(const std::vector<QuoteFragment>& fragments) {
    int words = 0;
    for (const QuoteFragment& f : fragments)
        words += int(NormalizedText::of(f.text).text.split(u' ', Qt::SkipEmptyParts).size());
    return words;
}

} // namespace warrant
