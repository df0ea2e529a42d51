#include "import/FileImporter.h"
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

ImportedDocument importOk(const QString& name, const ImportOptions& options = {}) {
    auto doc = FileImporter::importFile(test::fixturePath(name), options);
    INFO(s(doc.errorMessage()));
    REQUIRE(doc.ok());
    return std::move(doc).value();
}

} // namespace

TEST_CASE("Plain-text transcript in the corpus format", "[import][txt]") {
    const ImportedDocument doc = importOk(QStringLiteral("R8.txt"));
    CHECK(s(doc.format) == "txt");
    CHECK(s(doc.title) == "R8");
    CHECK(s(doc.participantCode) == "R8");
    CHECK(doc.text.startsWith(QStringLiteral("Participant: R8\nDate: 14 June 2005\n"))); // header kept in the text
    REQUIRE(doc.header.size() == 6);
    CHECK(s(doc.header[0].first) == "Participant");
    CHECK(s(doc.header[3].second) == "Birmingham, participant's office");
    CHECK(s(doc.header[5].first) == "Note");

    REQUIRE(doc.turns.size() == 4);
    CHECK(doc.turns[0].start == 202);
    CHECK(doc.turns[0].end == 280);
    CHECK(s(doc.turns[0].speakerLabel) == "INT");
    CHECK(doc.turns[0].isInterviewer);
    CHECK(spoken(doc, 0) == "Thank you for agreeing to talk to me. Could you start by describing your role?");

    // Three paragraphs, one of them opening with prose that contains a colon and a time.
    CHECK(doc.turns[1].start == 286);
    CHECK(doc.turns[1].end == 514);
    CHECK(s(doc.turns[1].speakerLabel) == "R8");
    CHECK_FALSE(doc.turns[1].isInterviewer);
    CHECK(spoken(doc, 1) ==
          "Yes, of course. Um, I joined the agency in 2001.\n\n"
          "A second paragraph of the same answer starts on its own line with no label; it belongs to the same turn.\n\n"
          "However, he said: no. We met at 10:30 and, you know, nothing came of it.");
    CHECK(spoken(doc, 2) == "And how did the cluster list come about?");
    CHECK(doc.turns[3].start == 567);
    CHECK(doc.turns[3].end == 637);
    CHECK(spoken(doc, 3) == "Foot and Mouth in 2001, really. The farmers pushed for Food and Drink.");
    for (const ImportedTurn& t : doc.turns) CHECK_FALSE(t.mediaTimeMs.has_value());
}

TEST_CASE("Emoji and combining marks give code-point offsets", "[import][txt]") {
    const ImportedDocument doc = importOk(QStringLiteral("interview_P3.txt"));
    CHECK(s(doc.participantCode) == "P3"); // no header: from the file name
    CHECK(doc.header.empty());             // "Interviewer: Did ...?" is a question, so a turn
    CHECK(TextOffsets::codePointLength(doc.text) == 82);
    CHECK(doc.text.size() == 87); // UTF-16 units: 👍 😀 and two 👩 take two each

    REQUIRE(doc.turns.size() == 3);
    CHECK(s(doc.turns[0].speakerLabel) == "Interviewer");
    CHECK(doc.turns[0].isInterviewer);
    CHECK(doc.turns[0].start == 13);
    CHECK(doc.turns[0].end == 33);
    CHECK(spoken(doc, 0) == s(QStringLiteral("Did the caf\u00e9 \U0001F44D work?")));
    CHECK(doc.turns[1].start == 39);
    CHECK(doc.turns[1].end == 69);
    CHECK(spoken(doc, 1) == s(QStringLiteral("Yes \U0001F469\u200D\U0001F469\u200D\U0001F467 the cafe\u0301 was fine \U0001F600")));
    CHECK(doc.turns[2].start == 76);
    CHECK(doc.turns[2].end == 81);
    CHECK(spoken(doc, 2) == "Good.");
}

TEST_CASE("Participant code resolution", "[import][txt]") {
    SECTION("the only participant label when the file name has no code") {
        const ImportedDocument doc = importOk(QStringLiteral("PC.txt"));
        CHECK(s(doc.participantCode) == "P.C.");
        REQUIRE(doc.turns.size() == 4);
        CHECK(s(doc.turns[1].speakerLabel) == "P.C.");
        CHECK(spoken(doc, 3) == "It was, I mean, a fashion.");
    }
    SECTION("a code token in the file name, and Q/A labels") {
        const ImportedDocument doc = importOk(QStringLiteral("QA_R12.txt"));
        CHECK(s(doc.participantCode) == "R12");
        REQUIRE(doc.turns.size() == 4);
        CHECK(doc.turns[0].isInterviewer);   // Q
        CHECK_FALSE(doc.turns[1].isInterviewer); // A
        CHECK(s(doc.turns[1].speakerLabel) == "A");
        CHECK(s(SpeakerMapping().participantCode(doc.turns[1].speakerLabel, doc.participantCode)) == "R12");
    }
    SECTION("an explicit option wins") {
        ImportOptions options;
        options.participantCode = QStringLiteral("R9");
        CHECK(s(importOk(QStringLiteral("R8.txt"), options).participantCode) == "R9");
    }
    SECTION("a file name that merely contains digits is no code") {
        // utf8_bom.txt: "utf8" is not a code; the sole participant label R8 is used.
        CHECK(s(importOk(QStringLiteral("utf8_bom.txt")).participantCode) == "R8");
    }
}

TEST_CASE("Bracket labels and transcription notes", "[import][txt]") {
    const ImportedDocument doc = importOk(QStringLiteral("brackets_I4.txt"));
    CHECK(s(doc.participantCode) == "I4");
    REQUIRE(doc.turns.size() == 3);
    CHECK(s(doc.turns[0].speakerLabel) == "INT");
    CHECK(doc.turns[0].isInterviewer);
    CHECK(spoken(doc, 0) == "Shall we begin?");
    CHECK(s(doc.turns[1].speakerLabel) == "I4");
    CHECK_FALSE(doc.turns[1].isInterviewer); // "I" is an interviewer label, "I4" is not
    CHECK(spoken(doc, 1) == "Yes.\n[Laughter] Sorry, go on.");
    CHECK(spoken(doc, 2) == "The ICT cluster was about Marconi.\n\n[Inaudible] and then the board changed.");
}

TEST_CASE("Markdown transcript with bold labels", "[import][md]") {
    const ImportedDocument doc = importOk(QStringLiteral("notes_M2.md"));
    CHECK(s(doc.format) == "md");
    CHECK(s(doc.participantCode) == "M2");
    REQUIRE(doc.turns.size() == 2);
    CHECK(s(doc.turns[0].speakerLabel) == "INT");
    CHECK(doc.turns[0].start == 30);
    CHECK(spoken(doc, 0) == "What did the COG do?");
    CHECK(s(doc.turns[1].speakerLabel) == "M2");
    CHECK(spoken(doc, 1) == "Mostly talk, at first.\n\nThen projects.");
}

TEST_CASE("Text files in other encodings import through FileImporter", "[import][txt]") {
    const ImportedDocument le = importOk(QStringLiteral("utf16le_bom.txt"));
    REQUIRE(le.turns.size() == 2);
    CHECK(spoken(le, 0) == s(QStringLiteral("O\u00f9 est le caf\u00e9 ?")));
    CHECK(le.turns[1].start == 27);

    ImportOptions latin;
    latin.encoding = QStringLiteral("latin1");
    const ImportedDocument doc = importOk(QStringLiteral("latin1.txt"), latin);
    REQUIRE(doc.turns.size() == 2);
    CHECK(spoken(doc, 1) == s(QStringLiteral("\u00c0 Birmingham.")));
}

TEST_CASE("FileImporter refuses what it cannot read, naming the file", "[import][errors]") {
    const auto bad = FileImporter::importFile(test::fixturePath(QStringLiteral("invalid_utf8.txt")));
    CHECK(s(bad.errorMessage()) == "invalid_utf8.txt: not valid UTF-8 at byte 23 (use --encoding to choose one)");

    const auto empty = FileImporter::importFile(test::fixturePath(QStringLiteral("empty.txt")));
    CHECK(s(empty.errorMessage()) == "empty.txt: the file is empty");

    const auto blank = FileImporter::importBytes(QByteArray(" \n\n \n"), QStringLiteral("blank.txt"));
    CHECK(s(blank.errorMessage()) == "blank.txt: contains no text");

    const auto pdf = FileImporter::importFile(QStringLiteral("/nowhere/report.PDF"));
    CHECK(s(pdf.errorMessage()) == "report.PDF: unsupported file type (.pdf; supported: .txt, .md, .docx, .odt, .vtt, .srt)");
    const auto noExt = FileImporter::importBytes(QByteArray("x"), QStringLiteral("README"));
    CHECK(s(noExt.errorMessage()) == "README: unsupported file type (no extension; supported: .txt, .md, .docx, .odt, .vtt, .srt)");

    const auto missing = FileImporter::importFile(test::fixturePath(QStringLiteral("does_not_exist.txt")));
    REQUIRE_FALSE(missing.ok());
    CHECK(s(missing.errorMessage()).rfind("does_not_exist.txt: cannot open (", 0) == 0);

    ImportOptions unknown;
    unknown.encoding = QStringLiteral("ebcdic-klingon");
    CHECK(s(FileImporter::importFile(test::fixturePath(QStringLiteral("R8.txt")), unknown).errorMessage())
              .rfind("R8.txt: unknown encoding 'ebcdic-klingon'", 0) == 0);
}

TEST_CASE("FileImporter helpers", "[import]") {
    CHECK(s(FileImporter::sha256Hex(QByteArray("abc"))) ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(FileImporter::isSupported(QStringLiteral("a/B.DOCX")));
    CHECK(FileImporter::isSupported(QStringLiteral("x.srt")));
    CHECK_FALSE(FileImporter::isSupported(QStringLiteral("x.doc")));
    CHECK(FileImporter::supportedExtensions().size() == 6);
    // Importing from memory gives the same document as from disk.
    const auto fromBytes = FileImporter::importBytes(QByteArray("INT: Hi?\n\nR3: Hello.\n"), QStringLiteral("x.txt"));
    REQUIRE(fromBytes.ok());
    CHECK(s(fromBytes->participantCode) == "R3");
    CHECK(s(fromBytes->title) == "x");
}
