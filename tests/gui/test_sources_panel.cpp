#include "SourceTreeModel.h"
#include "SourcesPanel.h"
#include "SampleProjects.h"
#include "store/CodingRepository.h"
#include "store/ParticipantRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <set>

using namespace warrant;

namespace {

std::unique_ptr<Project> openSample() {
    auto project = Project::open(test::sharedSampleProject());
    if (!project) FAIL(project.errorMessage().toStdString());
    return std::move(*project);
}

qint64 sourceOfParticipant(Project& project, const QString& code) {
    auto participant = ParticipantRepository(project).findByCode(code);
    REQUIRE(participant);
    REQUIRE(participant->has_value());
    auto sources = SourceRepository(project).list();
    REQUIRE(sources);
    for (const Source& s : *sources)
        if (s.participantId == (*participant)->id) return s.id;
    FAIL("no source for participant " << code.toStdString());
    return 0;
}

// Every source row the view's (filtered) model shows.
std::vector<QModelIndex> visibleSourceRows(const QAbstractItemModel* model, const QModelIndex& parent = {}) {
    std::vector<QModelIndex> rows;
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex index = model->index(r, 0, parent);
        if (index.data(SourceTreeModel::IsGroupRole).toBool()) {
            const auto children = visibleSourceRows(model, index);
            rows.insert(rows.end(), children.begin(), children.end());
        } else {
            rows.push_back(index);
        }
    }
    return rows;
}

QModelIndex groupRow(const QAbstractItemModel* model, const QString& label) {
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex index = model->index(r, 0);
        if (index.data(SourceTreeModel::GroupLabelRole).toString() == label) return index;
    }
    return {};
}

QModelIndex proxyIndexOfSource(SourcesPanel& panel, qint64 sourceId) {
    for (const QModelIndex& index : visibleSourceRows(panel.view()->model()))
        if (index.data(SourceTreeModel::SourceIdRole).toLongLong() == sourceId) return index;
    return {};
}

} // namespace

TEST_CASE("Source tree models stay consistent while grouping and filtering change", "[sources]") {
    auto project = openSample();
    SourcesPanel panel;
    new QAbstractItemModelTester(panel.model(), QAbstractItemModelTester::FailureReportingMode::Fatal,
                                 &panel);
    new QAbstractItemModelTester(panel.view()->model(), QAbstractItemModelTester::FailureReportingMode::Fatal,
                                 &panel);
    panel.setProject(project.get());
    REQUIRE(panel.model()->rowCount() > 0);

    QStringList groupings{SourceTreeModel::noGrouping()};
    groupings << panel.model()->attributeNames() << SourceTreeModel::kindGrouping();
    for (const QString& grouping : groupings) {
        panel.setGrouping(grouping);
        CHECK(panel.grouping() == grouping);
        CHECK(panel.groupingBox()->currentText() == grouping);
        panel.setFilterText(QStringLiteral("R"));
        panel.setFilterText(QString());
        panel.reload();
        CHECK(panel.grouping() == grouping);
    }
    // Choosing in the combo box regroups too.
    panel.groupingBox()->setCurrentIndex(panel.groupingBox()->findText(SourceTreeModel::noGrouping()));
    CHECK(panel.grouping() == SourceTreeModel::noGrouping());
    auto sources = SourceRepository(*project).list();
    REQUIRE(sources);
    CHECK(panel.model()->rowCount() == int(sources->size()));
    panel.setProject(nullptr);
    CHECK(panel.model()->rowCount() == 0);
}

TEST_CASE("Grouping by kind shows each kind present with its count", "[sources]") {
    auto project = openSample();
    SourcesPanel panel;
    panel.setProject(project.get());
    CHECK(panel.grouping() == SourceTreeModel::kindGrouping());

    auto sources = SourceRepository(*project).list();
    REQUIRE(sources);
    std::map<SourceKind, int> byKind;
    for (const Source& s : *sources)
        ++byKind[s.kind];
    REQUIRE(byKind[SourceKind::Transcript] > 0);
    REQUIRE(byKind[SourceKind::Manuscript] > 0);

    const QAbstractItemModel* model = panel.view()->model();
    const std::pair<SourceKind, QString> labels[] = {{SourceKind::Transcript, QStringLiteral("Transcripts")},
                                                     {SourceKind::Document, QStringLiteral("Documents")},
                                                     {SourceKind::Manuscript, QStringLiteral("Manuscripts")}};
    int expectedGroups = 0;
    for (const auto& [kind, label] : labels) {
        const QModelIndex group = groupRow(model, label);
        if (byKind[kind] == 0) {
            CHECK_FALSE(group.isValid()); // no empty groups
            continue;
        }
        ++expectedGroups;
        REQUIRE(group.isValid());
        CHECK(model->rowCount(group) == byKind[kind]);
        CHECK(group.data().toString() == QStringLiteral("%1 (%2)").arg(label).arg(byKind[kind]));
        CHECK(panel.view()->isExpanded(group));
    }
    CHECK(model->rowCount() == expectedGroups);

    // Natural order inside a group: R2 before R10.
    const QModelIndex r2 = proxyIndexOfSource(panel, sourceOfParticipant(*project, QStringLiteral("R2")));
    const QModelIndex r10 = proxyIndexOfSource(panel, sourceOfParticipant(*project, QStringLiteral("R10")));
    REQUIRE(r2.isValid());
    REQUIRE(r10.isValid());
    CHECK(r2.row() < r10.row());
}

TEST_CASE("Grouping by a participant attribute puts each source under its value", "[sources]") {
    auto project = openSample();
    SourcesPanel panel;
    panel.setProject(project.get());
    REQUIRE(panel.groupingBox()->findText(QStringLiteral("group")) >= 0);
    panel.setGrouping(QStringLiteral("group"));
    CHECK(panel.grouping() == QStringLiteral("group"));

    auto r8 = ParticipantRepository(*project).findByCode(QStringLiteral("R8"));
    REQUIRE(r8);
    REQUIRE(r8->has_value());
    const QString r8Group = (*r8)->attribute(QStringLiteral("group"));
    REQUIRE(r8Group == QStringLiteral("regional policy"));

    const qint64 r8Source = sourceOfParticipant(*project, QStringLiteral("R8"));
    const QModelIndex index = proxyIndexOfSource(panel, r8Source);
    REQUIRE(index.isValid());
    CHECK(index.parent().data(SourceTreeModel::GroupLabelRole).toString() == r8Group);
    CHECK(index.data(SourceTreeModel::ParticipantCodeRole).toString() == QStringLiteral("R8"));
    CHECK(index.data(Qt::ToolTipRole).toString().contains(QStringLiteral("regional policy")));

    // The manuscript has no participant.
    const QModelIndex none = groupRow(panel.view()->model(), SourceTreeModel::noValueLabel());
    REQUIRE(none.isValid());
    CHECK(none.row() == panel.view()->model()->rowCount() - 1);
}

TEST_CASE("Source rows count their distinct coded segments", "[sources]") {
    auto project = openSample();
    SourcesPanel panel;
    panel.setProject(project.get());
    const qint64 r8Source = sourceOfParticipant(*project, QStringLiteral("R8"));
    SegmentFilter filter;
    filter.sourceId = r8Source;
    auto segments = CodingRepository(*project).segments(filter);
    REQUIRE(segments);
    std::set<qint64> distinct;
    for (const CodedSegment& s : *segments)
        distinct.insert(s.segmentId);
    REQUIRE(distinct.size() > 0);
    REQUIRE(segments->size() > distinct.size()); // two coders: codings outnumber segments

    const QModelIndex index = proxyIndexOfSource(panel, r8Source);
    REQUIRE(index.isValid());
    CHECK(index.siblingAtColumn(SourceTreeModel::SegmentsColumn).data().toInt() == int(distinct.size()));
}

TEST_CASE("Typing a filter keeps only matching sources and recounts their groups", "[sources]") {
    auto project = openSample();
    SourcesPanel panel;
    panel.setProject(project.get());
    panel.resize(400, 700);
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel));

    // What should match, worked out from the repositories: title, participant code or attribute value.
    auto sources = SourceRepository(*project).list();
    auto participants = ParticipantRepository(*project).list();
    REQUIRE(sources);
    REQUIRE(participants);
    std::set<qint64> expected;
    for (const Source& s : *sources) {
        bool match = s.title.contains(QStringLiteral("R8"), Qt::CaseInsensitive);
        for (const Participant& p : *participants) {
            if (p.id != s.participantId) continue;
            match = match || p.code.contains(QStringLiteral("R8"), Qt::CaseInsensitive) ||
                    p.displayName.contains(QStringLiteral("R8"), Qt::CaseInsensitive);
            for (const auto& a : p.attributes)
                match = match || a.value.contains(QStringLiteral("R8"), Qt::CaseInsensitive);
        }
        if (match) expected.insert(s.id);
    }
    const qint64 r8Source = sourceOfParticipant(*project, QStringLiteral("R8"));
    REQUIRE(expected.count(r8Source) == 1);
    REQUIRE(expected.size() < sources->size());

    QTest::keyClicks(panel.filterEdit(), QStringLiteral("r8"));
    std::set<qint64> shown;
    for (const QModelIndex& index : visibleSourceRows(panel.view()->model()))
        shown.insert(index.data(SourceTreeModel::SourceIdRole).toLongLong());
    CHECK(shown == expected);

    const QModelIndex transcripts = groupRow(panel.view()->model(), QStringLiteral("Transcripts"));
    REQUIRE(transcripts.isValid());
    CHECK(transcripts.data().toString() ==
          QStringLiteral("Transcripts (%1)").arg(panel.view()->model()->rowCount(transcripts)));
    CHECK(panel.view()->isExpanded(transcripts));
    CHECK_FALSE(groupRow(panel.view()->model(), QStringLiteral("Manuscripts")).isValid());

    panel.filterEdit()->clear();
    CHECK(visibleSourceRows(panel.view()->model()).size() == sources->size());
}

TEST_CASE("Clicking or activating a source row emits sourceActivated", "[sources]") {
    auto project = openSample();
    SourcesPanel panel;
    panel.setProject(project.get());
    panel.resize(400, 900);
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy activated(&panel, &SourcesPanel::sourceActivated);

    const qint64 r8Source = sourceOfParticipant(*project, QStringLiteral("R8"));
    const QModelIndex index = proxyIndexOfSource(panel, r8Source);
    REQUIRE(index.isValid());
    panel.view()->scrollTo(index);
    QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {}, panel.view()->visualRect(index).center());
    REQUIRE(activated.count() == 1);
    CHECK(activated.takeFirst().at(0).toLongLong() == r8Source);
    CHECK(panel.currentSourceId() == r8Source);

    QTest::keyClick(panel.view(), Qt::Key_Return);
    REQUIRE(activated.count() == 1);
    CHECK(activated.takeFirst().at(0).toLongLong() == r8Source);

    // Moving to the next row is a current change too.
    QTest::keyClick(panel.view(), Qt::Key_Down);
    REQUIRE(activated.count() == 1);
    CHECK(activated.takeFirst().at(0).toLongLong() == panel.currentSourceId());
    CHECK(panel.currentSourceId() != r8Source);

    // A group row is not a source.
    const QModelIndex group = index.parent();
    QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {}, panel.view()->visualRect(group).center());
    CHECK(panel.currentSourceId() == 0);
    CHECK(activated.isEmpty());

    QSignalSpy import(&panel, &SourcesPanel::importRequested);
    auto* importButton = panel.findChild<QToolButton*>(QStringLiteral("importSourcesButton"));
    REQUIRE(importButton);
    QTest::mouseClick(importButton, Qt::LeftButton);
    CHECK(import.count() == 1);
}

TEST_CASE("Reloading keeps grouping and collapsed groups and the current source", "[sources]") {
    auto project = openSample();
    SourcesPanel panel;
    panel.setProject(project.get());
    QSignalSpy activated(&panel, &SourcesPanel::sourceActivated);

    const qint64 r8Source = sourceOfParticipant(*project, QStringLiteral("R8"));
    panel.setGrouping(QStringLiteral("group"));
    panel.selectSource(r8Source);
    CHECK(panel.currentSourceId() == r8Source);
    const QModelIndex medical = groupRow(panel.view()->model(), QStringLiteral("medical"));
    REQUIRE(medical.isValid());
    panel.view()->collapse(medical);

    panel.reload();
    CHECK(panel.grouping() == QStringLiteral("group"));
    CHECK(panel.currentSourceId() == r8Source);
    CHECK_FALSE(panel.view()->isExpanded(groupRow(panel.view()->model(), QStringLiteral("medical"))));
    CHECK(panel.view()->isExpanded(groupRow(panel.view()->model(), QStringLiteral("regional policy"))));

    // Regrouping keeps the current source as well.
    panel.setGrouping(SourceTreeModel::kindGrouping());
    CHECK(panel.currentSourceId() == r8Source);

    // Selecting a source the filter hides clears the filter.
    panel.setFilterText(QStringLiteral("no source is called this"));
    CHECK(panel.currentSourceId() == 0);
    panel.selectSource(r8Source);
    CHECK(panel.filterEdit()->text().isEmpty());
    CHECK(panel.currentSourceId() == r8Source);
    CHECK(activated.isEmpty()); // none of this was the user's choice
}
