#include "import/DocxReader.h"
#include "import/FileImporter.h"
#include "import/OdtReader.h"
#include "text/TextOffsets.h"

#include "TestPaths.h"

#include <catch2/catch.hpp>

#include <QFile>

using namespace warrant;

namespace {

std::string s(const QString& text) { return text.toStdString(); }

QByteArray fixture(const QString& name) {
    QFile file(test::fixturePath(name));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

// Both fixtures are LibreOffice conversions of tests/fixtures/sources/interview_R8.fodt.
const QString kBody = QStringLiteral(
    "Participant: R8\n\n"
    "Date: 14 June 2005\n\n"
    "Interviewer: Study researcher\n\n"
    "INT: Thank you for agreeing to talk to me. Could you describe your role?\n\n"
    "R8: Yes, of course. I joined the agency in 2001.[1] We worked on the strategy\n"
    "line two of the answer.\n\n"
    "A second paragraph: Cluster\tBudget notes.\n\n"
    "Cluster\tBudget\nAutomotive\t\u00a312m\nICT\t\u00a37m\n\n"
    "INT: And how were the clusters chosen?\n\n"
    "R8: Well, it was pragmatic, you know.[2]\n\n"
    "However, he said: no.");

const QString kNotes = QStringLiteral("\n\nNotes\n\n"
                                      "[1] The agency is Advantage West Midlands.\n\n"
                                      "[2] Endnote about pragmatism.");

void checkInterviewR8(const ImportedDocument& doc) {
    CHECK(s(doc.text) == s(kBody + kNotes));
    CHECK(s(doc.participantCode) == "R8");
    CHECK(s(doc.title) == "interview_R8");
    // Page header and footer text never reaches the document.
    CHECK_FALSE(doc.text.contains(QStringLiteral("Warrant fixture")));
    CHECK_FALSE(doc.text.contains(QStringLiteral("footer")));

    // Header fields are separate paragraphs in a word processor.
    REQUIRE(doc.header.size() == 3);
    CHECK(s(doc.header[0].second) == "R8");
    CHECK(s(doc.header[1].second) == "14 June 2005");
    CHECK(s(doc.header[2].first) == "Interviewer");

    REQUIRE(doc.turns.size() == 4);
    const auto spoken = [&](size_t i) {
        return s(TextOffsets::midCodePoints(doc.text, doc.turns[i].start, doc.turns[i].end));
    };
    CHECK(s(doc.turns[0].speakerLabel) == "INT");
    CHECK(doc.turns[0].isInterviewer);
    CHECK(doc.turns[0].start == 73);
    CHECK(doc.turns[0].end == 140);
    CHECK(spoken(0) == "Thank you for agreeing to talk to me. Could you describe your role?");
    // The bold "R8:" run is the label; the table belongs to the answer it sits in.
    CHECK(s(doc.turns[1].speakerLabel) == "R8");
    CHECK_FALSE(doc.turns[1].isInterviewer);
    CHECK(doc.turns[1].start == 146);
    CHECK(doc.turns[1].end == 326);
    CHECK(spoken(1) == "Yes, of course. I joined the agency in 2001.[1] We worked on the strategy\n"
                       "line two of the answer.\n\nA second paragraph: Cluster\tBudget notes.\n\n"
                       "Cluster\tBudget\nAutomotive\t\u00a312m\nICT\t\u00a37m");
    CHECK(spoken(2) == "And how were the clusters chosen?");
    // The notes appended after the body are not part of the last answer.
    CHECK(doc.turns[3].start == 372);
    CHECK(doc.turns[3].end == 431);
    CHECK(spoken(3) == "Well, it was pragmatic, you know.[2]\n\nHowever, he said: no.");
}

} // namespace

TEST_CASE("DocxReader on a LibreOffice-written .docx", "[import][docx]") {
    const auto extracted = DocxReader::read(fixture(QStringLiteral("interview_R8.docx")), QStringLiteral("interview_R8.docx"));
    REQUIRE(extracted.ok());
    CHECK(s(extracted->body) == s(kBody));
    REQUIRE(extracted->notes.size() == 2);
    CHECK(s(extracted->notes[0]) == "[1] The agency is Advantage West Midlands.");
    CHECK(s(extracted->notes[1]) == "[2] Endnote about pragmatism.");
}

TEST_CASE("FileImporter on .docx", "[import][docx]") {
    const auto doc = FileImporter::importFile(test::fixturePath(QStringLiteral("interview_R8.docx")));
    INFO(s(doc.errorMessage()));
    REQUIRE(doc.ok());
    CHECK(s(doc->format) == "docx");
    checkInterviewR8(*doc);
}

TEST_CASE("OdtReader on a LibreOffice-written .odt", "[import][odt]") {
    const auto extracted = OdtReader::read(fixture(QStringLiteral("interview_R8.odt")), QStringLiteral("interview_R8.odt"));
    REQUIRE(extracted.ok());
    CHECK(s(extracted->body) == s(kBody));
    REQUIRE(extracted->notes.size() == 2);
    CHECK(s(extracted->composed()) == s(kBody + kNotes));
}

TEST_CASE("FileImporter on .odt", "[import][odt]") {
    const auto doc = FileImporter::importFile(test::fixturePath(QStringLiteral("interview_R8.odt")));
    INFO(s(doc.errorMessage()));
    REQUIRE(doc.ok());
    CHECK(s(doc->format) == "odt");
    checkInterviewR8(*doc);
}

TEST_CASE("Broken word-processor files are refused with the file and the problem", "[import][errors]") {
    const auto corrupt = FileImporter::importFile(test::fixturePath(QStringLiteral("corrupt.docx")));
    REQUIRE_FALSE(corrupt.ok());
    CHECK(s(corrupt.errorMessage()).rfind("corrupt.docx: not a readable zip archive (corrupt or truncated file", 0) == 0);

    const auto corruptOdt = FileImporter::importFile(test::fixturePath(QStringLiteral("corrupt.odt")));
    REQUIRE_FALSE(corruptOdt.ok());
    CHECK(s(corruptOdt.errorMessage()).rfind("corrupt.odt: not a readable zip archive", 0) == 0);

    const auto missing = FileImporter::importFile(test::fixturePath(QStringLiteral("missing_document.docx")));
    CHECK(s(missing.errorMessage()) == "missing_document.docx: not a Word document (word/document.xml is missing)");

    const auto malformed = FileImporter::importFile(test::fixturePath(QStringLiteral("malformed_xml.docx")));
    REQUIRE_FALSE(malformed.ok());
    CHECK(s(malformed.errorMessage()).rfind("malformed_xml.docx: malformed XML in word/document.xml (line 3, ", 0) == 0);

    // Plain text renamed to .docx / .odt.
    const auto text = FileImporter::importBytes(QByteArray("R8: not a zip"), QStringLiteral("notes.docx"));
    CHECK(s(text.errorMessage()).rfind("notes.docx: not a readable zip archive", 0) == 0);
    // A .docx renamed to .odt is not an OpenDocument text.
    const auto renamed = OdtReader::read(fixture(QStringLiteral("interview_R8.docx")), QStringLiteral("renamed.odt"));
    CHECK(s(renamed.errorMessage()) == "renamed.odt: not an OpenDocument text (content.xml is missing)");
    const auto renamedBack = DocxReader::read(fixture(QStringLiteral("interview_R8.odt")), QStringLiteral("renamed.docx"));
    CHECK(s(renamedBack.errorMessage()) == "renamed.docx: not a Word document (word/document.xml is missing)");
}
