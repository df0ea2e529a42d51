#include <catch2/catch.hpp>

#include "CorpusTranscripts.h"
#include "TestPaths.h"
#include "import/FileImporter.h"
#include "trace/CitationParser.h"
#include "trace/FragmentMatcher.h"
#include "trace/QuoteExtractor.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace warrant;

// These tests read the sample corpus files only: they prove the planted defects are really
// there and that everything else in the manuscript is genuine, independently of the auditor.
namespace {

QString readFile(const QString& relative) {
    QFile f(test::sourcePath(relative));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QString::fromUtf8(f.readAll());
}

QJsonArray defects() {
    const auto doc = QJsonDocument::fromJson(readFile(QStringLiteral("sample_corpus/expected/planted-defects.json")).toUtf8());
    return doc.object().value(QStringLiteral("defects")).toArray();
}

QStringList strings(const QJsonValue& v) {
    QStringList out;
    for (const QJsonValue& s : v.toArray()) out << s.toString();
    return out;
}

bool saidBy(const CorpusTranscripts& corpus, const QString& code, const QString& quote) {
    const auto fragments = QuoteFragments::split(quote);
    for (const CorpusTurn* turn : corpus.spokenBy(code))
        if (FragmentMatcher::find(fragments, turn->normalized)) return true;
    return false;
}

bool saidByAnyone(const CorpusTranscripts& corpus, const QString& quote, bool interviewer) {
    const auto fragments = QuoteFragments::split(quote);
    for (const CorpusTurn& turn : corpus.turns())
        if (turn.interviewer == interviewer && FragmentMatcher::find(fragments, turn.normalized)) return true;
    return false;
}

// Normalised comparison, so curly and straight quote marks do not matter.
bool sameQuote(const QString& a, const QString& b) { return NormalizedText::of(a).text == NormalizedText::of(b).text; }

} // namespace

TEST_CASE("The sample manuscript is substantial and cites in the study's style", "[corpus][manuscript]") {
    const QString md = readFile(QStringLiteral("sample_corpus/manuscript/findings-chapter.md"));
    const int words = int(md.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).size());
    CHECK(words >= 2500);
    CHECK(words <= 4200);
    const CitationParser parser(CorpusTranscripts::load().participants());
    int interviewCitations = 0;
    for (const Citation& c : parser.parseAll(md)) interviewCitations += c.isInterview() ? 1 : 0;
    CHECK(interviewCitations >= 40);
    for (const char* form : {"(interview, R8; R10)", "(interview, A1, 3, 9)", "(interview, I3, 4, 6; A5)",
                             "(interview, P.C.; R8; Conlin, 2006)", "\ninterview, P.C"})
        CHECK(md.contains(QString::fromUtf8(form)));
    const auto quotes = QuoteExtractor(parser).extract(md);
    int interviewQuotes = 0, blocks = 0;
    for (const ExtractedQuote& q : quotes) {
        if (q.citation && q.citation->isInterview()) ++interviewQuotes;
        blocks += q.block ? 1 : 0;
    }
    CHECK(interviewQuotes >= 15);
    CHECK(blocks >= 2);
}

TEST_CASE("Every quote in the manuscript is genuine except the planted ones, which are really defective",
          "[corpus][manuscript]") {
    const CorpusTranscripts& corpus = CorpusTranscripts::load();
    REQUIRE(corpus.loadError.isEmpty());
    const QString md = readFile(QStringLiteral("sample_corpus/manuscript/findings-chapter.md"));
    const CitationParser parser(corpus.participants());
    const auto quotes = QuoteExtractor(parser).extract(md);
    const QJsonArray planted = defects();

    int genuine = 0;
    QStringList plantedSeen;
    for (const ExtractedQuote& q : quotes) {
        if (!q.citation || q.citation->participants.isEmpty()) continue;
        const QJsonObject* defect = nullptr;
        QJsonObject found;
        for (const QJsonValue& d : planted)
            if (sameQuote(d.toObject().value(QStringLiteral("quote")).toString(), q.text)) {
                found = d.toObject();
                defect = &found;
            }
        INFO("quote: " << q.text.toStdString() << " — " << q.citation->text.toStdString());
        if (!defect) {
            bool ok = false;
            for (const QString& code : q.citation->participants) ok = ok || saidBy(corpus, code, q.text);
            CHECK(ok);
            ++genuine;
            continue;
        }
        const QString kind = defect->value(QStringLiteral("kind")).toString();
        plantedSeen << defect->value(QStringLiteral("id")).toString();
        const QStringList cited = strings(defect->value(QStringLiteral("cited")));
        CHECK(q.citation->participants == cited);
        for (const QString& code : cited) CHECK_FALSE(saidBy(corpus, code, q.text));
        const QString original = defect->value(QStringLiteral("original")).toString();
        if (kind == QStringLiteral("misattributed")) {
            CHECK(saidBy(corpus, defect->value(QStringLiteral("actual_speaker")).toString(), q.text));
        } else if (kind == QStringLiteral("altered")) {
            CHECK(saidBy(corpus, cited.front(), original));
            const QJsonObject word = defect->value(QStringLiteral("changed_word")).toObject();
            CHECK(q.text.contains(word.value(QStringLiteral("printed")).toString()));
            CHECK(original.contains(word.value(QStringLiteral("original")).toString()));
        } else if (kind == QStringLiteral("fabricated")) {
            CHECK_FALSE(saidByAnyone(corpus, q.text, false));
            CHECK_FALSE(saidByAnyone(corpus, q.text, true));
        } else if (kind == QStringLiteral("spliced")) {
            const QStringList parts = original.split(QStringLiteral(" | "));
            REQUIRE(parts.size() == 2);
            int firstTurn = 0, secondTurn = 0;
            for (const CorpusTurn* turn : corpus.spokenBy(cited.front())) {
                if (FragmentMatcher::find(QuoteFragments::split(parts[0]), turn->normalized)) firstTurn = turn->number;
                if (FragmentMatcher::find(QuoteFragments::split(parts[1]), turn->normalized)) secondTurn = turn->number;
            }
            CHECK(firstTurn > 0);
            CHECK(secondTurn > 0);
            CHECK(firstTurn != secondTurn);
        } else if (kind == QStringLiteral("interviewer_words")) {
            CHECK(saidByAnyone(corpus, q.text, true));
        } else {
            FAIL("unexpected quote defect kind " << kind.toStdString());
        }
    }
    plantedSeen.sort();
    CHECK(plantedSeen == QStringList({QStringLiteral("D1"), QStringLiteral("D2"), QStringLiteral("D3"), QStringLiteral("D4"),
                                      QStringLiteral("D5"), QStringLiteral("D6"), QStringLiteral("D7")}));
    CHECK(genuine >= 15);
}

TEST_CASE("The planted unsupported claims and the overclaim are really there", "[corpus][manuscript]") {
    const CorpusTranscripts& corpus = CorpusTranscripts::load();
    const QString md = readFile(QStringLiteral("sample_corpus/manuscript/findings-chapter.md"));
    const CitationParser parser(corpus.participants());
    int claims = 0;
    for (const QJsonValue& v : defects()) {
        const QJsonObject d = v.toObject();
        const QString kind = d.value(QStringLiteral("kind")).toString();
        if (kind != QStringLiteral("unsupported_claim") && kind != QStringLiteral("quantifier_overclaim")) continue;
        ++claims;
        const QString excerpt = d.value(QStringLiteral("claim_excerpt")).toString();
        INFO(excerpt.toStdString());
        const qsizetype at = md.indexOf(excerpt);
        REQUIRE(at >= 0);
        CHECK(md.indexOf(excerpt, at + 1) < 0);
        // The claim's sentence carries a citation of exactly the named participants.
        const qsizetype sentenceEnd = md.indexOf(QRegularExpression(QStringLiteral("[.!?](\\s|$)")), at + excerpt.size());
        QStringList cited;
        for (const Citation& c : parser.parseAll(md.mid(at, sentenceEnd - at + 1))) cited << c.participants;
        CHECK(cited == strings(d.value(QStringLiteral("cited"))));
        if (kind == QStringLiteral("unsupported_claim")) {
            for (const QString& code : cited)
                for (const CorpusTurn* turn : corpus.spokenBy(code))
                    for (const QString& term : strings(d.value(QStringLiteral("absent_terms"))))
                        CHECK_FALSE(turn->text.contains(term, Qt::CaseInsensitive));
        } else {
            CHECK(excerpt.startsWith(d.value(QStringLiteral("quantifier")).toString()));
            // "Almost all" of 35 interviewees, yet only a handful support it.
            CHECK(strings(d.value(QStringLiteral("supporting_participants"))).size() <= 3);
            CHECK(corpus.participants().size() >= 35);
        }
    }
    CHECK(claims == 3);
}

TEST_CASE("The manuscript's .docx carries the same text as its Markdown", "[corpus][manuscript]") {
    auto docx = FileImporter::importFile(test::sourcePath(QStringLiteral("sample_corpus/manuscript/findings-chapter.docx")));
    REQUIRE(docx.ok());
    const QString md = readFile(QStringLiteral("sample_corpus/manuscript/findings-chapter.md"));
    for (const QJsonValue& v : defects()) {
        const QString quote = v.toObject().value(QStringLiteral("quote")).toString();
        if (!quote.isEmpty()) CHECK(docx->text.contains(quote));
    }
    CHECK(NormalizedText::of(docx->text).text.size() > NormalizedText::of(md).text.size() * 9 / 10);
}
