#include "RetrievalModel.h"
#include "RetrievalPanel.h"
#include "TestPaths.h"
#include "ops/DemoProjectBuilder.h"
#include "ops/SegmentCsvWriter.h"
#include "store/CodebookRepository.h"
#include "store/Project.h"
#include "text/CsvReader.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <catch2/catch.hpp>
#include <memory>
#include <set>

using namespace warrant;

namespace {

// The sample project (with the codings of sample_corpus/codings), built once: these tests only read it.
struct RetrievalFixture {
    QTemporaryDir dir;
    std::unique_ptr<Project> project;

    RetrievalFixture() {
        const QString path = dir.filePath(QStringLiteral("demo.warrant"));
        REQUIRE(DemoProjectBuilder::build(test::sourcePath(QStringLiteral("sample_corpus")), path).ok());
        auto opened = Project::open(path);
        REQUIRE(opened.ok());
        project = std::move(*opened);
    }

    static RetrievalFixture& get() {
        static RetrievalFixture fixture;
        return fixture;
    }

    qint64 codeId(const QString& path) {
        auto code = CodebookRepository(*project).resolve(path);
        REQUIRE(code.ok());
        return code->id;
    }
};

struct RetrievalUnderTest {
    RetrievalPanel panel;
    QAbstractItemModelTester tester{panel.model(), QAbstractItemModelTester::FailureReportingMode::Fatal};

    RetrievalUnderTest() {
        panel.setProject(RetrievalFixture::get().project.get());
        panel.resize(900, 500);
        panel.show();
    }
};

QString cell(const QAbstractItemModel* model, int row, int column) {
    return model->data(model->index(row, column)).toString();
}

std::set<QString> columnValues(const QAbstractItemModel* model, int column) {
    std::set<QString> values;
    for (int row = 0; row < model->rowCount(); ++row)
        values.insert(cell(model, row, column));
    return values;
}

} // namespace

TEST_CASE("Retrieval lists the segments of a code and its subcodes", "[retrieval]") {
    RetrievalUnderTest t;
    CHECK(t.panel.model()->rowCount() == 0);

    t.panel.showCodes({RetrievalFixture::get().codeId(QStringLiteral("Political influence"))});
    const RetrievalModel* model = t.panel.model();
    REQUIRE(model->rowCount() > 0);
    CHECK(t.panel.errorText().isEmpty());
    // Rows come from the code itself and from its subcodes.
    const auto codes = columnValues(model, RetrievalModel::CodeColumn);
    CHECK(codes.count(QStringLiteral("Political influence/Institutional conflict")) == 1);
    CHECK(codes.count(QStringLiteral("Political influence/National agenda and fashion")) == 1);
    for (const QString& code : codes)
        CHECK(code.startsWith(QStringLiteral("Political influence")));
    CHECK(t.panel.summaryLabel()->text().contains(QString::number(model->rowCount())));

    // The sample's first coding file codes this R8 passage as institutional conflict.
    bool found = false;
    for (int row = 0; row < model->rowCount(); ++row)
        found =
            found ||
            (cell(model, row, RetrievalModel::ParticipantColumn) == QStringLiteral("R8") &&
             cell(model, row, RetrievalModel::TextColumn).startsWith(QStringLiteral("It got very heated.")));
    CHECK(found);

    // Only the subcode: fewer rows.
    const int all = model->rowCount();
    t.panel.showCodes(
        {RetrievalFixture::get().codeId(QStringLiteral("Political influence/Institutional conflict"))});
    CHECK(model->rowCount() > 0);
    CHECK(model->rowCount() < all);
    CHECK(columnValues(model, RetrievalModel::CodeColumn) ==
          std::set<QString>{QStringLiteral("Political influence/Institutional conflict")});
}

TEST_CASE("Retrieval filters narrow the segments by participant and attribute and coder", "[retrieval]") {
    RetrievalUnderTest t;
    t.panel.showCodes({RetrievalFixture::get().codeId(QStringLiteral("Political influence"))});
    const RetrievalModel* model = t.panel.model();
    const int all = model->rowCount();
    REQUIRE(columnValues(model, RetrievalModel::ParticipantColumn).size() > 1);

    QComboBox* participants = t.panel.participantCombo();
    const int r8 = participants->findData(QStringLiteral("R8"));
    REQUIRE(r8 > 0);
    participants->setCurrentIndex(r8);
    REQUIRE(model->rowCount() > 0);
    CHECK(model->rowCount() < all);
    CHECK(columnValues(model, RetrievalModel::ParticipantColumn) == std::set<QString>{QStringLiteral("R8")});

    participants->setCurrentIndex(0); // All
    CHECK(model->rowCount() == all);

    // Participants whose group is "regional policy" (R1..R13 in the sample).
    QComboBox* attributes = t.panel.attributeCombo();
    REQUIRE(attributes->findData(QStringLiteral("group")) > 0);
    attributes->setCurrentIndex(attributes->findData(QStringLiteral("group")));
    QComboBox* values = t.panel.valueCombo();
    REQUIRE(values->findData(QStringLiteral("regional policy")) > 0);
    values->setCurrentIndex(values->findData(QStringLiteral("regional policy")));
    REQUIRE(model->rowCount() > 0);
    CHECK(model->rowCount() < all);
    for (const QString& code : columnValues(model, RetrievalModel::ParticipantColumn))
        CHECK(code.startsWith(u'R'));
    attributes->setCurrentIndex(0);
    CHECK(model->rowCount() == all);

    // Coders come from the codings of these codes; the sample has a second coder.
    QComboBox* coders = t.panel.coderCombo();
    REQUIRE(coders->count() > 2);
    coders->setCurrentIndex(coders->findData(QStringLiteral("alewis")));
    REQUIRE(model->rowCount() > 0);
    CHECK(model->rowCount() < all);
    CHECK(columnValues(model, RetrievalModel::CoderColumn) == std::set<QString>{QStringLiteral("alewis")});

    // Reloading keeps the chosen filter.
    t.panel.reload();
    CHECK(coders->currentData().toString() == QStringLiteral("alewis"));
    CHECK(columnValues(model, RetrievalModel::CoderColumn) == std::set<QString>{QStringLiteral("alewis")});
}

TEST_CASE("Activating a segment emits its range and shows its turn", "[retrieval]") {
    RetrievalUnderTest t;
    t.panel.showCodes(
        {RetrievalFixture::get().codeId(QStringLiteral("Political influence/Institutional conflict"))});
    const RetrievalModel* model = t.panel.model();
    REQUIRE(model->rowCount() > 0);
    const CodedSegment segment = *model->segmentAt(0);

    QSignalSpy activated(&t.panel, &RetrievalPanel::locationActivated);
    t.panel.tableView()->setCurrentIndex(model->index(0, RetrievalModel::TextColumn));
    QTest::keyClick(t.panel.tableView(), Qt::Key_Return);
    REQUIRE(activated.count() == 1);
    CHECK(activated.at(0).at(0).value<TextLocation>() ==
          TextLocation{segment.sourceId, segment.start, segment.end});

    // The context pane holds the segment within its (longer) turn.
    const QString context = t.panel.contextView()->toPlainText();
    CHECK(context.contains(segment.text.simplified().left(40)));
    CHECK(context.size() > segment.text.size());
    CHECK(context.contains(segment.sourceTitle));
}

TEST_CASE("Exporting retrieval writes one CSV row per visible segment", "[retrieval]") {
    RetrievalUnderTest t;
    t.panel.showCodes({RetrievalFixture::get().codeId(QStringLiteral("Ambiguous governance"))});
    t.panel.participantCombo()->setCurrentIndex(t.panel.participantCombo()->findData(QStringLiteral("R2")));
    const RetrievalModel* model = t.panel.model();
    REQUIRE(model->rowCount() > 0);
    CHECK(t.panel.exportButton()->isEnabled());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("segments.csv"));
    REQUIRE(t.panel.exportCsv(path).ok());
    auto rows = CsvReader::readFile(path);
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == size_t(model->rowCount()) + 1);
    CHECK(rows->front().fields == SegmentCsvWriter::header());
    for (int row = 0; row < model->rowCount(); ++row) {
        const QStringList& fields = (*rows)[size_t(row) + 1].fields;
        REQUIRE(fields.size() == SegmentCsvWriter::header().size());
        CHECK(fields[1] == QStringLiteral("R2"));
        CHECK(fields.last() == model->segmentAt(row)->text); // quotes, commas and newlines survive
    }

    CHECK_FALSE(t.panel.exportCsv(dir.filePath(QStringLiteral("missing/segments.csv"))).ok());
}
