// A quotation made of everyday words ("and it was not the way that we were") has no word that
// singles out its passage, so ranking passages by their words cannot find who said it: the
// audit looks it up as a phrase first, and a quotation someone else said is misattributed,
// never not-found.

#include "IndexCandidateFinder.h"
#include "SearchIndex.h"
#include "ops/ImportService.h"
#include "store/Project.h"
#include "trace/QuoteChecker.h"
#include "trace/QuoteVerifier.h"
#include "trace/TurnTexts.h"

#include <QFile>
#include <QTemporaryDir>
#include <algorithm>
#include <catch2/catch.hpp>

using namespace warrant;

namespace {

const QString kSaidByW137 = QStringLiteral("and it was not the way that we were going to do it, so that was that");

// A hundred and fifty interviews full of the same everyday words; W137 alone says the sentence above.
struct EverydayProject {
    QTemporaryDir dir;
    std::unique_ptr<Project> project;
    std::unique_ptr<SearchIndex> index;

    EverydayProject() {
        const QStringList everyday = {QStringLiteral("and"), QStringLiteral("it"),   QStringLiteral("was"),  QStringLiteral("not"),
                                      QStringLiteral("the"), QStringLiteral("way"),  QStringLiteral("that"), QStringLiteral("we"),
                                      QStringLiteral("were"), QStringLiteral("going"), QStringLiteral("to"),  QStringLiteral("do"),
                                      QStringLiteral("so"),  QStringLiteral("of"),   QStringLiteral("they"), QStringLiteral("had")};
        ImportRequest request;
        request.kind = SourceKind::Transcript;
        quint32 seed = 7;
        for (int i = 1; i <= 150; ++i) {
            const QString code = QStringLiteral("W%1").arg(i);
            QString answer;
            for (int w = 0; w < 80; ++w) {
                seed = seed * 1664525u + 1013904223u;
                answer += everyday.at(qsizetype((seed >> 16) % quint32(everyday.size()))) + (w % 12 == 11 ? QStringLiteral(". ") : QStringLiteral(" "));
            }
            // Everyone says the same words, backwards: no passage outranks another on them.
            QStringList words = kSaidByW137.split(u' ');
            if (code != QStringLiteral("W137")) std::reverse(words.begin(), words.end());
            answer += u' ' + words.join(u' ') + u'.';
            const QString file = dir.filePath(code + QStringLiteral(".txt"));
            QFile f(file);
            REQUIRE(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("Participant: %1\n\nINT: How did it go?\n\n%1: %2\n").arg(code, answer).toUtf8());
            request.paths << file;
        }
        const QString path = dir.filePath(QStringLiteral("p.warrant"));
        auto created = Project::create(path);
        REQUIRE(created.ok());
        project = std::move(*created);
        REQUIRE(ImportService(*project).run(request).ok());
        index = std::make_unique<SearchIndex>(SearchIndex::locationFor(path));
        REQUIRE(index->open(*project).ok());
    }
};

} // namespace

TEST_CASE("A quotation of everyday words said by someone else is misattributed, not not-found", "[audit][integrity]") {
    EverydayProject p;
    IndexCandidateFinder finder(*p.index);
    TurnTexts turns(*p.project);
    QuoteVerifier verifier(turns, &finder, QuoteChecker::corpusWords(*p.project, &finder));
    const QStringList variants = {
        QStringLiteral("it was not the way that we were going to do it"),
        QStringLiteral("And it was not the way that we were going to do it, so that was that"),
        QStringLiteral("it was not the way that we were going to do it … so that was that"),
        QStringLiteral("[it] was not the way that we were going to do it"),
        QStringLiteral("not the way that we were going to do it, so that was that [sic]"),
    };
    for (const QString& quote : variants) {
        INFO(quote.toStdString());
        auto cited = verifier.verify(quote, {QStringLiteral("W3")});
        REQUIRE(cited.ok());
        CHECK(cited->verdict == QuoteVerdict::Misattributed);
        REQUIRE(cited->found.has_value());
        CHECK(cited->found->participant == QStringLiteral("W137"));
        // Cited to the one who said it, the same words are verbatim.
        auto right = verifier.verify(quote, {QStringLiteral("W137")});
        REQUIRE(right.ok());
        CHECK(right->verdict == QuoteVerdict::Verbatim);
    }
}
