// --fail-on names verdicts and checks the way reports print them, however they are typed.

#include <catch2/catch.hpp>

#include "trace/Auditor.h"

using namespace warrant;

TEST_CASE("Fail-on names are read like verdicts and checks", "[audit][fail-on]") {
    auto parsed = Auditor::parseFailOn(QStringLiteral("Not Found, not_found,MISATTRIBUTED , orphan_citation,Quantifier"));
    REQUIRE(parsed.ok());
    CHECK(*parsed == QSet<QString>{QStringLiteral("not-found"), QStringLiteral("misattributed"), QStringLiteral("orphan-citation"),
                                   QStringLiteral("quantifier")});
    auto none = Auditor::parseFailOn(QStringLiteral("none"));
    REQUIRE(none.ok());
    CHECK(none->isEmpty());
    auto unknown = Auditor::parseFailOn(QStringLiteral("altered,made-up"));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message.contains(QStringLiteral("made-up")));
}
