#include "trace/SpellingTolerance.h"

#include <QHash>
#include <QRegularExpression>
#include <algorithm>
#include <vector>

namespace warrant {

namespace {

// Hesitations and discourse fillers transcribers write down; a quotation may leave them out.
const QSet<QString>& hesitations() {
    static const QSet<QString> words = {QStringLiteral("um"),  QStringLiteral("umm"), QStringLiteral("uh"),
                                        QStringLiteral("uhm"), QStringLiteral("er"),  QStringLiteral("erm"),
                                        QStringLiteral("ah"),  QStringLiteral("eh"),  QStringLiteral("hmm"),
                                        QStringLiteral("mm"),  QStringLiteral("mhm"), QStringLiteral("huh")};
    return words;
}

// Two-word fillers: "you know", "I mean", "sort of", "kind of".
bool fillerPhrase(const QString& first, const QString& second) {
    return (first == QStringLiteral("you") && second == QStringLiteral("know")) ||
           (first == QStringLiteral("i") && second == QStringLiteral("mean")) ||
           ((first == QStringLiteral("sort") || first == QStringLiteral("kind")) &&
            second == QStringLiteral("of"));
}

// The run without fillers, stammered repeats and filler phrases.
QStringList withoutFillers(const QStringList& run, const QString& before, const QString& after) {
    QStringList out;
    for (qsizetype i = 0; i < run.size(); ++i) {
        const QString& w = run[i];
        if (hesitations().contains(w)) continue;
        if (i + 1 < run.size() && fillerPhrase(w, run[i + 1])) {
            ++i;
            continue;
        }
        const QString& previous = out.isEmpty() ? before : out.back();
        const QString& next = i + 1 < run.size() ? run[i + 1] : after;
        if (w == previous || w == next) continue; // "we we were": a stammer
        out << w;
    }
    return out;
}

// Spellings that differ between British and American English and follow no suffix rule, or
// whose two forms both appear in both word lists.
const QHash<QString, QString>& regionalPairs() {
    static const QHash<QString, QString> pairs = [] {
        const char* list[][2] = {
            {"programme", "program"},    {"programmes", "programs"},    {"grey", "gray"},
            {"manoeuvre", "maneuver"},   {"manoeuvres", "maneuvers"},   {"plough", "plow"},
            {"mould", "mold"},           {"aluminium", "aluminum"},     {"sceptical", "skeptical"},
            {"sceptic", "skeptic"},      {"towards", "toward"},         {"amongst", "among"},
            {"whilst", "while"},         {"learnt", "learned"},         {"spelt", "spelled"},
            {"burnt", "burned"},         {"dreamt", "dreamed"},         {"judgement", "judgment"},
            {"judgements", "judgments"}, {"enquiry", "inquiry"},        {"enquiries", "inquiries"},
            {"ageing", "aging"},         {"practise", "practice"},      {"practised", "practiced"},
            {"licence", "license"},      {"defence", "defense"},        {"offence", "offense"},
            {"cheque", "check"},         {"catalogue", "catalog"},      {"dialogue", "dialog"},
            {"analogue", "analog"},      {"orthopaedic", "orthopedic"}, {"paediatric", "pediatric"}};
        QHash<QString, QString> map;
        for (const auto& pair : list) {
            map.insert(QString::fromLatin1(pair[0]), QString::fromLatin1(pair[1]));
            map.insert(QString::fromLatin1(pair[1]), QString::fromLatin1(pair[0]));
        }
        return map;
    }();
    return pairs;
}

// One spelling for words that British and American English spell differently by rule
// (-ise/-ize, -our/-or, -re/-er, -ogue/-og, -ence/-ense, doubled l, ae/oe).
QString regionalKey(QString w) {
    static const QRegularExpression isation(QStringLiteral("isation"));
    static const QRegularExpression ise(QStringLiteral("is(e|ed|es|ing|er|ers|able)$"));
    static const QRegularExpression yse(QStringLiteral("ys(e|ed|es|ing|er|ers)$"));
    static const QRegularExpression our(QStringLiteral("(?<=[a-z]{3})our"));
    static const QRegularExpression tre(QStringLiteral("tre(s|d)?$"));
    static const QRegularExpression ogue(QStringLiteral("ogue(s)?$"));
    static const QRegularExpression ence(QStringLiteral("ence(s)?$"));
    w.replace(isation, QStringLiteral("ization"));
    w.replace(ise, QStringLiteral("iz\\1"));
    w.replace(yse, QStringLiteral("yz\\1"));
    w.replace(our, QStringLiteral("or"));
    w.replace(tre, QStringLiteral("ter\\1"));
    w.replace(ogue, QStringLiteral("og\\1"));
    w.replace(ence, QStringLiteral("ense\\1"));
    w.replace(QStringLiteral("dgement"), QStringLiteral("dgment"));
    w.replace(QStringLiteral("ll"), QStringLiteral("l"));
    w.replace(QStringLiteral("ae"), QStringLiteral("e"));
    w.replace(QStringLiteral("oe"), QStringLiteral("e"));
    return w;
}

bool hasDigit(const QString& w) {
    return std::any_of(w.begin(), w.end(), [](QChar c) { return c.isDigit(); });
}

const QHash<QString, int>& numberWords() {
    static const QHash<QString, int> words = [] {
        const char* units[] = {"zero",    "one",     "two",       "three",    "four",
                               "five",    "six",     "seven",     "eight",    "nine",
                               "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                               "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
        const char* tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        QHash<QString, int> map;
        for (int i = 0; i < 20; ++i)
            map.insert(QString::fromLatin1(units[i]), i);
        for (int i = 0; i < 8; ++i)
            map.insert(QString::fromLatin1(tens[i]), 20 + 10 * i);
        return map;
    }();
    return words;
}

qint64 scaleOf(const QString& w) {
    if (w == QStringLiteral("hundred")) return 100;
    if (w == QStringLiteral("thousand")) return 1000;
    if (w == QStringLiteral("million")) return 1000000;
    if (w == QStringLiteral("billion")) return 1000000000;
    return 0;
}

bool isNumberWord(const QString& w) {
    return hasDigit(w) || numberWords().contains(w) || scaleOf(w) > 0;
}

} // namespace

SpellingTolerance::SpellingTolerance(const Dictionary& dictionary, CorpusWords corpusWords,
                                     QSet<QString> names)
    : m_dictionary(dictionary), m_corpusWords(std::move(corpusWords)), m_names(std::move(names)) {}

bool SpellingTolerance::isFiller(const QString& folded) {
    return hesitations().contains(folded);
}

QString SpellingTolerance::formName(Form form) {
    switch (form) {
    case Form::Same:
        return QStringLiteral("same");
    case Form::Filler:
        return QStringLiteral("fillers");
    case Form::Hyphenation:
        return QStringLiteral("hyphenation");
    case Form::Numeral:
        return QStringLiteral("numerals");
    case Form::RegionalSpelling:
        return QStringLiteral("British/American spelling");
    case Form::Misspelling:
        return QStringLiteral("misspelling");
    case Form::Content:
        return QStringLiteral("content");
    }
    return {};
}

int SpellingTolerance::editDistance(const QString& a, const QString& b) {
    const qsizetype n = a.size(), m = b.size();
    std::vector<std::vector<int>> d(size_t(n + 1), std::vector<int>(size_t(m + 1)));
    for (qsizetype i = 0; i <= n; ++i)
        d[size_t(i)][0] = int(i);
    for (qsizetype j = 0; j <= m; ++j)
        d[0][size_t(j)] = int(j);
    for (qsizetype i = 1; i <= n; ++i)
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int best = std::min({d[size_t(i - 1)][size_t(j)] + 1, d[size_t(i)][size_t(j - 1)] + 1,
                                 d[size_t(i - 1)][size_t(j - 1)] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                best = std::min(best, d[size_t(i - 2)][size_t(j - 2)] + 1);
            d[size_t(i)][size_t(j)] = best;
        }
    return d[size_t(n)][size_t(m)];
}

std::optional<qint64> SpellingTolerance::numberValue(const QStringList& words) {
    if (words.isEmpty()) return std::nullopt;
    static const QRegularExpression digits(QStringLiteral("^\\d+$"));
    // Numerals, with thousands separated as normalisation leaves them: "10 000".
    if (std::all_of(words.begin(), words.end(),
                    [](const QString& w) { return digits.match(w).hasMatch(); })) {
        for (qsizetype i = 1; i < words.size(); ++i)
            if (words[i].size() != 3) return std::nullopt;
        return words.join(QString()).toLongLong();
    }
    qint64 total = 0, current = 0;
    bool any = false;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString& w = words[i];
        if (digits.match(w).hasMatch()) {
            current += w.toLongLong();
        } else if (auto it = numberWords().find(w); it != numberWords().end()) {
            current += *it;
        } else if (const qint64 scale = scaleOf(w); scale == 100) {
            current = (current == 0 ? 1 : current) * 100;
        } else if (scale > 0) {
            total += (current == 0 ? 1 : current) * scale;
            current = 0;
        } else if ((w == QStringLiteral("and") && any) ||
                   (w == QStringLiteral("a") && i + 1 < words.size() && scaleOf(words[i + 1]) > 0)) {
            continue;
        } else {
            return std::nullopt;
        }
        any = true;
    }
    if (!any) return std::nullopt;
    return total + current;
}

QSet<QString> SpellingTolerance::capitalisedWords(const QString& text) {
    QSet<QString> names;
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{M}'\u2019]+"));
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString w = m.captured(0);
        if (!w.at(0).isUpper()) continue;
        // A sentence (or a speaker's turn, or the text) starts here when what comes before, past
        // spaces, quotation marks and brackets, ends a sentence.
        qsizetype at = m.capturedStart() - 1;
        while (at >= 0 && (text.at(at) == u' ' || text.at(at) == u'\t' ||
                           QStringLiteral("\"'\u2018\u2019\u201C\u201D([").contains(text.at(at))))
            --at;
        const bool sentenceStart = at < 0 || QStringLiteral(".?!:;\u2026\n").contains(text.at(at));
        if (!sentenceStart) names.insert(QString(w).replace(u'\u2019', u'\'').toCaseFolded());
    }
    return names;
}

bool SpellingTolerance::negated(const QString& w) {
    static const QSet<QString> negations = {
        QStringLiteral("not"),     QStringLiteral("no"),       QStringLiteral("never"),
        QStringLiteral("none"),    QStringLiteral("nothing"),  QStringLiteral("nobody"),
        QStringLiteral("nowhere"), QStringLiteral("neither"),  QStringLiteral("nor"),
        QStringLiteral("cannot"),  QStringLiteral("without"),  QStringLiteral("hardly"),
        QStringLiteral("barely"),  QStringLiteral("scarcely"), QStringLiteral("dont"),
        QStringLiteral("cant"),    QStringLiteral("wont"),     QStringLiteral("isnt"),
        QStringLiteral("wasnt"),   QStringLiteral("doesnt"),   QStringLiteral("didnt"),
        QStringLiteral("couldnt"), QStringLiteral("wouldnt"),  QStringLiteral("shouldnt"),
        QStringLiteral("arent"),   QStringLiteral("werent"),   QStringLiteral("hasnt"),
        QStringLiteral("havent"),  QStringLiteral("hadnt"),    QStringLiteral("aint")};
    return negations.contains(w) || w.endsWith(QStringLiteral("n't"));
}

bool SpellingTolerance::regionalPair(const Dictionary& dictionary, const QString& a, const QString& b) {
    if (auto it = regionalPairs().find(a); it != regionalPairs().end() && *it == b) return true;
    if (!dictionary.knows(a) || !dictionary.knows(b) || regionalKey(a) != regionalKey(b)) return false;
    // Both words, spelled alike by rule, and at home in different spelling systems.
    return dictionary.american(a) != dictionary.american(b) || dictionary.british(a) != dictionary.british(b);
}

bool SpellingTolerance::isName(const QString& w) const {
    return m_names.contains(w) || m_dictionary.properNoun(w);
}

bool SpellingTolerance::realWord(const QString& w) {
    if (m_dictionary.knows(w)) return true;
    if (!m_corpusWords || m_error) return true;
    auto used = m_corpusWords(w);
    if (!used) {
        m_error = used.error();
        return true;
    }
    return *used;
}

namespace {

// "agency's" → ("agency", "'s"), "couldn't" → ("could", "n't"): a clitic is judged apart from
// its word, so "three's" is the number three and "urgency's" the word urgency.
std::pair<QString, QString> splitClitic(const QString& w) {
    static const QRegularExpression clitic(
        QStringLiteral("^(.+?)(n['\u2019]t|['\u2019](?:s|re|ve|ll|d|m))$"));
    if (const auto m = clitic.match(w); m.hasMatch())
        return {m.captured(1), QString(m.captured(2)).replace(u'\u2019', u'\'')};
    return {w, {}};
}

} // namespace

SpellingTolerance::Form SpellingTolerance::judgePair(const QString& printed, const QString& said) {
    if (printed == said) return Form::Same;
    const auto [printedWord, printedClitic] = splitClitic(printed);
    const auto [saidWord, saidClitic] = splitClitic(said);
    if (!printedClitic.isEmpty() || !saidClitic.isEmpty()) {
        if (printedClitic != saidClitic) return Form::Content; // "it's" / "its", "can't" / "can"
        return judgePair(printedWord, saidWord);
    }
    if (isNumberWord(printed) || isNumberWord(said)) {
        const auto a = numberValue({printed}), b = numberValue({said});
        return a && b && *a == *b ? Form::Numeral : Form::Content;
    }
    if (negated(printed) != negated(said)) return Form::Content;
    if (isName(printed) || isName(said)) return Form::Content;
    if (regionalPair(m_dictionary, printed, said)) return Form::RegionalSpelling;
    const int distance = editDistance(printed, said);
    // The printed word is no word at all: a slip of the keyboard.
    const int allowed = said.size() >= 8 ? 2 : 1;
    if (std::min(printed.size(), said.size()) >= 3 && distance <= allowed && !realWord(printed))
        return Form::Misspelling;
    // The transcript has the slip and the quotation corrects it.
    if (said.size() >= 5 && distance <= 1 && m_dictionary.knows(printed) && !m_dictionary.knows(said))
        return Form::Misspelling;
    return Form::Content;
}

SpellingTolerance::Form SpellingTolerance::judge(const QStringList& printed, const QStringList& said,
                                                 const QString& before, const QString& after) {
    const QStringList p = withoutFillers(printed, before, after);
    const QStringList s = withoutFillers(said, before, after);
    if (p.isEmpty() && s.isEmpty()) return Form::Filler;
    if (!p.isEmpty() && p.join(QString()) == s.join(QString())) return Form::Hyphenation;
    const bool numeric =
        std::any_of(p.begin(), p.end(), isNumberWord) || std::any_of(s.begin(), s.end(), isNumberWord);
    if (numeric) {
        // "10 000" / "ten thousand", "twenty two" / "22": one number, however many words.
        const auto a = numberValue(p), b = numberValue(s);
        if (a && b) return *a == *b ? Form::Numeral : Form::Content;
        if (p.size() != s.size()) return Form::Content;
    }
    if (p.size() != s.size()) return Form::Content;
    Form worst = Form::Same;
    for (qsizetype i = 0; i < p.size(); ++i) {
        const Form f = judgePair(p[i], s[i]);
        if (f == Form::Content) return Form::Content;
        worst = std::max(worst, f);
    }
    return worst == Form::Same ? Form::Filler : worst;
}

} // namespace warrant
