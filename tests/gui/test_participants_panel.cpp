#include "ParticipantTableModel.h"
#include "ParticipantsPanel.h"
#include "SampleProjects.h"
#include "store/ParticipantRepository.h"
#include "store/Project.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QHeaderView>
#include <QInputDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <catch2/catch.hpp>
#include <memory>

using namespace warrant;

namespace {

std::unique_ptr<Project> openParticipantsSample(Project::Mode mode = Project::Mode::ReadWrite) {
    auto project = Project::open(test::sharedSampleProject(), mode);
    if (!project) FAIL(project.errorMessage().toStdString());
    return std::move(*project);
}

int columnOf(const QAbstractItemModel* model, const QString& header) {
    for (int c = 0; c < model->columnCount(); ++c)
        if (model->headerData(c, Qt::Horizontal).toString() == header) return c;
    return -1;
}

} // namespace

TEST_CASE("The participant table shows codes and names and one column per attribute", "[participants]") {
    auto project = openParticipantsSample();
    ParticipantsPanel panel;
    new QAbstractItemModelTester(panel.model(), QAbstractItemModelTester::FailureReportingMode::Fatal,
                                 &panel);
    new QAbstractItemModelTester(panel.view()->model(), QAbstractItemModelTester::FailureReportingMode::Fatal,
                                 &panel);
    panel.setProject(project.get());

    ParticipantRepository repo(*project);
    auto participants = repo.list();
    auto names = repo.attributeNames();
    REQUIRE(participants);
    REQUIRE(names);
    REQUIRE(!names->empty());
    const ParticipantTableModel* model = panel.model();
    CHECK(model->rowCount() == int(participants->size()));
    REQUIRE(model->columnCount() == 2 + int(names->size()));
    CHECK(model->headerData(0, Qt::Horizontal).toString() == QStringLiteral("Code"));
    CHECK(model->headerData(1, Qt::Horizontal).toString() == QStringLiteral("Display name"));
    for (size_t i = 0; i < names->size(); ++i)
        CHECK(model->headerData(2 + int(i), Qt::Horizontal).toString() == ParticipantTableModel::attributeLabel((*names)[i]));

    const int r8 = model->rowOfCode(QStringLiteral("R8"));
    REQUIRE(r8 >= 0);
    const int group = columnOf(model, QStringLiteral("Group"));
    REQUIRE(group >= 2);
    CHECK(model->index(r8, group).data().toString() == QStringLiteral("regional policy"));
    CHECK(model->flags(model->index(r8, group)).testFlag(Qt::ItemIsEditable));
    CHECK_FALSE(model->flags(model->index(r8, 0)).testFlag(Qt::ItemIsEditable));
    // Natural order: R2 before R10.
    CHECK(model->rowOfCode(QStringLiteral("R2")) < model->rowOfCode(QStringLiteral("R10")));

    panel.reload();
    CHECK(model->rowCount() == int(participants->size()));

    // Sorting by the Code header keeps the natural order, both ways.
    const auto rowInView = [&](const char* code) {
        for (int r = 0; r < panel.view()->model()->rowCount(); ++r)
            if (panel.view()->model()->index(r, 0).data().toString() == QString::fromUtf8(code)) return r;
        return -1;
    };
    panel.view()->sortByColumn(0, Qt::AscendingOrder);
    CHECK(rowInView("M2") < rowInView("M10"));
    CHECK(rowInView("R2") < rowInView("R10"));
    panel.view()->sortByColumn(0, Qt::DescendingOrder);
    CHECK(rowInView("M10") < rowInView("M2"));
    CHECK(ParticipantTableModel::attributeLabel(QStringLiteral("organisation_type")) == QStringLiteral("Organisation type"));
}

TEST_CASE("Editing a participant cell requests the change and writes nothing", "[participants]") {
    auto project = openParticipantsSample();
    ParticipantsPanel panel;
    panel.setProject(project.get());
    ParticipantTableModel* model = panel.model();
    QSignalSpy attributeEdits(model, &ParticipantTableModel::attributeEditRequested);
    QSignalSpy nameEdits(model, &ParticipantTableModel::displayNameEditRequested);
    QSignalSpy forwarded(&panel, &ParticipantsPanel::attributeEditRequested);

    const int r8 = model->rowOfCode(QStringLiteral("R8"));
    const int group = columnOf(model, QStringLiteral("Group"));
    REQUIRE(r8 >= 0);
    REQUIRE(group >= 0);
    CHECK_FALSE(model->setData(model->index(r8, group), QStringLiteral("medical")));
    REQUIRE(attributeEdits.count() == 1);
    const QList<QVariant> args = attributeEdits.takeFirst();
    CHECK(args.at(0).toString() == QStringLiteral("R8"));
    CHECK(args.at(1).toString() == QStringLiteral("group"));
    CHECK(args.at(2).toString() == QStringLiteral("medical"));
    CHECK(nameEdits.isEmpty());

    // The panel passes it on once the edit has finished.
    REQUIRE(forwarded.wait(5000));
    CHECK(forwarded.takeFirst().at(2).toString() == QStringLiteral("medical"));

    // Nothing was written: the project and the table still hold the old value.
    auto r8Read = ParticipantRepository(*project).findByCode(QStringLiteral("R8"));
    REQUIRE(r8Read);
    REQUIRE(r8Read->has_value());
    CHECK((*r8Read)->attribute(QStringLiteral("group")) == QStringLiteral("regional policy"));
    CHECK(model->index(r8, group).data().toString() == QStringLiteral("regional policy"));

    // Unchanged values request nothing; the display name has its own request.
    CHECK_FALSE(model->setData(model->index(r8, group), QStringLiteral("regional policy")));
    CHECK(attributeEdits.isEmpty());
    model->setData(model->index(r8, ParticipantTableModel::DisplayNameColumn),
                   QStringLiteral("Rover veteran"));
    REQUIRE(nameEdits.count() == 1);
    CHECK(nameEdits.at(0).at(0).toString() == QStringLiteral("R8"));
    CHECK(nameEdits.at(0).at(1).toString() == QStringLiteral("Rover veteran"));
    CHECK(attributeEdits.isEmpty());
}

TEST_CASE("A read-only project offers no editing", "[participants]") {
    test::sharedSampleProject();
    auto project = openParticipantsSample(Project::Mode::ReadOnly);
    ParticipantsPanel panel;
    panel.setProject(project.get());
    ParticipantTableModel* model = panel.model();
    REQUIRE(model->rowCount() > 0);
    QSignalSpy attributeEdits(model, &ParticipantTableModel::attributeEditRequested);
    CHECK_FALSE(model->flags(model->index(0, 2)).testFlag(Qt::ItemIsEditable));
    CHECK_FALSE(model->setData(model->index(0, 2), QStringLiteral("x")));
    CHECK(attributeEdits.isEmpty());
    CHECK_FALSE(panel.findChild<QPushButton*>(QStringLiteral("addAttributeButton"))->isEnabled());
}

TEST_CASE("Selecting sorting and adding attributes in the participants panel", "[participants]") {
    auto project = openParticipantsSample();
    ParticipantsPanel panel;
    panel.setProject(project.get());
    panel.resize(900, 700);
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel));
    QTableView* view = panel.view();
    const QAbstractItemModel* shown = view->model();

    // Clicking a row selects its participant.
    QSignalSpy selected(&panel, &ParticipantsPanel::participantSelected);
    const QModelIndex r8 = panel.sortModel()->mapFromSource(
        panel.model()->index(panel.model()->rowOfCode(QStringLiteral("R8")), 1));
    view->scrollTo(r8);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(r8).center());
    REQUIRE(selected.count() == 1);
    CHECK(selected.at(0).at(0).toString() == QStringLiteral("R8"));
    CHECK(panel.currentCode() == QStringLiteral("R8"));

    // Clicking the "Group" header sorts by group.
    const int group = columnOf(shown, QStringLiteral("Group"));
    REQUIRE(group >= 0);
    QHeaderView* header = view->horizontalHeader();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(group) + header->sectionSize(group) / 2,
                             header->height() / 2));
    CHECK(panel.sortModel()->sortColumn() == group);
    for (int row = 1; row < shown->rowCount(); ++row)
        CHECK(QString::compare(shown->index(row - 1, group).data().toString(),
                               shown->index(row, group).data().toString(), Qt::CaseInsensitive) <= 0);
    panel.reload(); // keeps the sort and the current participant
    CHECK(panel.sortModel()->sortColumn() == group);
    CHECK(panel.currentCode() == QStringLiteral("R8"));
    CHECK(selected.count() == 1);

    // "Add Attribute…" asks for a name and requests it.
    QSignalSpy added(&panel, &ParticipantsPanel::attributeAddRequested);
    bool dialogSeen = false;
    QTimer::singleShot(0, &panel, [&] {
        auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
        if (!dialog) return;
        dialogSeen = true;
        dialog->setTextValue(QStringLiteral(" site "));
        dialog->accept();
    });
    QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("addAttributeButton")), Qt::LeftButton);
    CHECK(dialogSeen);
    REQUIRE(added.count() == 1);
    CHECK(added.at(0).at(0).toString() == QStringLiteral("site"));
}

TEST_CASE("The Code column stays in view while attribute columns scroll sideways", "[participants]") {
    auto project = openParticipantsSample();
    ParticipantsPanel panel;
    panel.resize(420, 300);
    panel.setProject(project.get());
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel));
    auto* table = panel.findChild<QTableView*>(QStringLiteral("participantTable"));
    auto* frozen = panel.findChild<QTableView*>(QStringLiteral("frozenColumn"));
    REQUIRE(table);
    REQUIRE(frozen);
    CHECK(frozen->isVisible());
    CHECK(frozen->width() == table->columnWidth(0));
    QScrollBar* sideways = table->horizontalScrollBar();
    REQUIRE(sideways->maximum() > 0); // more attribute columns than fit
    sideways->setValue(sideways->maximum());
    // The codes still show at the left edge, row for row with the table.
    CHECK(frozen->geometry().left() <= table->viewport()->geometry().left());
    CHECK(frozen->indexAt(QPoint(5, 5)).data().toString() == table->model()->index(table->rowAt(5), 0).data().toString());
    CHECK(frozen->isColumnHidden(1));
    if (const QByteArray out = qgetenv("WARRANT_TEST_SHOTS"); !out.isEmpty())
        panel.grab().save(QString::fromUtf8(out) + QStringLiteral("/participants-frozen.png"));
}
