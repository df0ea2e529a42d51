#include "import/CueText.h"
#include "import/FileImporter.h"
#include "import/SubtitleReader.h"
#include "text/TextOffsets.h"

#include "TestPaths.h"

#include <catch2/catch.hpp>

using namespace warrant;

namespace {

std::string s(const QString& text) { return text.toStdString(); }

std::string spoken(const ImportedDocument& doc, size_t i) {
    REQUIRE(i < doc.turns.size());
    return s(TextOffsets::midCodePoints(doc.text, doc.turns[i].start, doc.turns[i].end));
}

ImportedDocument importOk(const QString& name) {
    auto doc = FileImporter::importFile(test::fixturePath(name));
    INFO(s(doc.errorMessage()));
    REQUIRE(doc.ok());
    return std::move(doc).value();
}

Result<ImportedDocument> vtt(const QString& text) {
    return SubtitleReader::read(text, SubtitleReader::Format::WebVtt, QStringLiteral("t.vtt"), SpeakerMapping());
}

} // namespace

TEST_CASE("WebVTT with voices, NOTE header and merged cues", "[import][vtt]") {
    const ImportedDocument doc = importOk(QStringLiteral("M7.vtt"));
    CHECK(s(doc.format) == "vtt");
    CHECK(s(doc.participantCode) == "M7");
    REQUIRE(doc.header.size() == 4);
    CHECK(s(doc.header[0].first) == "Participant");
    CHECK(s(doc.header[3].second) == "Telephone");

    CHECK(s(doc.text) == "Participant: M7\nDate: 3 March 2006\nInterviewer: Study researcher\nPlace: Telephone\n\n"
                         "Interviewer: Thanks for making the time.\n\n"
                         "M7: Not at all. Well, where to start... the Medilink people & the NHS came later.\n\n"
                         "Interviewer: And the COG?\n\n"
                         "M7: Business-led, in theory.\n");

    REQUIRE(doc.turns.size() == 4);
    CHECK(s(doc.turns[0].speakerLabel) == "Interviewer");
    CHECK(doc.turns[0].isInterviewer);
    CHECK(doc.turns[0].mediaTimeMs == 2000);
    CHECK(doc.turns[0].start == 96);
    CHECK(doc.turns[0].end == 123);
    CHECK(spoken(doc, 0) == "Thanks for making the time.");
    // Two cues (the second with <v.loud M7>, an entity and an inline timestamp) are one turn that
    // keeps the first cue's start.
    CHECK(s(doc.turns[1].speakerLabel) == "M7");
    CHECK_FALSE(doc.turns[1].isInterviewer);
    CHECK(doc.turns[1].mediaTimeMs == 12100);
    CHECK(spoken(doc, 1) == "Not at all. Well, where to start... the Medilink people & the NHS came later.");
    CHECK(doc.turns[2].mediaTimeMs == 41500); // mm:ss.ttt without hours
    CHECK(spoken(doc, 2) == "And the COG?");
    CHECK(doc.turns[3].mediaTimeMs == 45500);
    CHECK(spoken(doc, 3) == "Business-led, in theory.");
}

TEST_CASE("SRT with label prefixes and unlabelled continuation cues", "[import][srt]") {
    const ImportedDocument doc = importOk(QStringLiteral("A5.srt"));
    CHECK(s(doc.format) == "srt");
    CHECK(s(doc.participantCode) == "A5");
    CHECK(doc.header.empty());
    CHECK(s(doc.text) == "INT: Shall we start?\n\n"
                         "A5: Yes. Accelerate was the big thing then. and the suppliers were worried.\n\n"
                         "INT: Why?\n\nA5: Rover.\n");
    REQUIRE(doc.turns.size() == 4);
    CHECK(doc.turns[0].isInterviewer);
    CHECK(doc.turns[0].mediaTimeMs == 1000);
    CHECK(doc.turns[0].start == 5);
    CHECK(doc.turns[0].end == 20);
    CHECK(s(doc.turns[1].speakerLabel) == "A5");
    CHECK(doc.turns[1].mediaTimeMs == 4500);
    CHECK(doc.turns[1].start == 26);
    CHECK(doc.turns[1].end == 97);
    CHECK(spoken(doc, 1) == "Yes. Accelerate was the big thing then. and the suppliers were worried.");
    CHECK(doc.turns[2].mediaTimeMs == 12500);
    CHECK(doc.turns[3].mediaTimeMs == 62000);
    CHECK(spoken(doc, 3) == "Rover.");
}

TEST_CASE("Subtitle timestamps", "[import][vtt]") {
    CHECK(SubtitleReader::parseTimestamp(u"00:00:02.000") == 2000);
    CHECK(SubtitleReader::parseTimestamp(u"01:02:03.456") == 3723456);
    CHECK(SubtitleReader::parseTimestamp(u"02:03.456") == 123456);
    CHECK(SubtitleReader::parseTimestamp(u"00:00:01,5") == 1500);
    CHECK(SubtitleReader::parseTimestamp(u"123:00:00.000") == 442800000);
    CHECK_FALSE(SubtitleReader::parseTimestamp(u"00:61:00.000"));
    CHECK_FALSE(SubtitleReader::parseTimestamp(u"1.5"));
    CHECK_FALSE(SubtitleReader::parseTimestamp(u"00:00:01"));
}

TEST_CASE("Cue text markup", "[import][vtt]") {
    const auto segments = CueText::parse(
        QStringLiteral("<v.a.b Dr Jones><i>Hello</i> &lt;there&gt; <c.yellow>you</c>\n<00:00:01.000>two</v>"),
        SpeakerMapping());
    REQUIRE(segments.size() == 1);
    CHECK(s(segments[0].speaker) == "Dr Jones");
    CHECK(s(segments[0].text) == "Hello <there> you two");

    const auto two = CueText::parse(QStringLiteral("<v INT>Why?\n<v R8>Because."), SpeakerMapping());
    REQUIRE(two.size() == 2);
    CHECK(s(two[1].speaker) == "R8");
    CHECK(s(two[1].text) == "Because.");

    const auto prefixed = CueText::parse(QStringLiteral("INT: Why?\nR8: Because &#233;&#x1F600;."), SpeakerMapping());
    REQUIRE(prefixed.size() == 2);
    CHECK(s(prefixed[0].speaker) == "INT");
    CHECK(s(prefixed[1].text) == s(QStringLiteral("Because \u00e9\U0001F600.")));

    const auto literal = CueText::parse(QStringLiteral("a < b and c > d"), SpeakerMapping());
    REQUIRE(literal.size() == 1);
    CHECK(s(literal[0].text) == "a < b and c > d");
}

TEST_CASE("Subtitle edge cases", "[import][vtt]") {
    SECTION("the same speaker split by a different one is not merged") {
        const auto doc = vtt(QStringLiteral("WEBVTT\n\n00:01.000 --> 00:02.000\n<v R8>One.\n\n"
                                            "00:02.000 --> 00:03.000\n<v INT>Two?\n\n"
                                            "00:03.000 --> 00:04.000\n<v R8>Three.\n"));
        REQUIRE(doc.ok());
        REQUIRE(doc->turns.size() == 3);
        CHECK(doc->turns[2].mediaTimeMs == 3000);
    }
    SECTION("cues before any speaker are separate unlabelled turns") {
        const auto doc = vtt(QStringLiteral("WEBVTT\n\n00:01.000 --> 00:02.000\nHello.\n\n"
                                            "00:02.000 --> 00:03.000\nAgain.\n"));
        REQUIRE(doc.ok());
        REQUIRE(doc->turns.size() == 2);
        CHECK(doc->turns[0].speakerLabel.isEmpty());
        CHECK_FALSE(doc->turns[0].isInterviewer);
        CHECK(s(doc->text) == "Hello.\n\nAgain.\n");
        CHECK(doc->turns[1].start == 8);
        CHECK(doc->turns[1].end == 14);
    }
    SECTION("emoji in cues give code-point spans") {
        const auto doc = vtt(QStringLiteral("WEBVTT\n\n00:01.000 --> 00:02.000\n<v R8>\U0001F600 yes\n\n"
                                            "00:02.000 --> 00:03.000\n<v INT>ok\n"));
        REQUIRE(doc.ok());
        REQUIRE(doc->turns.size() == 2);
        CHECK(doc->turns[0].start == 4);
        CHECK(doc->turns[0].end == 9);
        CHECK(doc->turns[1].start == 16); // "R8: 😀 yes\n\nINT: " is 16 code points, 17 UTF-16 units
    }
    SECTION("a NOTE after the first cue does not fill the header") {
        const auto doc = vtt(QStringLiteral("WEBVTT\n\n00:01.000 --> 00:02.000\n<v R8>Hi.\n\n"
                                            "NOTE\nParticipant: R9\n"));
        REQUIRE(doc.ok());
        CHECK(doc->header.empty());
    }
    SECTION("errors name the file") {
        CHECK(s(vtt(QStringLiteral("1\n00:01.000 --> 00:02.000\nHi\n")).errorMessage()) ==
              "t.vtt: not a WebVTT file (the first line must be WEBVTT)");
        CHECK(s(vtt(QStringLiteral("WEBVTT\n\nNOTE nothing here\n")).errorMessage()) == "t.vtt: no subtitle cues found");
        const auto srt = FileImporter::importBytes(QByteArray("just some words\n"), QStringLiteral("x.srt"));
        CHECK(s(srt.errorMessage()) == "x.srt: no subtitle cues found");
    }
}
