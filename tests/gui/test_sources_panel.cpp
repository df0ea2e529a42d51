#include <catch2/catch.hpp>

#include "ParticipantTableModel.h"
#include "ParticipantsPanel.h"
#include "SourceTreeModel.h"
#include "SourcesPanel.h"
#include "TestPaths.h"
#include "ops/DemoProjectBuilder.h"
#include "store/ParticipantRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>

using namespace warrant;

namespace {

struct SampleProject {
    QTemporaryDir dir;
    std::unique_ptr<Project> project;
    SampleProject() {
        const QString path = dir.filePath(QStringLiteral("demo.warrant"));
        REQUIRE(DemoProjectBuilder::build(test::sourcePath(QStringLiteral("sample_corpus")), path).ok());
        auto opened = Project::open(path);
        REQUIRE(opened.ok());
        project = std::move(*opened);
    }
};

int sourceRows(const QAbstractItemModel& model, const QModelIndex& parent = {}) {
    int n = 0;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex at = model.index(row, 0, parent);
        n += model.hasChildren(at) ? sourceRows(model, at) : (at.data(SourceTreeModel::SourceIdRole).toLongLong() ? 1 : 0);
    }
    return n;
}

} // namespace

TEST_CASE("The sources panel groups by kind and by attribute and filters", "[sources]") {
    SampleProject sample;
    SourcesPanel panel;
    QAbstractItemModelTester tester(panel.view()->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    panel.setProject(sample.project.get());
    const auto sources = *SourceRepository(*sample.project).list();
    QAbstractItemModel* shown = panel.view()->model();

    // By kind: one heading per kind present, its count in the heading, every source once.
    std::map<SourceKind, int> perKind;
    for (const Source& s : sources) ++perKind[s.kind];
    REQUIRE(shown->rowCount() == int(perKind.size()));
    CHECK(shown->index(0, 0).data().toString() == QStringLiteral("Transcripts (%1)").arg(perKind[SourceKind::Transcript]));
    CHECK(sourceRows(*shown) == int(sources.size()));
    CHECK(panel.currentSourceId() > 0); // opens on a source

    // By the participants' group attribute: R8's transcript sits under R8's group.
    const auto r8 = *ParticipantRepository(*sample.project).findByCode(QStringLiteral("R8"));
    REQUIRE(r8.has_value());
    const QString group = r8->attribute(QStringLiteral("group"));
    REQUIRE_FALSE(group.isEmpty());
    panel.setGrouping(QStringLiteral("group"));
    CHECK(panel.grouping() == QStringLiteral("group"));
    bool underGroup = false;
    for (int row = 0; row < shown->rowCount(); ++row) {
        const QModelIndex heading = shown->index(row, 0);
        if (!heading.data().toString().startsWith(group + QStringLiteral(" ("))) continue;
        for (int child = 0; child < shown->rowCount(heading); ++child)
            underGroup = underGroup || shown->index(child, 0, heading).data().toString().startsWith(QStringLiteral("R8"));
    }
    CHECK(underGroup);
    CHECK(sourceRows(*shown) == int(sources.size()));

    // The filter keeps matching sources and their headings only.
    panel.filterEdit()->setText(QStringLiteral("R8"));
    CHECK(sourceRows(*shown) >= 1);
    CHECK(sourceRows(*shown) < int(sources.size()));
}

TEST_CASE("Choosing a source in the panel asks to show it", "[sources]") {
    SampleProject sample;
    SourcesPanel panel;
    panel.setProject(sample.project.get());
    QSignalSpy activated(&panel, &SourcesPanel::sourceActivated);
    const auto sources = *SourceRepository(*sample.project).list();
    const qint64 last = sources.back().id;
    const QModelIndex at = static_cast<QSortFilterProxyModel*>(panel.view()->model())
                               ->mapFromSource(panel.model()->indexOfSource(last));
    REQUIRE(at.isValid());
    panel.view()->setCurrentIndex(at);
    REQUIRE(activated.count() == 1);
    CHECK(activated.front().front().toLongLong() == last);
    // Showing a source from elsewhere only moves the selection.
    panel.selectSource(sources.front().id);
    CHECK(activated.count() == 1);
    CHECK(panel.currentSourceId() == sources.front().id);
}

TEST_CASE("Editing a participant attribute asks for the change and leaves the project alone", "[participants]") {
    SampleProject sample;
    ParticipantsPanel panel;
    QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    panel.setProject(sample.project.get());
    ParticipantTableModel* model = panel.model();
    REQUIRE(model->rowCount() > 0);
    int groupColumn = -1;
    for (int c = 0; c < model->columnCount(); ++c)
        if (model->headerData(c, Qt::Horizontal).toString() == QStringLiteral("group")) groupColumn = c;
    REQUIRE(groupColumn >= 2);
    const QString code = model->codeAt(0);
    const QString before = model->index(0, groupColumn).data().toString();

    QSignalSpy edits(&panel, &ParticipantsPanel::attributeEditRequested);
    QSignalSpy renames(&panel, &ParticipantsPanel::displayNameEditRequested);
    model->setData(model->index(0, groupColumn), QStringLiteral("policy makers"));
    REQUIRE(edits.count() == 1);
    CHECK(edits.front().at(0).toString() == code);
    CHECK(edits.front().at(1).toString() == QStringLiteral("group"));
    CHECK(edits.front().at(2).toString() == QStringLiteral("policy makers"));
    model->setData(model->index(0, 1), QStringLiteral("A new name"));
    CHECK(renames.count() == 1);
    CHECK_FALSE(model->setData(model->index(0, 0), QStringLiteral("X1"))); // codes are not editable here

    const auto stored = *ParticipantRepository(*sample.project).findByCode(code);
    CHECK(stored->attribute(QStringLiteral("group")) == before);
    CHECK(model->index(0, groupColumn).data().toString() == before);
}
