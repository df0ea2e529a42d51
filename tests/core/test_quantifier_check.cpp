// Quantified claims about interviewees need evidence from that many participants of the group
// they name; the group is read from the participants' attributes.

#include "trace/QuantifierCheck.h"

#include <catch2/catch.hpp>

using namespace warrant;

namespace {

Participant person(const char* code, const char* group, const char* role = "",
                   const char* organisation = "") {
    Participant p;
    p.code = QString::fromUtf8(code);
    p.attributes.push_back({QStringLiteral("group"), QStringLiteral("text"), QString::fromUtf8(group)});
    if (*role)
        p.attributes.push_back({QStringLiteral("role"), QStringLiteral("text"), QString::fromUtf8(role)});
    if (*organisation)
        p.attributes.push_back(
            {QStringLiteral("organisation"), QStringLiteral("text"), QString::fromUtf8(organisation)});
    p.attributes.push_back({QStringLiteral("description"), QStringLiteral("text"),
                            QStringLiteral("medical devices firm, regional office")});
    return p;
}

// Six medical participants (two of them in the Cluster Opportunity Group), four regional officials.
std::vector<Participant> study() {
    return {person("M1", "medical", "manager", "Cluster Opportunity Group"),
            person("M2", "medical", "director", "Cluster Opportunity Group"),
            person("M3", "medical", "manager"),
            person("M4", "medical", "engineer"),
            person("M5", "medical", "manager"),
            person("M6", "medical", "founder"),
            person("R1", "regional", "official"),
            person("R2", "regional", "official"),
            person("R3", "regional", "official"),
            person("R4", "regional", "official")};
}

QSet<QString> codes(std::initializer_list<const char*> list) {
    QSet<QString> out;
    for (const char* c : list)
        out.insert(QString::fromUtf8(c));
    return out;
}

} // namespace

TEST_CASE("Quantifiers need a share of the group they speak of", "[audit][quantifier]") {
    CHECK(QuantifierCheck::needs(QStringLiteral("most"), 8) == 5);
    CHECK(QuantifierCheck::needs(QStringLiteral("the majority of"), 29) == 15);
    CHECK(QuantifierCheck::needs(QStringLiteral("all"), 10) == 9);
    CHECK(QuantifierCheck::needs(QStringLiteral("nearly all"), 4) == 3);
    CHECK(QuantifierCheck::needs(QStringLiteral("many"), 29) == 5);
    CHECK(QuantifierCheck::needs(QStringLiteral("many"), 4) == 3);
    CHECK(QuantifierCheck::needs(QStringLiteral("several"), 10) == 3);
    CHECK(QuantifierCheck::needs(QStringLiteral("few"), 10) == 2);
    CHECK(QuantifierCheck::needs(QStringLiteral("three"), 10) == 3);
    CHECK(QuantifierCheck::needs(QStringLiteral("12 of 29"), 29) == 12);
    CHECK(QuantifierCheck::needs(QStringLiteral("two out of five"), 5) == 2);
    CHECK(QuantifierCheck::needs(QStringLiteral("perhaps"), 10) == 0);
}

TEST_CASE("A quantifier with modifiers names its group from the participants' attributes",
          "[audit][quantifier]") {
    const QuantifierCheck check(study());
    struct Variant {
        const char* claim;
        const char* group;
        int members;
        int needs;
    };
    const std::vector<Variant> variants = {
        {"Most medical respondents said the cluster was too broad.", "medical", 6, 4},
        {"Most of the medical interviewees said the cluster was too broad.", "medical", 6, 4},
        {"The majority of COG members felt unheard.", "COG", 2, 2},
        {"Nearly all regional officials agreed.", "regional officials", 4, 3},
        {"A few medical managers were sceptical.", "medical managers", 3, 2},
        {"Three interviewees disagreed.", "", 10, 3},
        {"7 of 10 respondents disagreed.", "", 10, 7},
        {"Several of the regional partners complained.", "regional", 4, 3},
    };
    for (const Variant& v : variants) {
        INFO(v.claim);
        const auto found = check.find(QString::fromUtf8(v.claim));
        REQUIRE(found.size() == 1);
        CHECK(found.front().group == QString::fromUtf8(v.group));
        CHECK(found.front().members.size() == v.members);
        CHECK(found.front().needs == v.needs);
    }
}

TEST_CASE("Evidence from too few of the group raises a quantifier check, enough of it none",
          "[audit][quantifier]") {
    const QuantifierCheck check(study());
    const QString claim = QStringLiteral("Most medical respondents said the cluster was too broad.");
    const auto one = check.check(claim, codes({"M3"}));
    REQUIRE(one.size() == 1);
    CHECK(one.front().check == ClaimCheck::Quantifier);
    CHECK(one.front().message.contains(QStringLiteral("4 of the 6 medical participants")));
    CHECK(one.front().participants == QStringList{QStringLiteral("M3")});
    // Regional officials do not count towards a claim about the medical group.
    CHECK(check.check(claim, codes({"M3", "R1", "R2", "R3"})).size() == 1);
    CHECK(check.check(claim, codes({"M1", "M3", "M4", "M6"})).empty());
}

TEST_CASE("Claims that need one participant, or no quantifier at all, raise no quantifier check",
          "[audit][quantifier]") {
    const QuantifierCheck check(study());
    CHECK(check.find(QStringLiteral("One respondent said the cluster was too broad.")).empty());
    CHECK(check.find(QStringLiteral("A single interviewee recalled the meeting.")).empty());
    CHECK(check.find(QStringLiteral("The respondents were interviewed in 2005.")).empty());
    CHECK(check.check(QStringLiteral("Some say the policy was late."), codes({"M1"})).empty());
    // A description ("medical devices firm, regional office") does not place anyone in a group.
    const auto found = check.find(QStringLiteral("Most firm representatives agreed."));
    REQUIRE(found.size() == 1);
    CHECK(found.front().members.size() == 10);
}
