// Property: a quotation with one content word replaced by another real word is never passed as
// verbatim or near-verbatim, whatever the word, the quotation's length or how close the letters
// are. Quotations are cut from what participants of the sample corpus said; each trial replaces
// one of its words with a word of the corpus vocabulary, half of them one or two letters away.

#include "IndexCandidateFinder.h"
#include "SampleProjects.h"
#include "SearchIndex.h"
#include "store/Project.h"
#include "trace/NormalizedText.h"
#include "trace/QuoteChecker.h"
#include "trace/QuoteVerifier.h"
#include "trace/TurnTexts.h"

#include <QRegularExpression>
#include <QSet>
#include <catch2/catch.hpp>
#include <map>
#include <random>

using namespace warrant;

namespace {

constexpr int kTrials = 10000;

struct Word {
    qsizetype start;
    qsizetype end;
};

// Function words and transcription fillers are left alone: the property is about content words.
const QSet<QString>& notContent() {
    static const QSet<QString> words = {
        QStringLiteral("the"),  QStringLiteral("and"),  QStringLiteral("but"),  QStringLiteral("for"),
        QStringLiteral("that"), QStringLiteral("this"), QStringLiteral("with"), QStringLiteral("was"),
        QStringLiteral("were"), QStringLiteral("are"),  QStringLiteral("you"),  QStringLiteral("they"),
        QStringLiteral("them"), QStringLiteral("its"),  QStringLiteral("our"),  QStringLiteral("his"),
        QStringLiteral("her"),  QStringLiteral("not"),  QStringLiteral("from"), QStringLiteral("have"),
        QStringLiteral("had"),  QStringLiteral("has"),  QStringLiteral("into"), QStringLiteral("than"),
        QStringLiteral("then"), QStringLiteral("erm"),  QStringLiteral("umm"),  QStringLiteral("uhm"),
        QStringLiteral("mean"), QStringLiteral("know"), QStringLiteral("sort"), QStringLiteral("kind"),
        QStringLiteral("yeah"), QStringLiteral("well"), QStringLiteral("like")};
    return words;
}

int levenshtein(const QString& a, const QString& b) {
    std::vector<int> row(size_t(b.size() + 1));
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[size_t(j)] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int up = row[size_t(j)];
            row[size_t(j)] =
                std::min({up + 1, row[size_t(j - 1)] + 1, diagonal + (a.at(i - 1) == b.at(j - 1) ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[size_t(b.size())];
}

// The same word in another spelling system: not a change of content (the audit may tolerate it).
bool spellingVariant(QString a, QString b) {
    if (a.endsWith(u's') && b.endsWith(u's')) {
        a.chop(1);
        b.chop(1);
    }
    static const std::vector<std::pair<QString, QString>> endings = {
        {QStringLiteral("ise"), QStringLiteral("ize")},
        {QStringLiteral("ised"), QStringLiteral("ized")},
        {QStringLiteral("ising"), QStringLiteral("izing")},
        {QStringLiteral("isation"), QStringLiteral("ization")},
        {QStringLiteral("our"), QStringLiteral("or")},
        {QStringLiteral("tre"), QStringLiteral("ter")},
        {QStringLiteral("yse"), QStringLiteral("yze")},
        {QStringLiteral("ogue"), QStringLiteral("og")},
        {QStringLiteral("ence"), QStringLiteral("ense")},
        {QStringLiteral("lled"), QStringLiteral("led")},
        {QStringLiteral("lling"), QStringLiteral("ling")},
        {QStringLiteral("ll"), QStringLiteral("l")}};
    for (const auto& [british, american] : endings) {
        auto stem = [](const QString& w, const QString& end) {
            return w.endsWith(end) ? w.chopped(end.size()) : QString();
        };
        const QString ab = stem(a, british), ba = stem(b, american), aa = stem(a, american),
                      bb = stem(b, british);
        if ((!ab.isEmpty() && ab == ba) || (!aa.isEmpty() && aa == bb)) return true;
    }
    return false;
}

// Transcribers' notes such as "[laughs]" or "(pause)": a quotation prints them as the editor's.
bool insideBrackets(const QString& text, qsizetype at) {
    const qsizetype open = std::max(text.lastIndexOf(u'[', at), text.lastIndexOf(u'(', at));
    if (open < 0) return false;
    const qsizetype close = std::max(text.lastIndexOf(u']', at), text.lastIndexOf(u')', at));
    return close < open;
}

class Trials {
  public:
    explicit Trials(TurnTexts& turns) : m_rng(20261207) {
        // Whole words, contractions and possessives included ("couldn't" is one word, not "couldn").
        static const QRegularExpression word(QStringLiteral("\\p{L}+(?:['\u2019]\\p{L}+)*"),
                                             QRegularExpression::UseUnicodePropertiesOption);
        QSet<QString> vocabulary;
        for (const QString& code : turns.participants())
            for (const TurnText* t : turns.spokenBy(code)) {
                std::vector<Word> words;
                for (auto it = word.globalMatch(t->text); it.hasNext();) {
                    const auto m = it.next();
                    if (insideBrackets(t->text, m.capturedStart())) continue; // "[laughs]" is no one's words
                    words.push_back({m.capturedStart(), m.capturedEnd()});
                    const QString w = m.captured(0).toLower();
                    if (w.size() >= 3 && !w.contains(u'\'') && !w.contains(u'\u2019')) vocabulary.insert(w);
                }
                if (words.size() >= 8) m_turns.push_back({t, std::move(words)});
            }
        m_vocabulary = QStringList(vocabulary.begin(), vocabulary.end());
        m_vocabulary.sort();
    }

    struct Trial {
        const TurnText* turn = nullptr;
        QString quote;
        QString printed;
        QString said;
    };

    // One quotation of 4 to 40 words from one turn with one content word replaced.
    Trial next(bool nearLetter) {
        for (;;) {
            const auto& [turn, words] = m_turns[pick(m_turns.size())];
            const size_t length = std::min(words.size(), 4 + pick(37));
            const size_t first = pick(words.size() - length + 1);
            const size_t changed = first + pick(length);
            const QString said =
                turn->text.mid(words[changed].start, words[changed].end - words[changed].start);
            if (said.size() < 3 || notContent().contains(said.toLower()) || said.contains(u'\'') ||
                said.contains(u'\u2019'))
                continue;
            const QString replacement = replacementFor(said.toLower(), nearLetter);
            if (replacement.isEmpty()) continue;
            QString printed = replacement;
            if (said.at(0).isUpper()) printed[0] = printed.at(0).toUpper();
            const qsizetype from = words[first].start, to = words[first + length - 1].end;
            QString quote = turn->text.mid(from, to - from);
            quote.replace(words[changed].start - from, said.size(), printed);
            if (saidSomewhere(quote)) continue; // the new words happen to be real words of the turn's speaker
            return {turn, quote, printed, said};
        }
    }

  private:
    size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(m_rng); }

    QString replacementFor(const QString& said, bool nearLetter) {
        if (!nearLetter) {
            const QString w = m_vocabulary.at(qsizetype(pick(size_t(m_vocabulary.size()))));
            return acceptable(said, w) ? w : QString();
        }
        auto cached = m_near.find(said);
        if (cached == m_near.end()) {
            QStringList near;
            for (const QString& w : m_vocabulary)
                if (std::abs(w.size() - said.size()) <= 2 && levenshtein(w, said) <= 2 && acceptable(said, w))
                    near << w;
            cached = m_near.emplace(said, near).first;
        }
        if (cached->second.isEmpty()) return {};
        return cached->second.at(qsizetype(pick(size_t(cached->second.size()))));
    }

    static bool acceptable(const QString& said, const QString& w) {
        return w != said && !notContent().contains(w) && !spellingVariant(said, w) &&
               !spellingVariant(w, said);
    }

    bool saidSomewhere(const QString& quote) const {
        const QString wanted = NormalizedText::of(quote).text;
        for (const auto& [turn, words] : m_turns)
            if (turn->normalized.text.contains(wanted)) return true;
        return false;
    }

    std::mt19937_64 m_rng;
    std::vector<std::pair<const TurnText*, std::vector<Word>>> m_turns;
    QStringList m_vocabulary;
    std::map<QString, QStringList> m_near;
};

} // namespace

TEST_CASE("No single-word substitution into a real quotation passes as verbatim or near-verbatim",
          "[audit][integrity][property]") {
    const QString path = test::sharedSampleProject();
    auto project = Project::open(path, Project::Mode::ReadOnly);
    REQUIRE(project.ok());
    SearchIndex index(SearchIndex::locationFor(path));
    REQUIRE(index.open(**project).ok());
    IndexCandidateFinder finder(index);
    TurnTexts turns(**project);
    QuoteVerifier verifier(turns, &finder, QuoteChecker::corpusWords(**project, &finder));
    Trials trials(turns);

    QStringList passed;
    std::map<QString, int> verdicts;
    for (int i = 0; i < kTrials; ++i) {
        const Trials::Trial t = trials.next(i % 2 == 0);
        auto result = verifier.verify(t.quote, {t.turn->participant});
        REQUIRE(result.ok());
        verdicts[quoteVerdictName(result->verdict)] += 1;
        if (result->verdict == QuoteVerdict::Verbatim || result->verdict == QuoteVerdict::NearVerbatim) {
            passed << QStringLiteral("%1 said '%2', printed '%3': %4 → %5 (%6)")
                          .arg(t.turn->participant, t.said, t.printed, t.quote,
                               quoteVerdictName(result->verdict), result->explanation);
        }
    }
    QStringList counts;
    for (const auto& [verdict, n] : verdicts)
        counts << QStringLiteral("%1 %2").arg(n).arg(verdict);
    INFO("verdicts: " << counts.join(QStringLiteral(", ")).toStdString());
    INFO(passed.mid(0, 40).join(u'\n').toStdString());
    CHECK(passed.size() == 0);
}
