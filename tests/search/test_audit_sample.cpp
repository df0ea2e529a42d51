#include <catch2/catch.hpp>

#include "IndexCandidateFinder.h"
#include "SearchIndex.h"
#include "TestPaths.h"
#include "ops/DemoProjectBuilder.h"
#include "store/Project.h"
#include "store/SourceRepository.h"
#include "trace/Auditor.h"
#include "trace/NormalizedText.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <iostream>

using namespace warrant;

namespace {

QJsonArray plantedDefects() {
    QFile f(test::sourcePath(QStringLiteral("sample_corpus/expected/planted-defects.json")));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("defects")).toArray();
}

QString kindOfVerdict(QuoteVerdict v) {
    switch (v) {
    case QuoteVerdict::Misattributed: return QStringLiteral("misattributed");
    case QuoteVerdict::Altered: return QStringLiteral("altered");
    case QuoteVerdict::NotFound: return QStringLiteral("fabricated");
    case QuoteVerdict::Spliced: return QStringLiteral("spliced");
    case QuoteVerdict::InterviewerWords: return QStringLiteral("interviewer_words");
    default: return {};
    }
}

bool sameText(const QString& a, const QString& b) { return NormalizedText::of(a).text.contains(NormalizedText::of(b).text); }

} // namespace

struct AuditOutcome {
    QStringList missing;
    QStringList unexpected;
    int verifiedQuotes = 0;
};

AuditOutcome auditSample() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.warrant"));
    REQUIRE(DemoProjectBuilder::build(test::sourcePath(QStringLiteral("sample_corpus")), path).ok());
    auto project = Project::open(path);
    REQUIRE(project.ok());
    SearchIndex index(SearchIndex::locationFor(path));
    REQUIRE(index.open(**project).ok());
    IndexCandidateFinder finder(index);
    auto manuscript = SourceRepository(**project).findByName(QStringLiteral("findings-chapter"));
    REQUIRE(manuscript.ok());
    REQUIRE(manuscript->has_value());

    auto report = Auditor(**project, &finder).audit((*manuscript)->id, Auditor::defaultFailOn());
    REQUIRE(report.ok());

    // Every finding the audit raises, as (kind, text it is about).
    std::vector<std::pair<QString, QString>> findings;
    int verifiedQuotes = 0;
    for (const AuditClaim& c : report->claims) {
        for (const AuditQuote& q : c.quotes) {
            if (q.verdict == QuoteVerdict::Verbatim || q.verdict == QuoteVerdict::NearVerbatim) ++verifiedQuotes;
            const QString kind = kindOfVerdict(q.verdict);
            if (!kind.isEmpty()) findings.emplace_back(kind, q.text);
        }
        for (const AuditCheck& k : c.checks) {
            if (k.check == ClaimCheck::Quantifier) findings.emplace_back(QStringLiteral("quantifier_overclaim"), c.text);
            if (k.check == ClaimCheck::Unsupported || k.check == ClaimCheck::OrphanCitation)
                findings.emplace_back(QStringLiteral("unsupported_claim"), c.text);
        }
    }
    QStringList unexpected;
    std::vector<bool> matched(findings.size(), false);
    QStringList missing;
    for (const QJsonValue& v : plantedDefects()) {
        const QJsonObject d = v.toObject();
        const QString kind = d.value(QStringLiteral("kind")).toString();
        const QString quote = d.value(QStringLiteral("quote")).toString();
        const QString excerpt = d.value(QStringLiteral("claim_excerpt")).toString();
        bool found = false;
        for (size_t i = 0; i < findings.size(); ++i) {
            if (matched[i] || findings[i].first != kind) continue;
            const bool same = quote.isEmpty() ? sameText(findings[i].second, excerpt) : sameText(findings[i].second, quote);
            if (same) {
                matched[i] = found = true;
                break;
            }
        }
        if (!found) missing << d.value(QStringLiteral("id")).toString() + QStringLiteral(" ") + kind;
    }
    for (size_t i = 0; i < findings.size(); ++i)
        if (!matched[i]) unexpected << findings[i].first + QStringLiteral(": ") + findings[i].second.left(120);
    return {missing, unexpected, verifiedQuotes};
}

TEST_CASE("Auditing the sample manuscript reports exactly the planted defects", "[audit][sample]") {
    const AuditOutcome outcome = auditSample();
    INFO("missing: " << outcome.missing.join(QStringLiteral("; ")).toStdString());
    INFO("unexpected: " << outcome.unexpected.join(QStringLiteral("\n")).toStdString());
    CHECK(outcome.missing.isEmpty());
    CHECK(outcome.unexpected.isEmpty());
    CHECK(outcome.verifiedQuotes >= 40);
}
