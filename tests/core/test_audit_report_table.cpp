#include "AuditReportFixture.h"
#include "text/CsvReader.h"
#include "trace/report/EvidenceTableWriter.h"

#include <QRegularExpression>
#include <catch2/catch.hpp>

using namespace warrant;

namespace {

EvidenceTableWriter::Attributes attributes() {
    return {
        {QStringLiteral("R8"),
         {{QStringLiteral("role"), QStringLiteral("officer")},
          {QStringLiteral("group"), QStringLiteral("Council")},
          {QStringLiteral("years"), QStringLiteral("12")}}},
        {QStringLiteral("R9"),
         {{QStringLiteral("group"), QStringLiteral("Business, \"SME\"")},
          {QStringLiteral("role"), QStringLiteral("owner\nmanager")}}},
        {QStringLiteral("r11"), {{QStringLiteral("Zone"), QStringLiteral("north | west")}}},
        {QStringLiteral("R10"), {{QStringLiteral("group"), QStringLiteral("Council")}}},
    };
}

const QStringList kHeader = {QStringLiteral("Claim"),
                             QStringLiteral("Claim text"),
                             QStringLiteral("Quotation or evidence"),
                             QStringLiteral("Verdict or stance"),
                             QStringLiteral("Participant"),
                             QStringLiteral("Source"),
                             QStringLiteral("Turn"),
                             QStringLiteral("group"),
                             QStringLiteral("role"),
                             QStringLiteral("years"),
                             QStringLiteral("Zone")};

} // namespace

TEST_CASE("Evidence table CSV: one row per claim, quotation or evidence, participant", "[report]") {
    const QString csv = EvidenceTableWriter::csv(test::sampleAuditReport(), attributes());
    const auto parsed = CsvReader::parse(csv, QStringLiteral("table.csv"));
    INFO(parsed.errorMessage().toStdString());
    REQUIRE(parsed.ok());
    const std::vector<CsvRow>& rows = *parsed;
    REQUIRE(rows.size() == 1 + 16);
    CHECK(rows[0].fields == kHeader);
    for (const CsvRow& r : rows)
        CHECK(r.fields.size() == kHeader.size());

    auto column = [&](int c) {
        QStringList values;
        for (size_t i = 1; i < rows.size(); ++i)
            values << rows[i].fields[c];
        return values;
    };
    CHECK(column(0) ==
          QStringList({"1", "1", "1", "2", "2", "2", "2", "3", "3", "3", "3", "3", "3", "3", "4", "5"}));
    CHECK(column(3) ==
          QStringList({"verbatim", "near-verbatim", "altered", "misattributed", "interviewer-words",
                       "spliced", "spliced", "ambiguous", "not-found", "not-found", "literature", "document",
                       "uncited", "contradicts", "verbatim", ""}));
    CHECK(column(4) == QStringList({"R8", "R8", "R9", "R11", "interviewer", "J.M.", "J.M.", "R8", "R8", "R9",
                                    "", "", "", "R10", "R10", ""}));
    CHECK(column(6) ==
          QStringList({"12", "12", "3", "14", "5", "6", "9", "20", "", "", "", "", "", "4", "7", ""}));

    // Attributes, with commas, quotes and newlines surviving the round trip.
    CHECK(rows[1].fields.mid(7) == QStringList({"Council", "officer", "12", ""}));
    CHECK(rows[3].fields.mid(7) == QStringList({"Business, \"SME\"", "owner\nmanager", "", ""}));
    CHECK(rows[4].fields.mid(7) == QStringList({"", "", "", "north | west"})); // looked up case-insensitively
    CHECK(rows[3].fields[2] == QStringLiteral("the <grant> arrived | early"));
    CHECK(rows[4].fields[2] == QStringLiteral("we were never asked 😀"));
    CHECK(rows[1].fields[1] ==
          QStringLiteral("The money came late <script>alert('x')</script> (interview, R8; R9; Conlin\u2026"));
    CHECK(rows[14].fields[2] == QStringLiteral("nobody trusts them, even now"));
    CHECK(rows[16].fields[1] == QStringLiteral("Clusters rarely outlive their funding (Conlin, 2006)."));
}

TEST_CASE("Evidence table CSV: columns stay put without attributes", "[report]") {
    const auto parsed =
        CsvReader::parse(EvidenceTableWriter::csv(test::sampleAuditReport(), {}), QStringLiteral("t.csv"));
    REQUIRE(parsed.ok());
    CHECK(parsed->front().fields == kHeader.mid(0, 7));
    CHECK(parsed->size() == 17);
    CHECK(EvidenceTableWriter::csv(AuditReport{}, attributes()) == CsvReader::formatRow(kHeader));
}

TEST_CASE("Evidence table Markdown: a row per line, pipes escaped", "[report]") {
    const QString md = EvidenceTableWriter::markdown(test::sampleAuditReport(), attributes());
    INFO(md.toStdString());
    const QStringList lines = md.split(u'\n', Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 2 + 16);
    static const QRegularExpression unescapedPipe(QStringLiteral("(?<!\\\\)\\|"));
    for (const QString& line : lines) {
        CHECK(line.startsWith(QStringLiteral("| ")));
        CHECK(line.endsWith(QStringLiteral(" |")));
        CHECK(line.count(unescapedPipe) == kHeader.size() + 1);
    }
    CHECK(lines[0] == QStringLiteral("| ") + kHeader.join(QStringLiteral(" | ")) + QStringLiteral(" |"));
    CHECK(lines[1].startsWith(QStringLiteral("| --: | --- |")));
    CHECK(md.contains(QStringLiteral("| the &lt;grant> arrived \\| early | altered | R9 | R9.txt | 3 | "
                                     "Business, \"SME\" | owner manager |  |  |")));
    CHECK(md.contains(QStringLiteral("north \\| west")));
    CHECK_FALSE(md.contains(QStringLiteral("<script")));
}
