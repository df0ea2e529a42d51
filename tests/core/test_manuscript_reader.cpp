// How a manuscript is read into claims: the sentence that carries a citation or quotation is the
// claim, whatever the text's page furniture and wherever the citation stands.

#include "trace/ManuscriptReader.h"

#include <catch2/catch.hpp>

using namespace warrant;

namespace {

const CitationParser& parser() {
    static const CitationParser p(
        {QStringLiteral("R2"), QStringLiteral("R7"), QStringLiteral("R8"), QStringLiteral("P.C.")});
    return p;
}

ManuscriptReading read(const QString& text) {
    auto r = ManuscriptReader(parser()).read(text, QStringLiteral("paper.md"));
    REQUIRE(r.ok());
    return std::move(*r);
}

QStringList claimTexts(const QString& text) {
    const ManuscriptReading r = read(text);
    QStringList out;
    for (const ClaimSpan& c : r.claims)
        out << r.structure.textOf(text, c.start, c.end);
    return out;
}

} // namespace

TEST_CASE("A sentence cut by a page break is one claim without the page's furniture", "[audit][manuscript]") {
    const QString before = QStringLiteral(
        "Interviews reveal dissatisfaction among partners including universities and the business");
    const QString after = QStringLiteral("community (interview, R2, R7). Many partners felt unheard.");
    const QString joined = QStringLiteral("Interviews reveal dissatisfaction among partners including "
                                          "universities and the business community (interview, R2, R7).");
    const QStringList furniture = {
        QStringLiteral("---"),
        QStringLiteral("---\n\n<sup>13</sup> From 2002, funding is channelled through a single budget."),
        QStringLiteral("14"),
        QStringLiteral("[^3]: The limit was later lifted."),
        QStringLiteral("***\n\nPage 12\n\n\u00B9 A footnote in a superscript digit."),
    };
    for (const QString& between : furniture) {
        INFO(between.toStdString());
        const QString text = QStringLiteral("# Partnership\n\n%1\n\n%2\n\n%3\n").arg(before, between, after);
        const QStringList claims = claimTexts(text);
        REQUIRE(claims.size() == 1);
        CHECK(claims.front() == joined);
    }
}

TEST_CASE("A footnote's citation inside a sentence cut by a page break stays the footnote's",
          "[audit][manuscript]") {
    const QString text = QStringLiteral("Partners felt that they were consulted too late and "
                                        "the\n\n---\n\n<sup>2</sup> As one put it (interview, R8).\n\n"
                                        "process was rushed (interview, R2).\n");
    const ManuscriptReading r = read(text);
    REQUIRE(r.claims.size() == 2);
    const ClaimSpan& cut = r.claims.front();
    CHECK(r.structure.textOf(text, cut.start, cut.end) ==
          QStringLiteral(
              "Partners felt that they were consulted too late and the process was rushed (interview, R2)."));
    const qsizetype footnoteCitation = text.indexOf(QStringLiteral("(interview, R8)"));
    CHECK(r.structure.interrupted(cut.start, cut.end, footnoteCitation));
    CHECK(r.structure.textOf(text, r.claims.back().start, r.claims.back().end) ==
          QStringLiteral("<sup>2</sup> As one put it (interview, R8)."));
}

TEST_CASE("A paragraph that ends a sentence is not continued by the next", "[audit][manuscript]") {
    const QString text = QStringLiteral("Partners were consulted (interview, R2).\n\n---\n\nlower-case start "
                                        "of a list item (interview, R7).\n");
    CHECK(claimTexts(text) ==
          QStringList{QStringLiteral("Partners were consulted (interview, R2)."),
                      QStringLiteral("lower-case start of a list item (interview, R7).")});
}

TEST_CASE("A citation standing after the full stop cites the sentence before it", "[audit][manuscript]") {
    const std::vector<std::pair<QString, QString>> variants = {
        {QStringLiteral(
             "Some complained that they were not listened to. (interview, R2, R7). Others agreed."),
         QStringLiteral("Some complained that they were not listened to. (interview, R2, R7).")},
        {QStringLiteral("Some complained that they were not listened to. (interview, R8)"),
         QStringLiteral("Some complained that they were not listened to. (interview, R8)")},
        {QStringLiteral("First point. Some complained that they were not listened to! (interview, P.C.)."),
         QStringLiteral("Some complained that they were not listened to! (interview, P.C.).")},
        {QStringLiteral("> Nobody asked us.\n\n(interview, R8)\n"),
         QStringLiteral("Nobody asked us.\n\n(interview, R8)")},
        {QStringLiteral("Was anyone asked? (interview, R7)."),
         QStringLiteral("Was anyone asked? (interview, R7).")},
    };
    for (const auto& [text, claim] : variants) {
        INFO(text.toStdString());
        const QStringList claims = claimTexts(text);
        REQUIRE(claims.size() == 1);
        CHECK(claims.front() == claim);
    }
}

TEST_CASE("A manuscript past the size bound is refused with a message naming it", "[audit][manuscript]") {
    const QString huge(ManuscriptReader::kMaxCharacters + 1, u'a');
    auto r = ManuscriptReader(parser()).read(huge, QStringLiteral("thesis.md"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.contains(QStringLiteral("thesis.md")));
    CHECK(r.error().message.contains(QStringLiteral("too large")));
}

TEST_CASE("Quotations and citations are read once, in text order", "[audit][manuscript]") {
    QString text;
    for (int i = 0; i < 200; ++i)
        text += QStringLiteral("Paragraph %1 says 'we were never asked about it' (interview, R8). Then more "
                               "prose follows.\n\n")
                    .arg(i);
    const ManuscriptReading r = read(text);
    CHECK(r.citations.size() == 200);
    CHECK(r.quotes.size() == 200);
    CHECK(r.claims.size() == 200);
    for (size_t i = 1; i < r.claims.size(); ++i)
        CHECK(r.claims[i - 1].end <= r.claims[i].start);
}

TEST_CASE("A block quotation's claim reads without its Markdown markers", "[audit][manuscript]") {
    const QString text = QStringLiteral("A member recalled that:\n\n> Nobody asked us.\n> We heard it on the radio.\n\n(interview, R8)\n");
    const QStringList claims = claimTexts(text);
    REQUIRE(claims.size() == 1);
    CHECK(claims.front() == QStringLiteral("Nobody asked us.\nWe heard it on the radio.\n\n(interview, R8)"));
}
