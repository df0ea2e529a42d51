// The audit against manuscripts written to hold each class of defect (tests/fixtures/integrity):
// falsified words, short quotations, editorial insertions, splices, quantifiers and unsupported
// claims, each in Markdown and in a LibreOffice .docx, checked against their answer keys.

#include "IndexCandidateFinder.h"
#include "SampleProjects.h"
#include "SearchIndex.h"
#include "TestPaths.h"
#include "import/FileImporter.h"
#include "store/Project.h"
#include "trace/Auditor.h"
#include "trace/NormalizedText.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <catch2/catch.hpp>
#include <memory>

using namespace warrant;

namespace {

// The sample project with its index, opened once for every manuscript of this file.
struct Sample {
    std::unique_ptr<Project> project;
    std::unique_ptr<SearchIndex> index;
};

Sample& sample() {
    static Sample s = [] {
        Sample opened;
        const QString path = test::sharedSampleProject();
        auto project = Project::open(path, Project::Mode::ReadOnly);
        REQUIRE(project.ok());
        opened.project = std::move(*project);
        opened.index = std::make_unique<SearchIndex>(SearchIndex::locationFor(path));
        REQUIRE(opened.index->open(*opened.project).ok());
        return opened;
    }();
    return s;
}

QString key(const QString& text) {
    return NormalizedText::of(text).text;
}

QJsonObject answers(const QString& name) {
    QFile f(test::fixturePath(QStringLiteral("integrity/%1.expected.json").arg(name)));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QJsonDocument::fromJson(f.readAll()).object();
}

AuditReport auditFixture(const QString& file) {
    auto document = FileImporter::importFile(test::fixturePath(QStringLiteral("integrity/") + file));
    REQUIRE(document.ok());
    IndexCandidateFinder finder(*sample().index);
    auto report = Auditor(*sample().project, &finder)
                      .audit(Manuscript{0, document->title, document->text}, Auditor::defaultFailOn());
    REQUIRE(report.ok());
    return *report;
}

const AuditQuote* quoteOf(const AuditReport& report, const QString& text) {
    for (const AuditClaim& c : report.claims)
        for (const AuditQuote& q : c.quotes)
            if (key(q.text) == key(text)) return &q;
    return nullptr;
}

const AuditClaim* claimWith(const AuditReport& report, const QString& excerpt) {
    for (const AuditClaim& c : report.claims)
        if (key(c.text).contains(key(excerpt))) return &c;
    return nullptr;
}

bool hasCheck(const AuditClaim& claim, const QString& name) {
    return std::any_of(claim.checks.begin(), claim.checks.end(),
                       [&](const AuditCheck& k) { return claimCheckName(k.check) == name; });
}

// Who said each piece of a spliced or misattributed quotation, as the verdict located them.
QStringList pieceSpeakers(const AuditQuote& q) {
    QStringList speakers;
    auto speaker = [](const EvidenceLocation& l) {
        return l.interviewer ? QStringLiteral("interviewer") : l.participant;
    };
    if (q.found) speakers << speaker(*q.found);
    for (const EvidenceLocation& l : q.alsoFound)
        speakers << speaker(l);
    return speakers;
}

void checkQuotes(const AuditReport& report, const QJsonObject& expected, const QString& file) {
    int variants = 0;
    for (const QJsonValue& v : expected.value(QStringLiteral("quotes")).toArray()) {
        const QJsonObject want = v.toObject();
        const QString text = want.value(QStringLiteral("text")).toString();
        const QString verdict = want.value(QStringLiteral("verdict")).toString();
        INFO(file.toStdString() << ": " << text.toStdString() << " ("
                                << want.value(QStringLiteral("variant")).toString().toStdString() << ")");
        const AuditQuote* got = quoteOf(report, text);
        REQUIRE(got);
        INFO("explanation: " << got->explanation.toStdString() << " diff: " << got->diff.toStdString());
        CHECK(quoteVerdictName(got->verdict) == verdict);
        ++variants;
        // Spliced and misattributed quotations name whose each piece is.
        const QJsonArray pieces = want.value(QStringLiteral("pieces")).toArray();
        if (!pieces.isEmpty() && got->verdict == QuoteVerdict::Spliced) {
            const QStringList speakers = pieceSpeakers(*got);
            for (const QJsonValue& p : pieces)
                CHECK(speakers.contains(p.toObject().value(QStringLiteral("speaker")).toString()));
            for (const QJsonValue& p : pieces)
                CHECK(got->explanation.contains(p.toObject().value(QStringLiteral("speaker")).toString()));
        }
    }
    CHECK(variants >= 5);
    for (const QJsonValue& v : expected.value(QStringLiteral("not_quotes")).toArray()) {
        const QString text =
            v.isObject() ? v.toObject().value(QStringLiteral("text")).toString() : v.toString();
        INFO(file.toStdString() << ": a scare quote in an uncited sentence is no evidence: "
                                << text.toStdString());
        CHECK_FALSE(quoteOf(report, text));
    }
}

void checkClaims(const AuditReport& report, const QJsonObject& expected, const QString& file,
                 const QString& underTest) {
    for (const QJsonValue& v : expected.value(QStringLiteral("checks")).toArray()) {
        const QJsonObject want = v.toObject();
        const QString excerpt = want.value(QStringLiteral("claim_excerpt")).toString();
        INFO(file.toStdString() << ": " << excerpt.toStdString());
        const AuditClaim* claim = claimWith(report, excerpt);
        REQUIRE(claim);
        CHECK(hasCheck(*claim, want.value(QStringLiteral("check")).toString()));
    }
    for (const QJsonValue& v : expected.value(QStringLiteral("no_checks")).toArray()) {
        const QString excerpt = v.toObject().value(QStringLiteral("claim_excerpt")).toString();
        INFO(file.toStdString() << ": control " << excerpt.toStdString());
        const AuditClaim* claim = claimWith(report, excerpt);
        REQUIRE(claim);
        for (const AuditCheck& k : claim->checks)
            INFO("raised: " << k.message.toStdString());
        CHECK_FALSE(hasCheck(*claim, underTest));
        CHECK_FALSE(hasCheck(*claim, QStringLiteral("orphan-citation")));
    }
}

void auditBoth(const QString& name, const QString& checkUnderTest = {}) {
    const QJsonObject expected = answers(name);
    for (const QString& extension : {QStringLiteral("md"), QStringLiteral("docx")}) {
        const QString file = name + u'.' + extension;
        const AuditReport report = auditFixture(file);
        checkQuotes(report, expected, file);
        if (!checkUnderTest.isEmpty()) checkClaims(report, expected, file, checkUnderTest);
    }
}

} // namespace

TEST_CASE("One real word put for another never passes, however long the quotation", "[audit][integrity]") {
    auditBoth(QStringLiteral("substitutions"));
}

TEST_CASE("Short quotations in a cited sentence are checked; unfound ones are noted as scare quotes",
          "[audit][integrity]") {
    auditBoth(QStringLiteral("short-quotes"));
}

TEST_CASE("Editorial insertions and [sic] at any place of any kind of quotation are read",
          "[audit][integrity]") {
    auditBoth(QStringLiteral("insertions"));
}

TEST_CASE("Pieces of different participants joined as one quotation are located and named",
          "[audit][integrity]") {
    auditBoth(QStringLiteral("splices"));
}

TEST_CASE("Quantifiers over a group need evidence from enough of that group", "[audit][integrity]") {
    auditBoth(QStringLiteral("quantifiers"), QStringLiteral("quantifier"));
}

TEST_CASE("Claims whose subject the cited participants never mention are unsupported", "[audit][integrity]") {
    auditBoth(QStringLiteral("unsupported"), QStringLiteral("unsupported"));
}
