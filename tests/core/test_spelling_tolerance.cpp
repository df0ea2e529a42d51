// What the audit forgives between a printed quotation and what was said, word pair by word pair:
// forms of one word pass, any other word is a change of content.

#include "text/Dictionary.h"
#include "trace/SpellingTolerance.h"

#include <catch2/catch.hpp>

using namespace warrant;
using Form = SpellingTolerance::Form;

namespace {

// A project whose transcripts use exactly these words.
SpellingTolerance::CorpusWords corpusOf(QSet<QString> words) {
    return
        [words = std::move(words)](const QString& folded) -> Result<bool> { return words.contains(folded); };
}

SpellingTolerance tolerance(QSet<QString> corpus = {}, QSet<QString> names = {}) {
    return SpellingTolerance(Dictionary::english(), corpusOf(std::move(corpus)), std::move(names));
}

QStringList words(const char* text) {
    return QString::fromUtf8(text).split(u' ', Qt::SkipEmptyParts);
}

} // namespace

TEST_CASE("The built-in dictionary knows both spelling systems and names", "[audit][spelling]") {
    const Dictionary& d = Dictionary::english();
    CHECK(d.size() > 50000);
    CHECK(d.knows(QStringLiteral("strong")));
    CHECK(d.knows(QStringLiteral("wrong")));
    CHECK(d.british(QStringLiteral("organisation")));
    CHECK(d.american(QStringLiteral("organization")));
    CHECK_FALSE(d.american(QStringLiteral("organisation")));
    CHECK(d.properNoun(QStringLiteral("coventry")));
    CHECK_FALSE(d.properNoun(QStringLiteral("strong")));
    CHECK_FALSE(d.knows(QStringLiteral("goverment")));
}

TEST_CASE("A dictionary built from word lists reads possessives and capitals", "[audit][spelling]") {
    const Dictionary d =
        Dictionary::fromLists("colour's\nFlint\nflint\nLondon\nLondon's\n", "colour\nLondon\n");
    CHECK(d.knows(QStringLiteral("london")));
    CHECK(d.properNoun(QStringLiteral("london")));
    CHECK_FALSE(d.properNoun(QStringLiteral("flint")));
    CHECK(d.british(QStringLiteral("colour")));
}

TEST_CASE("One real word for another is a change of content, however close the letters",
          "[audit][spelling]") {
    auto t = tolerance({QStringLiteral("strong"), QStringLiteral("policy")});
    const std::vector<std::pair<const char*, const char*>> pairs = {
        {"wrong", "strong"}, {"form", "from"},  {"police", "policy"}, {"affect", "effect"}, {"rise", "rose"},
        {"than", "then"},    {"costs", "cost"}, {"lose", "loose"},    {"quite", "quiet"},   {"weak", "week"}};
    for (const auto& [printed, said] : pairs) {
        INFO(printed << " for " << said);
        CHECK(t.judgePair(QString::fromUtf8(printed), QString::fromUtf8(said)) == Form::Content);
    }
}

TEST_CASE("A printed word that is no word at all near the said one is a misspelling", "[audit][spelling]") {
    auto t = tolerance({QStringLiteral("government"), QStringLiteral("partnership")});
    CHECK(t.judgePair(QStringLiteral("goverment"), QStringLiteral("government")) == Form::Misspelling);
    CHECK(t.judgePair(QStringLiteral("partnreship"), QStringLiteral("partnership")) == Form::Misspelling);
    CHECK(t.judgePair(QStringLiteral("recieve"), QStringLiteral("receive")) == Form::Misspelling);
    // Too far from the said word to be a slip of the keyboard.
    CHECK(t.judgePair(QStringLiteral("gvrnmnt"), QStringLiteral("government")) == Form::Content);
}

TEST_CASE("A printed non-word the project itself uses is a real word of the project", "[audit][spelling]") {
    // "ruralisation" is in no dictionary, but participants say it: it is not a misspelling.
    auto t = tolerance({QStringLiteral("ruralisation"), QStringLiteral("regionalisation")});
    CHECK(t.judgePair(QStringLiteral("ruralisation"), QStringLiteral("regionalisation")) == Form::Content);
}

TEST_CASE("British and American spellings, hyphenation and numerals are forms of one word",
          "[audit][spelling]") {
    // Words as the diff sees them: normalised, so hyphens and thousands separators are spaces.
    auto t = tolerance();
    CHECK(t.judgePair(QStringLiteral("organization"), QStringLiteral("organisation")) ==
          Form::RegionalSpelling);
    CHECK(t.judgePair(QStringLiteral("colour"), QStringLiteral("color")) == Form::RegionalSpelling);
    CHECK(t.judgePair(QStringLiteral("centre"), QStringLiteral("center")) == Form::RegionalSpelling);
    CHECK(t.judgePair(QStringLiteral("analyse"), QStringLiteral("analyze")) == Form::RegionalSpelling);
    CHECK(t.judge(words("co ordination"), words("coordination")) == Form::Hyphenation);
    CHECK(t.judge(words("startups"), words("start ups")) == Form::Hyphenation);
    CHECK(t.judge(words("3"), words("three")) == Form::Numeral);
    CHECK(t.judge(words("10 000"), words("ten thousand")) == Form::Numeral);
    CHECK(t.judge(words("twenty two"), words("22")) == Form::Numeral);
}

TEST_CASE("Left-out fillers are forms, left-out or added content words are not", "[audit][spelling]") {
    auto t = tolerance();
    CHECK(t.judge({}, words("erm")) == Form::Filler);
    CHECK(t.judge({}, words("you know")) == Form::Filler);
    CHECK(t.judge({}, words("the the"), QStringLiteral("in"), QStringLiteral("the")) == Form::Filler);
    CHECK(t.judge({}, words("very")) == Form::Content);
    CHECK(t.judge(words("really"), {}) == Form::Content);
}

TEST_CASE("Negations, numbers and names never pass as spelling", "[audit][spelling]") {
    auto t = tolerance({QStringLiteral("smith"), QStringLiteral("smyth")},
                       {QStringLiteral("smith"), QStringLiteral("smyth")});
    CHECK(t.judgePair(QStringLiteral("can"), QStringLiteral("can't")) == Form::Content);
    CHECK(t.judgePair(QStringLiteral("did"), QStringLiteral("didn't")) == Form::Content);
    CHECK(t.judge(words("never"), words("ever")) == Form::Content);
    CHECK(t.judge(words("not"), {}) == Form::Content);
    CHECK(t.judge(words("3"), words("four")) == Form::Content);
    CHECK(t.judge(words("1998"), words("1989")) == Form::Content);
    CHECK(t.judgePair(QStringLiteral("smyth"), QStringLiteral("smith")) == Form::Content);
    CHECK(t.judgePair(QStringLiteral("coventri"), QStringLiteral("coventry")) == Form::Content);
}

TEST_CASE("Contractions are judged by their parts", "[audit][spelling]") {
    auto t = tolerance();
    CHECK(t.judgePair(QStringLiteral("it's"), QStringLiteral("it's")) == Form::Same);
    CHECK(t.judgePair(QStringLiteral("it's"), QStringLiteral("it'll")) == Form::Content);
    CHECK(t.judgePair(QStringLiteral("we've"), QStringLiteral("we'd")) == Form::Content);
    CHECK(t.judgePair(QStringLiteral("they're"), QStringLiteral("we're")) == Form::Content);
}

TEST_CASE("A failed corpus look-up makes the judgement strict and is reported", "[audit][spelling]") {
    SpellingTolerance t(Dictionary::english(), [](const QString&) -> Result<bool> {
        return makeError(QStringLiteral("index closed"));
    });
    // "regionalisaton" is in no dictionary; whether the project uses it cannot be told, so it is
    // taken for a real word and the change is one of content.
    CHECK(t.judgePair(QStringLiteral("regionalisaton"), QStringLiteral("regionalisation")) == Form::Content);
    REQUIRE(t.error().has_value());
    CHECK(t.error()->message.contains(QStringLiteral("index closed")));
}

TEST_CASE("Number words and numerals have one value", "[audit][spelling]") {
    CHECK(SpellingTolerance::numberValue(words("twenty two")) == 22);
    CHECK(SpellingTolerance::numberValue(words("10 000")) == 10000);
    CHECK(SpellingTolerance::numberValue(words("three hundred")) == 300);
    CHECK_FALSE(SpellingTolerance::numberValue(words("several")).has_value());
    CHECK(SpellingTolerance::editDistance(QStringLiteral("recieve"), QStringLiteral("receive")) == 1);
}
