#include <catch2/catch.hpp>

#include "SampleProjects.h"
#include "analysis/AgreementStatistics.h"
#include "analysis/AnalysisSnapshot.h"
#include "analysis/CodeCooccurrence.h"
#include "analysis/CodeMatrix.h"
#include "analysis/CodeQuery.h"
#include "analysis/Disagreements.h"
#include "analysis/IntercoderAgreement.h"
#include "analysis/SaturationCoverage.h"
#include "ops/ImportService.h"
#include "store/CodebookRepository.h"
#include "store/CodingRepository.h"
#include "store/ParticipantRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"
#include "text/TextOffsets.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>

#include <map>

using namespace warrant;

namespace {

// One interview of ten turns, INT and R1 taking turns; every answer is two sentences.
QString interview(const QString& who, const QString& date) {
    QString text = QStringLiteral("Participant: %1\nDate: %2\n\n").arg(who, date);
    for (int t = 1; t <= 10; ++t) {
        if (t % 2) text += QStringLiteral("INT: Question number %1 for you?\n\n").arg(t);
        else text += QStringLiteral("%1: Answer %2 starts here. It ends here.\n\n").arg(who).arg(t);
    }
    return text;
}

struct HandProject {
    QTemporaryDir dir;
    std::unique_ptr<Project> project;
    qint64 source = 0;
    qint64 trust = 0, funding = 0, unused = 0;

    HandProject() {
        auto created = Project::create(dir.filePath(QStringLiteral("hand.warrant")), QStringLiteral("alewis"));
        REQUIRE(created.ok());
        project = std::move(*created);
        source = importInterview(QStringLiteral("R1"), QStringLiteral("21 June 2005"));
        CodebookRepository codes(*project);
        trust = *codes.ensurePath(QStringLiteral("Trust"));
        funding = *codes.ensurePath(QStringLiteral("Funding"));
        unused = *codes.ensurePath(QStringLiteral("Unused"));
    }
    qint64 importInterview(const QString& who, const QString& date) {
        const QString path = dir.filePath(who + QStringLiteral(".txt"));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(interview(who, date).toUtf8());
        f.close();
        auto report = ImportService(*project).run({{path}, SourceKind::Transcript, {}});
        REQUIRE(report.ok());
        return report->imported.front().sourceId;
    }
    void code(const QString& coder, qint64 codeId, std::initializer_list<int> turns, qint64 inSource = 0) {
        project->setCoder(coder);
        for (int t : turns) REQUIRE(CodingRepository(*project).applyTurn(inSource ? inSource : source, t, codeId).ok());
    }
    AnalysisSnapshot snapshot() {
        auto s = AnalysisSnapshot::load(*project);
        REQUIRE(s.ok());
        return std::move(*s);
    }
    qint64 turnLength(int number) {
        const auto turns = SourceRepository(*project).turns(source);
        for (const Turn& t : *turns)
            if (t.number == number) return t.end - t.start;
        FAIL("no turn " << number);
        return 0;
    }
};

const CodeAgreement& byCode(const AgreementReport& r, const QString& path) {
    for (const CodeAgreement& c : r.codes)
        if (c.code == path) return c;
    FAIL("no code " << path.toStdString());
    return r.codes.front();
}

AgreementReport agreementOf(HandProject& h, QStringList coders, AgreementUnit unit) {
    const AnalysisSnapshot s = h.snapshot();
    auto report = IntercoderAgreement::compute(*h.project, s, {coders, {}, unit, {}});
    REQUIRE(report.ok());
    return *report;
}

} // namespace

TEST_CASE("Agreement on turns equals a hand computation", "[analysis][agreement]") {
    HandProject h;
    h.code(QStringLiteral("alewis"), h.trust, {2, 4, 6, 8});
    h.code(QStringLiteral("bosei"), h.trust, {2, 4, 5});
    const AgreementReport r = agreementOf(h, {QStringLiteral("alewis"), QStringLiteral("bosei")}, AgreementUnit::Turn);
    const AgreementFigures& f = byCode(r, QStringLiteral("Trust")).figures;
    // Ten turns, interviewer turns included: both 2, 4; alewis alone 6, 8; bosei alone 5.
    CHECK(f.units == 10);
    CHECK(f.both == 2);
    CHECK(f.firstOnly == 2);
    CHECK(f.secondOnly == 1);
    CHECK(f.neither == 5);
    CHECK(f.percentAgreement.value() == Approx(0.7));
    // p_e = 0.4·0.3 + 0.6·0.7 = 0.54; κ = (0.7 − 0.54) / 0.46.
    CHECK(f.kappa.value() == Approx(0.16 / 0.46));
    // 20 values (7 ones, 13 zeros), 6 disagreeing pairs: α = 1 − 19·6 / (2·13·7).
    CHECK(f.alpha.value() == Approx(1.0 - 19.0 * 6.0 / 182.0));
    // Nobody used these codes: no variation, so the coefficients are undefined, not NaN.
    const AgreementFigures& none = byCode(r, QStringLiteral("Unused")).figures;
    CHECK(none.neither == 10);
    CHECK_FALSE(none.kappa.has_value());
    CHECK_FALSE(none.alpha.has_value());
    CHECK(r.toJson().value(QStringLiteral("codes")).toArray().at(2).toObject().value(QStringLiteral("kappa")).isNull());
    CHECK(r.kappaName() == QStringLiteral("Cohen's kappa"));
}

TEST_CASE("Agreement on characters and sentences counts what the codings cover", "[analysis][agreement]") {
    HandProject h;
    h.code(QStringLiteral("alewis"), h.trust, {2, 4, 6, 8});
    h.code(QStringLiteral("bosei"), h.trust, {2, 4, 5});
    const QStringList coders{QStringLiteral("alewis"), QStringLiteral("bosei")};
    const AgreementFigures chars = byCode(agreementOf(h, coders, AgreementUnit::Character), QStringLiteral("Trust")).figures;
    const qint64 textLength = TextOffsets::codePointLength((*SourceRepository(*h.project).get(h.source))->text);
    // A coded turn is its text without the label ("R1: "), as codable() narrows it.
    auto coded = [&](int t) { return h.turnLength(t); };
    CHECK(chars.units == textLength);
    CHECK(chars.both == coded(2) + coded(4));
    CHECK(chars.firstOnly == coded(6) + coded(8));
    CHECK(chars.secondOnly == coded(5));
    CHECK(chars.neither == textLength - chars.both - chars.firstOnly - chars.secondOnly);

    const AgreementFigures sentences = byCode(agreementOf(h, coders, AgreementUnit::Sentence), QStringLiteral("Trust")).figures;
    // Answers are two sentences, questions one: 5·2 + 5·1 = 15 sentences.
    CHECK(sentences.units == 15);
    CHECK(sentences.both == 4);
    CHECK(sentences.firstOnly == 4);
    CHECK(sentences.secondOnly == 1); // turn 5 is a question: one sentence
    CHECK(sentences.neither == 6);
}

TEST_CASE("Agreement among three coders uses Fleiss' kappa and alpha with every coder", "[analysis][agreement]") {
    HandProject h;
    h.code(QStringLiteral("alewis"), h.trust, {2, 4, 6});
    h.code(QStringLiteral("bosei"), h.trust, {2, 4});
    h.code(QStringLiteral("carla"), h.trust, {2, 8});
    const AgreementReport r = agreementOf(h, {QStringLiteral("alewis"), QStringLiteral("bosei"), QStringLiteral("carla")}, AgreementUnit::Turn);
    const AgreementFigures& f = byCode(r, QStringLiteral("Trust")).figures;
    // Turns coded by 3: {2}; by 2: {4}; by 1: {6, 8}; by none: 6 turns.
    const std::vector<std::int64_t> byCount{6, 2, 1, 1};
    CHECK(f.kappa.value() == Approx(agreement::fleissKappaBinary(byCount).value()));
    CHECK(f.alpha.value() == Approx(agreement::alphaBinary(byCount).value()));
    CHECK(f.percentAgreement.value() == Approx(7.0 / 10.0));
    CHECK(f.both == 2); // alewis and bosei: turns 2 and 4
    CHECK(r.kappaName() == QStringLiteral("Fleiss' kappa"));
}

TEST_CASE("Agreement compares only sources every coder coded, and says what it cannot compare", "[analysis][agreement]") {
    HandProject h;
    const qint64 other = h.importInterview(QStringLiteral("R2"), QStringLiteral("1 July 2005"));
    h.code(QStringLiteral("alewis"), h.trust, {2});
    h.code(QStringLiteral("bosei"), h.trust, {2});
    h.code(QStringLiteral("alewis"), h.trust, {4}, other); // R2: only alewis
    const AgreementReport r = agreementOf(h, {QStringLiteral("alewis"), QStringLiteral("bosei")}, AgreementUnit::Turn);
    CHECK(r.sources == QStringList{QStringLiteral("R1")});
    CHECK(byCode(r, QStringLiteral("Trust")).figures.units == 10);

    const AnalysisSnapshot s = h.snapshot();
    CHECK(IntercoderAgreement::compute(*h.project, s, {{QStringLiteral("alewis")}, {}, AgreementUnit::Turn, {}})
              .errorMessage().contains(QStringLiteral("at least two coders")));
    CHECK(IntercoderAgreement::compute(*h.project, s, {{QStringLiteral("alewis"), QStringLiteral("nobody")}, {}, AgreementUnit::Turn, {}})
              .errorMessage().contains(QStringLiteral("no coder named 'nobody'")));
    CHECK(IntercoderAgreement::compute(*h.project, s, {{QStringLiteral("alewis"), QStringLiteral("bosei")}, {QStringLiteral("Nope")}, AgreementUnit::Turn, {}})
              .errorMessage().contains(QStringLiteral("no code 'Nope'")));
}

TEST_CASE("Disagreements list each coder's version, and adopting one makes the coders agree", "[analysis][agreement]") {
    HandProject h;
    h.code(QStringLiteral("alewis"), h.trust, {2, 4, 6});
    h.code(QStringLiteral("bosei"), h.trust, {2, 5});
    const QStringList coders{QStringLiteral("alewis"), QStringLiteral("bosei")};
    auto list = Disagreements::list(*h.project, h.snapshot(), coders, QStringLiteral("Trust"), AgreementUnit::Turn);
    REQUIRE(list.ok());
    REQUIRE(list->size() == 3); // turns 4, 5, 6
    const Disagreement& first = list->front();
    CHECK(first.citation == QStringLiteral("(R1, turn 4)"));
    REQUIRE(first.versions.size() == 2);
    CHECK(first.versions[0].coded);
    CHECK_FALSE(first.versions[1].coded);
    CHECK(first.versions[0].texts.value(0).startsWith(QStringLiteral("Answer 4 starts here.")));

    const AnalysisSnapshot s = h.snapshot();
    const qint64 alewis = s.findCoder(QStringLiteral("alewis")), bosei = s.findCoder(QStringLiteral("bosei"));
    for (const Disagreement& d : *list)
        REQUIRE(CodingRepository(*h.project).adoptVersion(d.sourceId, d.start, d.end, h.trust, alewis, {bosei}).ok());
    const AgreementFigures after = byCode(agreementOf(h, coders, AgreementUnit::Turn), QStringLiteral("Trust")).figures;
    CHECK(after.firstOnly == 0);
    CHECK(after.secondOnly == 0);
    CHECK(after.both == 3);
    CHECK(after.kappa.value() == Approx(1.0));
}

TEST_CASE("The matrix on the demo project equals counting the coded segments by hand", "[analysis][matrix]") {
    auto project = Project::open(test::sharedSampleProject(), Project::Mode::ReadOnly);
    REQUIRE(project.ok());
    auto snapshot = AnalysisSnapshot::load(**project);
    REQUIRE(snapshot.ok());
    for (const QString& columns : {QStringLiteral("group"), QStringLiteral("participant"), QStringLiteral("coder")}) {
        CAPTURE(columns.toStdString());
        auto m = CodeMatrix::compute(**project, *snapshot, {{}, columns, MatrixCount::Segments});
        REQUIRE(m.ok());
        // By hand: every coding from the retrieval query, its code's ancestors, its speaker's column.
        std::map<std::pair<QString, QString>, QSet<qint64>> expected;
        QHash<QString, QString> groupOf;
        const auto participants = ParticipantRepository(**project).list();
        for (const Participant& p : *participants)
            for (const ParticipantAttribute& a : p.attributes)
                if (a.name.compare(QStringLiteral("group"), Qt::CaseInsensitive) == 0) groupOf.insert(p.code, a.value);
        const auto segments = CodingRepository(**project).segments({});
        for (const CodedSegment& seg : *segments) {
            QString column = columns == u"group" ? groupOf.value(seg.participantCode) : columns == u"coder" ? seg.coder : seg.participantCode;
            if (column.isEmpty()) column = QStringLiteral("(none)");
            for (QString path = seg.codePath; !path.isEmpty(); path = path.contains(u'/') ? path.section(u'/', 0, -2) : QString())
                expected[{path, column}].insert(seg.segmentId);
        }
        qint64 checked = 0;
        for (int r = 0; r < m->rows.size(); ++r)
            for (int c = 0; c < m->columns.size(); ++c) {
                CAPTURE(m->rows[r].toStdString(), m->columns[c].toStdString());
                const auto& ids = expected[{m->rows[r], m->columns[c]}];
                CHECK(m->cells[size_t(r)][size_t(c)] == ids.size());
                CHECK(m->segments[size_t(r)][size_t(c)].size() == size_t(ids.size()));
                checked += m->cells[size_t(r)][size_t(c)];
            }
        CHECK(checked > 0);
        const QJsonObject json = m->toJson();
        CHECK(json.value(QStringLiteral("rows")).toArray().size() == m->rows.size());
        CHECK(json.value(QStringLiteral("cells")).toArray().at(0).toArray().size() == m->columns.size());
    }
}

TEST_CASE("The matrix counts cases and words, and refuses an unknown column", "[analysis][matrix]") {
    HandProject h;
    const qint64 other = h.importInterview(QStringLiteral("R2"), QStringLiteral("1 July 2005"));
    REQUIRE(ParticipantRepository(*h.project).setAttribute(QStringLiteral("R1"), QStringLiteral("group"), QStringLiteral("medical")).ok());
    REQUIRE(ParticipantRepository(*h.project).setAttribute(QStringLiteral("R2"), QStringLiteral("group"), QStringLiteral("medical")).ok());
    h.code(QStringLiteral("alewis"), h.trust, {2, 4});
    h.code(QStringLiteral("bosei"), h.trust, {2});
    h.code(QStringLiteral("alewis"), h.trust, {6}, other);
    const AnalysisSnapshot s = h.snapshot();
    auto cases = CodeMatrix::compute(*h.project, s, {{QStringLiteral("Trust")}, QStringLiteral("group"), MatrixCount::Cases});
    REQUIRE(cases.ok());
    CHECK(cases->columns == QStringList{QStringLiteral("medical")});
    CHECK(cases->cells[0][0] == 2);
    auto segments = CodeMatrix::compute(*h.project, s, {{QStringLiteral("Trust")}, QStringLiteral("group"), MatrixCount::Segments});
    CHECK(segments->cells[0][0] == 3); // turn 2 of R1 is one segment, coded by both
    auto words = CodeMatrix::compute(*h.project, s, {{QStringLiteral("Trust")}, QStringLiteral("participant"), MatrixCount::Words});
    REQUIRE(words.ok());
    CHECK(words->columns == (QStringList{QStringLiteral("R1"), QStringLiteral("R2")}));
    CHECK(words->cells[0] == (std::vector<qint64>{14, 7})); // "Answer 4 starts here. It ends here." is 7 words
    CHECK(CodeMatrix::compute(*h.project, s, {{}, QStringLiteral("shoe size"), MatrixCount::Segments})
              .errorMessage().contains(QStringLiteral("no participant has an attribute 'shoe size'")));
}

TEST_CASE("Co-occurrence counts overlapping segments, shared turns and sources, with Jaccard", "[analysis][cooccurrence]") {
    HandProject h;
    h.code(QStringLiteral("alewis"), h.trust, {2, 4});
    h.code(QStringLiteral("alewis"), h.funding, {4, 6});
    const AnalysisSnapshot s = h.snapshot();
    auto turn = CodeCooccurrence::compute(s, {}, CooccurrenceScope::Turn);
    REQUIRE(turn.ok());
    REQUIRE(turn->pairs.size() == 1);
    CHECK(turn->pairs[0].together == 1);
    CHECK(turn->pairs[0].firstCount == 2);
    CHECK(turn->pairs[0].secondCount == 2);
    CHECK(turn->pairs[0].jaccard.value() == Approx(1.0 / 3.0));
    auto segment = CodeCooccurrence::compute(s, {}, CooccurrenceScope::Segment);
    REQUIRE(segment->pairs.size() == 1);
    CHECK(segment->pairs[0].together == 1);
    CHECK(segment->pairs[0].segments.size() == 1); // the same segment carries both
    auto source = CodeCooccurrence::compute(s, {}, CooccurrenceScope::Source);
    CHECK(source->pairs[0].jaccard.value() == Approx(1.0));
    CHECK(CodeCooccurrence::compute(s, {QStringLiteral("Trust")}, CooccurrenceScope::Turn)->pairs.empty());
}

TEST_CASE("Code queries combine codings with Boolean and proximity operators and filters", "[analysis][query]") {
    HandProject h;
    h.code(QStringLiteral("alewis"), h.trust, {2, 4});
    h.code(QStringLiteral("bosei"), h.funding, {4, 8});
    const AnalysisSnapshot s = h.snapshot();
    auto run = [&](const QString& text) {
        auto q = CodeQuery::parse(text, s);
        REQUIRE(q.ok());
        auto found = q->run(s);
        REQUIRE(found.ok());
        std::vector<int> turns;
        for (const QueryPassage& p : *found) turns.push_back(p.turnNumber);
        return turns;
    };
    CHECK(run(QStringLiteral("Trust AND Funding")) == std::vector<int>{4});
    CHECK(run(QStringLiteral("Trust OR Funding")) == (std::vector<int>{2, 4, 8}));
    CHECK(run(QStringLiteral("Trust NOT Funding")) == std::vector<int>{2});
    CHECK(run(QStringLiteral("code:Trust OVERLAPS code:Funding")) == std::vector<int>{4});
    CHECK(run(QStringLiteral("Funding FOLLOWS Trust")) == (std::vector<int>{4, 8}));
    CHECK(run(QStringLiteral("Funding FOLLOWS/2 Trust")) == std::vector<int>{4}); // turn 8 is 4 turns after turn 4
    CHECK(run(QStringLiteral("Funding NEAR/4 Trust")) == (std::vector<int>{4, 8}));
    CHECK(run(QStringLiteral("Funding NEAR/1 Trust")) == std::vector<int>{4});
    CHECK(run(QStringLiteral("(Trust OR Funding) coder:bosei")) == (std::vector<int>{4, 8}));
    CHECK(run(QStringLiteral("Trust participant:R1")) == (std::vector<int>{2, 4}));
    CHECK(run(QStringLiteral("Trust participant:R9")).empty());
    CHECK(run(QStringLiteral("Trust AND Funding OR Unused")) == std::vector<int>{4}); // AND binds tighter
    for (const char* bad : {"Nope", "(Trust OR Funding", "Trust AND", "coder:nobody Trust", "\"Trust"}) {
        CAPTURE(bad);
        CHECK_FALSE(CodeQuery::parse(QString::fromUtf8(bad), s).ok());
    }
    auto q = CodeQuery::parse(QStringLiteral("Trust AND Funding"), s);
    auto rows = describePassages(*h.project, s, *q->run(s));
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 1);
    CHECK(rows->front().citation == QStringLiteral("(R1, turn 4)"));
    CHECK(rows->front().text == QStringLiteral("Answer 4 starts here. It ends here."));
}

TEST_CASE("Saturation follows interview dates and coverage measures what each participant said", "[analysis][saturation]") {
    HandProject h; // R1 interviewed on 21 June 2005, imported first
    const qint64 early = h.importInterview(QStringLiteral("R2"), QStringLiteral("3 May 2005"));
    h.code(QStringLiteral("alewis"), h.trust, {2, 4});
    h.code(QStringLiteral("alewis"), h.funding, {4});
    h.code(QStringLiteral("alewis"), h.trust, {2}, early);
    const AnalysisSnapshot s = h.snapshot();
    auto sat = SaturationCoverage::saturation(s);
    REQUIRE(sat.ok());
    REQUIRE(sat->points.size() == 2);
    CHECK(sat->order == QStringLiteral("interview date"));
    CHECK(sat->points[0].source == QStringLiteral("R2")); // the earlier interview comes first
    CHECK(sat->points[0].newCodes == 1);
    CHECK(sat->points[1].newCodes == 1);
    CHECK(sat->points[1].codes == QStringList{QStringLiteral("Funding")});
    CHECK(sat->points[1].cumulativeCodes == 2);

    auto cov = SaturationCoverage::coverage(s);
    REQUIRE(cov.ok());
    const auto trust = std::find_if(cov->codes.begin(), cov->codes.end(), [](const CodeCoverage& c) { return c.code == u"Trust"; });
    CHECK(trust->participants == 2);
    CHECK(trust->segments == 3);
    const ParticipantCoverage& r1 = cov->participants.front();
    CHECK(r1.participant == QStringLiteral("R1"));
    // R1 spoke in five turns, of which turns 2 and 4 are coded whole.
    qint64 spoken = 0;
    const auto turns = SourceRepository(*h.project).turns(h.source);
    for (const Turn& t : *turns)
        if (!t.isInterviewer) spoken += t.end - t.start;
    CHECK(r1.spokenCharacters == spoken);
    CHECK(r1.codedCharacters == h.turnLength(2) + h.turnLength(4));
}
