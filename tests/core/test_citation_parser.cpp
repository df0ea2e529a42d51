#include <catch2/catch.hpp>

#include "trace/CitationParser.h"
#include "trace/FragmentMatcher.h"
#include "trace/QuoteExtractor.h"

using namespace warrant;

namespace {

const QStringList kKnown = {QStringLiteral("R8"), QStringLiteral("R9"), QStringLiteral("R10"), QStringLiteral("A1"),
                            QStringLiteral("A3"), QStringLiteral("A5"),  QStringLiteral("A9"), QStringLiteral("I3"),
                            QStringLiteral("I4"), QStringLiteral("I6"),  QStringLiteral("P.C."), QStringLiteral("P8")};

Citation only(const QString& text) {
    const auto all = CitationParser(kKnown).parseAll(text);
    REQUIRE(all.size() == 1);
    return all.front();
}

} // namespace

TEST_CASE("Interview citations in the common styles", "[citations]") {
    CHECK(only(QStringLiteral("as argued (interview, R8).")).participants == QStringList{QStringLiteral("R8")});
    CHECK(only(QStringLiteral("(interview, R8; R10)")).participants == QStringList({QStringLiteral("R8"), QStringLiteral("R10")}));
    CHECK(only(QStringLiteral("(interview, R8, R9)")).participants == QStringList({QStringLiteral("R8"), QStringLiteral("R9")}));
    CHECK(only(QStringLiteral("(interview, A1, 3, 9)")).participants ==
          QStringList({QStringLiteral("A1"), QStringLiteral("A3"), QStringLiteral("A9")}));
    CHECK(only(QStringLiteral("(interview, I3, 4, 6; A5)")).participants ==
          QStringList({QStringLiteral("I3"), QStringLiteral("I4"), QStringLiteral("I6"), QStringLiteral("A5")}));
    const Citation mixed = only(QStringLiteral("(interview, P.C.; R8; Conlin, 2006)"));
    CHECK(mixed.participants == QStringList({QStringLiteral("P.C."), QStringLiteral("R8")}));
    CHECK(mixed.literature == QStringList{QStringLiteral("Conlin, 2006")});
}

TEST_CASE("Other citation styles researchers use", "[citations]") {
    CHECK(only(QStringLiteral("a bare line\n\ninterview, P.C\n")).participants == QStringList{QStringLiteral("P.C.")});
    CHECK(only(QStringLiteral("it was said (R8).")).participants == QStringList{QStringLiteral("R8")});
    CHECK(only(QStringLiteral("it was said [R8].")).participants == QStringList{QStringLiteral("R8")});
    CHECK(only(QStringLiteral("it was said (Participant 8).")).participants == QStringList{QStringLiteral("P8")});
    const Citation line = only(QStringLiteral("(P8, line 120)"));
    CHECK(line.participants == QStringList{QStringLiteral("P8")});
    CHECK(line.line == 120);
    const Citation turn = only(QStringLiteral("(R8, turn 12)"));
    CHECK(turn.turn == 12);
    CHECK(only(QStringLiteral("As R8 said, it was political.")).participants == QStringList{QStringLiteral("R8")});
}

TEST_CASE("Literature and acronyms are not interview citations, unknown codes are kept", "[citations]") {
    const CitationParser parser(kKnown);
    const auto literature = parser.parseAll(QStringLiteral("(AWM, 2001) and (Andriani et al., 2005: 25) and (RTF) and (2006)"));
    REQUIRE(literature.size() == 2);
    for (const Citation& c : literature) CHECK_FALSE(c.isInterview());
    CHECK(literature[0].literature == QStringList{QStringLiteral("AWM, 2001")});
    CHECK(literature[1].literature == QStringList{QStringLiteral("Andriani et al., 2005: 25")});
    // Harvard style without the comma.
    const auto harvard = parser.parseAll(
        QStringLiteral("(AWM 2004: 42) and (Benneworth and Charles 2001; Porter, 1998) and (Raines 2002a)"));
    REQUIRE(harvard.size() == 3);
    CHECK(harvard[0].literature == QStringList{QStringLiteral("AWM, 2004: 42")});
    CHECK(harvard[1].literature == QStringList{QStringLiteral("Benneworth and Charles, 2001"), QStringLiteral("Porter, 1998")});
    CHECK(harvard[2].literature == QStringList{QStringLiteral("Raines, 2002a")});
    for (const Citation& c : harvard) CHECK_FALSE(c.isInterview());
    const auto unknown = parser.parseAll(QStringLiteral("(interview, R99)"));
    REQUIRE(unknown.size() == 1);
    CHECK(unknown.front().participants.isEmpty());
    CHECK(unknown.front().unknown == QStringList{QStringLiteral("R99")});
}

TEST_CASE("Quotes attach to the citation right after them, else the sentence's", "[quotes]") {
    const CitationParser parser(kKnown);
    const QString text = QStringLiteral(
        "An AWM strategist said 'as a subordinate body you are expected to reflect the national policy' (interview, R9). "
        "The so-called 'clusters' were fashionable.\n\n"
        "> This is the world of politics. It is not as I imagined.\n\n"
        "interview, P.C\n\n"
        "Partners felt “nobody asked us at all” and left (interview, R8).");
    const auto quotes = QuoteExtractor(parser).extract(text);
    REQUIRE(quotes.size() == 3);
    CHECK(quotes[0].citation->participants == QStringList{QStringLiteral("R9")});
    CHECK(quotes[0].citationFollows);
    CHECK(quotes[1].block);
    CHECK(quotes[1].text == QStringLiteral("This is the world of politics. It is not as I imagined."));
    CHECK(quotes[1].citation->participants == QStringList{QStringLiteral("P.C.")});
    CHECK(quotes[2].text == QStringLiteral("nobody asked us at all"));
    CHECK_FALSE(quotes[2].citationFollows);
    CHECK(quotes[2].citation->participants == QStringList{QStringLiteral("R8")});
}

TEST_CASE("Quote fragments are found in order inside one passage", "[quotes]") {
    const NormalizedText turn = NormalizedText::of(QStringLiteral(
        "Well, the only one sin is to delay. You must, um, you must take decisions to do things now. "
        "Because if you wait, you are dead."));
    const auto fragments = QuoteFragments::split(
        QStringLiteral("‘the only one sin is to delay. You must ... take decisions to do things now... if you wait, you are dead’"));
    REQUIRE(fragments.size() == 3);
    CHECK(FragmentMatcher::find(fragments, turn).has_value());
    // Out of order, or a word changed, is not found.
    CHECK_FALSE(FragmentMatcher::find(QuoteFragments::split(QStringLiteral("if you wait ... the only one sin")), turn));
    CHECK_FALSE(FragmentMatcher::find(QuoteFragments::split(QStringLiteral("the only one sin is to wait")), turn));
    // Bracketed insertions stand for the speaker's words.
    const NormalizedText r8 = NormalizedText::of(QStringLiteral("And it also gives you a relook at growth."));
    CHECK(FragmentMatcher::find(QuoteFragments::split(QStringLiteral("[It also provides] a relook at growth")), r8));
}
