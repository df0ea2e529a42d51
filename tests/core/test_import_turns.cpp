#include "import/SpeakerLabel.h"
#include "import/SpeakerMapping.h"
#include "import/TranscriptHeader.h"
#include "import/TurnDetector.h"
#include "text/TextOffsets.h"

#include <catch2/catch.hpp>

using namespace warrant;

namespace {

std::string s(const QString& text) { return text.toStdString(); }

std::string label(const QString& line, const SpeakerMapping& mapping = SpeakerMapping()) {
    const auto m = SpeakerLabel::match(line, mapping);
    return m ? s(m->label) : std::string("<none>");
}

std::string spoken(const QString& text, const ImportedTurn& turn) {
    return s(TextOffsets::midCodePoints(text, turn.start, turn.end));
}

} // namespace

TEST_CASE("SpeakerLabel recognises the label forms of real transcripts", "[import][turns]") {
    CHECK(label(QStringLiteral("R8: Yes")) == "R8");
    CHECK(label(QStringLiteral("P.C.: I did")) == "P.C.");
    CHECK(label(QStringLiteral("M.K.: Well")) == "M.K.");
    CHECK(label(QStringLiteral("Interviewer: So")) == "Interviewer");
    CHECK(label(QStringLiteral("INT: So")) == "INT");
    CHECK(label(QStringLiteral("Q: Why?")) == "Q");
    CHECK(label(QStringLiteral("A: Because")) == "A");
    CHECK(label(QStringLiteral("[R8] Yes")) == "R8");
    CHECK(label(QStringLiteral("[R8]: Yes")) == "R8");
    CHECK(label(QStringLiteral("[Interviewer] So")) == "Interviewer");
    CHECK(label(QStringLiteral("Participant 12: Yes")) == "Participant 12");
    CHECK(label(QStringLiteral("Focus-Group Member 3: Yes")) == "Focus-Group Member 3");
    CHECK(label(QStringLiteral("**INT:** Hello")) == "INT");
    CHECK(label(QStringLiteral("**M2**: Hello")) == "M2");
    CHECK(label(QStringLiteral("R8:")) == "R8");            // text may start on the next line
    CHECK(label(QStringLiteral("int: lowercase but known")) == "int");
    CHECK(label(QStringLiteral("Speaker 2: Yes")) == "Speaker 2");  // a number after a word is a label

    const auto m = SpeakerLabel::match(u"P.C.:   I did", SpeakerMapping());
    REQUIRE(m);
    CHECK(m->textStart == 8);
}

TEST_CASE("SpeakerLabel does not mistake prose for a label", "[import][turns]") {
    CHECK(label(QStringLiteral("However, he said: no")) == "<none>");   // comma: a sentence
    CHECK(label(QStringLiteral("He said: no")) == "<none>");            // lowercase word
    CHECK(label(QStringLiteral("10:30 was the time")) == "<none>");     // a time
    CHECK(label(QStringLiteral("We met at 10:30 sharp")) == "<none>");
    CHECK(label(QStringLiteral("See http://example.org")) == "<none>");
    CHECK(label(QStringLiteral("The Very Long Committee Name Here: x")) == "<none>"); // 6 words
    CHECK(label(QStringLiteral("Abcdefghijabcdefghijabcdefghijabc: x")) == "<none>"); // > 30 chars
    CHECK(label(QStringLiteral("2001: a good year")) == "<none>");      // no letter
    CHECK(label(QStringLiteral("R8:Yes")) == "<none>");                 // no space after the colon
    CHECK(label(QStringLiteral(" R8: indented")) == "<none>");
    CHECK(label(QStringLiteral("[Laughter] yes")) == "<none>");
    CHECK(label(QStringLiteral("[laughs] yes")) == "<none>");
    CHECK(label(QStringLiteral("[Inaudible]: yes")) == "<none>");
    CHECK(label(QStringLiteral("[Meanwhile] he left")) == "<none>");    // bracketed word, no colon, not a code
    CHECK(label(QStringLiteral("[sic]")) == "<none>");
    // Numbered headings of a chapter read as plain text.
    CHECK(label(QStringLiteral("5.6 Pragmatism: projects before strategy")) == "<none>");
    CHECK(label(QStringLiteral("3 Findings: an overview")) == "<none>");
    CHECK(label(QStringLiteral("2.1.4 Governance: who decides")) == "<none>");
    CHECK(label(QStringLiteral("12 Angry Men: x")) == "<none>");
}

TEST_CASE("SpeakerMapping defaults and overrides", "[import][turns]") {
    SpeakerMapping mapping;
    for (const char* l : {"Interviewer", "INT", "Int", "int.", "I", "i", "Q", "Moderator", "FACILITATOR"})
        CHECK(mapping.isInterviewer(QString::fromLatin1(l)));
    for (const char* l : {"A", "R8", "P.C.", "Respondent", "Participant"})
        CHECK_FALSE(mapping.isInterviewer(QString::fromLatin1(l)));

    CHECK(s(mapping.participantCode(QStringLiteral("A"), QStringLiteral("R12"))) == "R12");
    CHECK(s(mapping.participantCode(QStringLiteral("a"), QStringLiteral("R12"))) == "R12");
    CHECK(s(mapping.participantCode(QStringLiteral("R8"), QStringLiteral("R12"))) == "R8");
    CHECK(s(mapping.participantCode(QStringLiteral("INT"), QStringLiteral("R12"))).empty());

    // A study whose participants are I1, I2... and whose interviewer is "Researcher".
    mapping.setParticipant(QStringLiteral("I"), QStringLiteral("I3"));
    mapping.setInterviewer(QStringLiteral("Researcher"));
    mapping.setParticipant(QStringLiteral("Respondent"), QStringLiteral("R2"));
    CHECK_FALSE(mapping.isInterviewer(QStringLiteral("I")));
    CHECK(s(mapping.participantCode(QStringLiteral("i"), QString())) == "I3");
    CHECK(mapping.isInterviewer(QStringLiteral("researcher")));
    CHECK(s(mapping.participantCode(QStringLiteral("RESPONDENT"), QString())) == "R2");
    mapping.setInterviewer(QStringLiteral("I")); // the last override wins
    CHECK(mapping.isInterviewer(QStringLiteral("I")));
}

TEST_CASE("TranscriptHeader parses known keys only", "[import][turns]") {
    const auto date = TranscriptHeader::parseLine(u"date:  14 June 2005 ");
    REQUIRE(date);
    CHECK(s(date->first) == "Date");
    CHECK(s(date->second) == "14 June 2005");
    CHECK_FALSE(TranscriptHeader::parseLine(u"Venue: Birmingham"));
    CHECK(TranscriptHeader::parseLine(u"Interviewer: Study researcher"));
    CHECK(TranscriptHeader::parseLine(u"Interviewer: J.M."));
    CHECK_FALSE(TranscriptHeader::parseLine(u"Interviewer: Could you describe your role?"));
    CHECK_FALSE(TranscriptHeader::parseLine(u"Interviewer: Thank you."));
    CHECK_FALSE(TranscriptHeader::parseLine(u"Interviewer: So let us start with the strategy then"));
}

TEST_CASE("TurnDetector splits header and turns with exact spans", "[import][turns]") {
    const QString text = QStringLiteral("Participant: R8\nDate: 1 May 2005\n\n"
                                        "INT: First question?\n\n"
                                        "R8: First answer.\n\nSecond paragraph.  \n\n"
                                        "INT:\nQuestion on the next line?\n");
    const DetectedTranscript d = TurnDetector().detect(text);
    REQUIRE(d.header.size() == 2);
    CHECK(s(d.header[1].second) == "1 May 2005");
    REQUIRE(d.turns.size() == 3);
    CHECK(d.turns[0].start == 39);
    CHECK(d.turns[0].end == 54);
    CHECK(spoken(text, d.turns[0]) == "First question?");
    CHECK(d.turns[0].isInterviewer);
    CHECK(spoken(text, d.turns[1]) == "First answer.\n\nSecond paragraph.");
    CHECK_FALSE(d.turns[1].isInterviewer);
    CHECK(s(d.turns[1].speakerLabel) == "R8");
    CHECK(spoken(text, d.turns[2]) == "Question on the next line?");
    CHECK_FALSE(d.turns[2].mediaTimeMs.has_value());
}

TEST_CASE("TurnDetector header edge cases", "[import][turns]") {
    SECTION("a first line spoken by the interviewer is a turn, not a header") {
        const QString text = QStringLiteral("Interviewer: Shall we start?\n\nR8: Yes.\n");
        const auto d = TurnDetector().detect(text);
        CHECK(d.header.empty());
        REQUIRE(d.turns.size() == 2);
        CHECK(spoken(text, d.turns[0]) == "Shall we start?");
    }
    SECTION("a lone Interviewer field is not a header either") {
        const auto d = TurnDetector().detect(QStringLiteral("Interviewer: Jo\n\nR8: Yes.\n"));
        CHECK(d.header.empty());
        CHECK(d.turns.size() == 2);
    }
    SECTION("Lines layout: the header ends at the first blank line") {
        const QString text = QStringLiteral("Participant: R8\n\nDate: 2005\n\nINT: Hi.\n");
        const auto d = TurnDetector().detect(text);
        REQUIRE(d.header.size() == 1);
        REQUIRE(d.turns.size() == 2);
        CHECK(s(d.turns[0].speakerLabel) == "Date"); // as the spec says: only one header block
    }
    SECTION("Paragraphs layout: header fields may be separated by blank lines") {
        const QString text = QStringLiteral("Participant: R8\n\nDate: 2005\n\nInterviewer: Thank you.\n\nR8: Hi.\n");
        const auto d = TurnDetector(SpeakerMapping(), TurnDetector::HeaderLayout::Paragraphs).detect(text);
        REQUIRE(d.header.size() == 2);
        REQUIRE(d.turns.size() == 2);
        CHECK(s(d.turns[0].speakerLabel) == "Interviewer");
        CHECK(spoken(text, d.turns[0]) == "Thank you.");
    }
    SECTION("text before the first label and empty turns are not turns") {
        const QString text = QStringLiteral("Transcript of a meeting\n\nR8:\n\nINT: Go on.\n");
        const auto d = TurnDetector().detect(text);
        REQUIRE(d.turns.size() == 1);
        CHECK(s(d.turns[0].speakerLabel) == "INT");
    }
}

TEST_CASE("TurnDetector offsets are code points, not UTF-16 units", "[import][turns]") {
    // 😀 is 2 UTF-16 units; "e\u0301" is 2 code points; the flag is 2 code points / 4 units.
    const QString text = QStringLiteral("INT: \U0001F600 ok?\n\nR8: cafe\u0301 \U0001F1EC\U0001F1E7 yes\n");
    const auto d = TurnDetector().detect(text);
    REQUIRE(d.turns.size() == 2);
    CHECK(d.turns[0].start == 5);
    CHECK(d.turns[0].end == 10);
    CHECK(d.turns[1].start == 16);
    CHECK(d.turns[1].end == 28); // "cafe\u0301 " (6) + flag (2) + " yes" (4) = 12 code points
    CHECK(spoken(text, d.turns[1]) == s(QStringLiteral("cafe\u0301 \U0001F1EC\U0001F1E7 yes")));
}

TEST_CASE("TurnDetector uses the mapping for interviewer detection", "[import][turns]") {
    SpeakerMapping mapping;
    mapping.setInterviewer(QStringLiteral("Researcher"));
    const auto d = TurnDetector(mapping).detect(QStringLiteral("Researcher: Hi.\n\nInterviewer: Hello.\n"));
    REQUIRE(d.turns.size() == 2);
    CHECK(d.turns[0].isInterviewer);
    CHECK(d.turns[1].isInterviewer);
}
