#include "CodeDefinitionEditor.h"
#include "CodePickerDialog.h"
#include "CodebookModel.h"
#include "CodebookPanel.h"
#include "store/QuickCodeRepository.h"
#include "TestPaths.h"
#include "TextRangeMime.h"
#include "ops/CodeCounts.h"
#include "ops/DemoProjectBuilder.h"
#include "store/CodebookRepository.h"
#include "store/MemoRepository.h"
#include "store/Project.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <catch2/catch.hpp>
#include <memory>

using namespace warrant;

namespace {

// The sample project in a temporary folder, with QSettings redirected there too so quick-code
// pins never reach the user's own settings.
struct SampleProject {
    QTemporaryDir dir;
    std::unique_ptr<Project> project;

    SampleProject() {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           dir.filePath(QStringLiteral("settings")));
        const QString path = dir.filePath(QStringLiteral("demo.warrant"));
        REQUIRE(DemoProjectBuilder::build(test::sourcePath(QStringLiteral("sample_corpus")), path).ok());
        auto opened = Project::open(path);
        REQUIRE(opened.ok());
        project = std::move(*opened);
    }
    ~SampleProject() {
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation));
        QSettings::setDefaultFormat(QSettings::NativeFormat);
    }

    qint64 codeId(const QString& path) {
        auto found = CodebookRepository(*project).resolve(path);
        REQUIRE(found.ok());
        return found->id;
    }
    std::vector<Code> codebook() {
        auto codes = CodebookRepository(*project).list();
        REQUIRE(codes.ok());
        return *codes;
    }
};

std::unique_ptr<QMimeData> codeDrag(CodebookModel& model, qint64 codeId) {
    return std::unique_ptr<QMimeData>(model.mimeData({model.indexOf(codeId)}));
}

} // namespace

TEST_CASE("The codebook model passes the model tester and shows the code counts", "[codebook]") {
    SampleProject sample;
    CodebookModel model;
    new QAbstractItemModelTester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal, &model);
    model.setProject(sample.project.get());
    REQUIRE(model.lastError().isEmpty());

    const std::vector<Code> codes = sample.codebook();
    REQUIRE(model.codes().size() == codes.size());
    int topLevel = 0;
    for (const Code& c : codes)
        topLevel += c.parentId == 0 ? 1 : 0;
    CHECK(model.rowCount() == topLevel);

    auto counts = CodeCounts::of(*sample.project);
    REQUIRE(counts.ok());
    int codesWithSegments = 0;
    for (const Code& c : codes) {
        const QModelIndex name = model.indexOf(c.id);
        REQUIRE(name.isValid());
        CHECK(model.codeId(name) == c.id);
        CHECK(name.data(CodebookModel::CodeIdRole).toLongLong() == c.id);
        CHECK(name.data(Qt::EditRole).toString() == c.name);
        // The tooltip holds the whole name (the tree may elide it) and the description.
        const QString tip = name.data(Qt::ToolTipRole).toString();
        CHECK(tip.contains(c.name.toHtmlEscaped()));
        CHECK(tip.contains(c.description.toHtmlEscaped()));
        CHECK(name.data(Qt::DecorationRole).value<QColor>() == QColor(c.colour));
        const int segments = CodeCounts::get(counts->totalSegments, c.id);
        codesWithSegments += segments > 0 ? 1 : 0;
        CHECK(name.siblingAtColumn(CodebookModel::SegmentsColumn).data().toInt() == segments);
        CHECK(name.siblingAtColumn(CodebookModel::ParticipantsColumn).data().toInt() ==
              CodeCounts::get(counts->totalParticipants, c.id));
        CHECK(model.parent(name) == (c.parentId ? model.indexOf(c.parentId) : QModelIndex()));
    }
    CHECK(codesWithSegments > 0); // the sample's codings are counted, not just zeros

    // With nothing pinned the first leaf in tree order is quick code 1.
    const qint64 firstLeaf = sample.codeId(QStringLiteral("Political influence/National agenda and fashion"));
    CHECK(model.indexOf(firstLeaf).data().toString() == QStringLiteral("[1]  National agenda and fashion"));
    CHECK(model.indexOf(sample.codeId(QStringLiteral("Political influence"))).data().toString() ==
          QStringLiteral("Political influence"));
}

TEST_CASE("The codebook filter keeps matching codes and their ancestors", "[codebook]") {
    SampleProject sample;
    CodebookPanel panel;
    panel.setProject(sample.project.get());
    new QAbstractItemModelTester(panel.proxy(), QAbstractItemModelTester::FailureReportingMode::Fatal,
                                 &panel);
    CHECK(panel.filterEdit()->placeholderText() == QStringLiteral("Filter codes…"));

    QTest::keyClicks(panel.filterEdit(), QStringLiteral("institutional"));
    QSortFilterProxyModel* proxy = panel.proxy();
    REQUIRE(proxy->rowCount() == 1);
    const QModelIndex parent = proxy->index(0, 0);
    CHECK(parent.data(Qt::EditRole).toString() == QStringLiteral("Political influence"));
    REQUIRE(proxy->rowCount(parent) == 1);
    CHECK(proxy->index(0, 0, parent).data(Qt::EditRole).toString() ==
          QStringLiteral("Institutional conflict"));
    CHECK(panel.view()->isExpanded(parent));

    // Selecting a code the filter hides clears the filter.
    const qint64 funding = sample.codeId(QStringLiteral("Funding"));
    panel.selectCode(funding);
    CHECK(panel.filterEdit()->text().isEmpty());
    CHECK(panel.currentCodeId() == funding);
    CHECK(proxy->rowCount() == panel.model()->rowCount());
}

TEST_CASE("Renaming a code inline emits a request and leaves the codebook alone", "[codebook]") {
    SampleProject sample;
    CodebookPanel panel;
    panel.setProject(sample.project.get());
    const qint64 id = sample.codeId(QStringLiteral("Funding"));
    std::vector<std::pair<qint64, QString>> requests;
    QObject::connect(&panel, &CodebookPanel::renameRequested,
                     [&](qint64 codeId, const QString& name) { requests.emplace_back(codeId, name); });

    CodebookModel* model = panel.model();
    CHECK(model->setData(model->indexOf(id), QStringLiteral("  Money  "), Qt::EditRole));
    REQUIRE(requests.size() == 1);
    CHECK(requests[0] == std::make_pair(id, QStringLiteral("Money")));
    CHECK(model->indexOf(id).data(Qt::EditRole).toString() == QStringLiteral("Funding"));
    auto stored = CodebookRepository(*sample.project).get(id);
    REQUIRE(stored.ok());
    CHECK((*stored)->name == QStringLiteral("Funding"));

    // Same name or blank: nothing to ask for.
    CHECK_FALSE(model->setData(model->indexOf(id), QStringLiteral("Funding"), Qt::EditRole));
    CHECK_FALSE(model->setData(model->indexOf(id), QStringLiteral("   "), Qt::EditRole));
    CHECK(requests.size() == 1);
}

TEST_CASE("Dropping a code onto another emits a move or merge request", "[codebook]") {
    SampleProject sample;
    CodebookPanel panel;
    panel.setProject(sample.project.get());
    CodebookModel* model = panel.model();
    const qint64 parent = sample.codeId(QStringLiteral("Political influence"));
    const qint64 child = sample.codeId(QStringLiteral("Political influence/Institutional conflict"));
    const qint64 funding = sample.codeId(QStringLiteral("Funding"));
    std::vector<std::pair<qint64, qint64>> moves;
    std::vector<std::pair<qint64, qint64>> merges;
    QObject::connect(&panel, &CodebookPanel::moveRequested,
                     [&](qint64 a, qint64 b) { moves.emplace_back(a, b); });
    QObject::connect(&panel, &CodebookPanel::mergeRequested,
                     [&](qint64 a, qint64 b) { merges.emplace_back(a, b); });

    CHECK(model->mimeTypes().contains(QString::fromLatin1(TextRangeMime::kFormat)));
    CHECK(model->mimeTypes().contains(QString::fromLatin1(CodebookModel::kCodeIdsFormat)));

    auto drag = codeDrag(*model, child);
    REQUIRE(drag);
    CHECK(model->dropMimeData(drag.get(), Qt::MoveAction, -1, -1, model->indexOf(funding)));
    REQUIRE(moves.size() == 1);
    CHECK(moves[0] == std::make_pair(child, funding));

    // Onto the empty area: to the top level.
    CHECK(model->dropMimeData(drag.get(), Qt::MoveAction, -1, -1, QModelIndex()));
    REQUIRE(moves.size() == 2);
    CHECK(moves[1] == std::make_pair(child, qint64(0)));

    // Not into its own subtree, and not onto the parent it already has.
    auto parentDrag = codeDrag(*model, parent);
    CHECK_FALSE(model->canDropMimeData(parentDrag.get(), Qt::MoveAction, -1, -1, model->indexOf(child)));
    CHECK_FALSE(model->dropMimeData(parentDrag.get(), Qt::MoveAction, -1, -1, model->indexOf(child)));
    CHECK_FALSE(model->dropMimeData(drag.get(), Qt::MoveAction, -1, -1, model->indexOf(parent)));
    CHECK(moves.size() == 2);
    CHECK(merges.empty());

    // A link drop (Shift held in the view) merges.
    CHECK(model->dropMimeData(drag.get(), Qt::LinkAction, -1, -1, model->indexOf(funding)));
    REQUIRE(merges.size() == 1);
    CHECK(merges[0] == std::make_pair(child, funding));

    // The same through the filter proxy the view uses.
    const QModelIndex viewTarget = panel.proxy()->mapFromSource(model->indexOf(funding));
    CHECK(panel.proxy()->dropMimeData(drag.get(), Qt::MoveAction, -1, -1, viewTarget));
    CHECK(moves.size() == 3);
    auto stored = CodebookRepository(*sample.project).get(child);
    REQUIRE(stored.ok());
    CHECK((*stored)->parentId == parent); // requests only: nothing moved
}

TEST_CASE("Dropping a text range onto a code emits rangeDropped", "[codebook]") {
    SampleProject sample;
    CodebookPanel panel;
    panel.setProject(sample.project.get());
    CodebookModel* model = panel.model();
    const qint64 code = sample.codeId(QStringLiteral("Linkages/External linkages"));
    std::vector<std::pair<TextLocation, qint64>> drops;
    QObject::connect(&panel, &CodebookPanel::rangeDropped,
                     [&](const TextLocation& at, qint64 codeId) { drops.emplace_back(at, codeId); });

    QMimeData mime;
    mime.setText(QStringLiteral("some words"));
    const TextLocation range{3, 10, 42};
    TextRangeMime::write(mime, range);
    CHECK(model->canDropMimeData(&mime, Qt::CopyAction, -1, -1, model->indexOf(code)));
    CHECK(model->dropMimeData(&mime, Qt::CopyAction, -1, -1, model->indexOf(code)));
    REQUIRE(drops.size() == 1);
    CHECK(drops[0].first == range);
    CHECK(drops[0].second == code);

    // A range needs a code to land on.
    CHECK_FALSE(model->dropMimeData(&mime, Qt::CopyAction, -1, -1, QModelIndex()));
    QMimeData plain;
    plain.setText(QStringLiteral("just text"));
    CHECK_FALSE(model->canDropMimeData(&plain, Qt::CopyAction, -1, -1, model->indexOf(code)));
    CHECK(drops.size() == 1);
}

TEST_CASE("The codebook panel tracks the current code and keeps it across reloads", "[codebook]") {
    SampleProject sample;
    CodebookPanel panel;
    panel.resize(400, 700);
    panel.show();
    panel.setProject(sample.project.get());
    std::vector<qint64> currents;
    std::vector<qint64> activated;
    QObject::connect(&panel, &CodebookPanel::currentCodeChanged, [&](qint64 id) { currents.push_back(id); });
    QObject::connect(&panel, &CodebookPanel::codeActivated, [&](qint64 id) { activated.push_back(id); });

    const qint64 board = sample.codeId(QStringLiteral("Agency capacity/Board turnover"));
    const qint64 evaluation = sample.codeId(QStringLiteral("Evaluation"));
    panel.selectCode(board);
    REQUIRE(currents == std::vector<qint64>{board});
    CHECK(panel.selectedCodeIds() == std::vector<qint64>{board});
    CHECK(panel.definitionEditor()->codeId() == board);
    CHECK(panel.definitionEditor()->descriptionEdit()->toPlainText().startsWith(
        QStringLiteral("Board members")));

    panel.view()->collapse(panel.proxy()->mapFromSource(panel.model()->indexOf(evaluation)));
    panel.reload();
    CHECK(panel.currentCodeId() == board);
    CHECK(panel.selectedCodeIds() == std::vector<qint64>{board});
    CHECK(currents.size() == 1); // unchanged by the reload
    CHECK_FALSE(panel.view()->isExpanded(panel.proxy()->mapFromSource(panel.model()->indexOf(evaluation))));
    CHECK(panel.view()->isExpanded(panel.proxy()->mapFromSource(
        panel.model()->indexOf(sample.codeId(QStringLiteral("Agency capacity"))))));

    // Double-click activates.
    const QModelIndex index = panel.proxy()->mapFromSource(panel.model()->indexOf(board));
    const QRect rect = panel.view()->visualRect(index);
    REQUIRE(rect.isValid());
    // A real double-click is press, release, then the double-click event.
    QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(panel.view()->viewport(), Qt::LeftButton, {}, rect.center());
    CHECK(activated == std::vector<qint64>{board});
}

TEST_CASE("The codebook panel context menu and create requests", "[codebook]") {
    SampleProject sample;
    CodebookPanel panel;
    panel.setProject(sample.project.get());
    std::vector<std::pair<qint64, QString>> creates;
    std::vector<qint64> deletes;
    QObject::connect(&panel, &CodebookPanel::createRequested,
                     [&](qint64 parent, const QString& name) { creates.emplace_back(parent, name); });
    QObject::connect(&panel, &CodebookPanel::deleteRequested, [&](qint64 id) { deletes.push_back(id); });

    const qint64 funding = sample.codeId(QStringLiteral("Funding"));
    panel.createCode(funding, QStringLiteral(" Match funding "));
    panel.createCode(0, QStringLiteral("   "));
    REQUIRE(creates.size() == 1);
    CHECK(creates[0] == std::make_pair(funding, QStringLiteral("Match funding")));

    auto texts = [](QMenu& menu) {
        QStringList out;
        for (QAction* a : menu.actions())
            if (!a->isSeparator()) out << a->text();
        return out;
    };
    auto empty = panel.contextMenuFor(0);
    CHECK(texts(*empty) == QStringList{QStringLiteral("New Code…")});
    auto menu = panel.contextMenuFor(funding);
    const QStringList expected{QStringLiteral("New Code…"), QStringLiteral("New Child Code…"),
                               QStringLiteral("Rename"),    QStringLiteral("Merge Into…"),
                               QStringLiteral("Colour…"),   QStringLiteral("Pin as Quick Code"),
                               QStringLiteral("Delete")};
    CHECK(texts(*menu) == expected);
    for (QAction* a : menu->actions())
        if (a->text() == QStringLiteral("Delete")) a->trigger();
    CHECK(deletes == std::vector<qint64>{funding});

    // Pinning from the menu asks for the pin; once stored, the code is numbered and the action
    // flips to Unpin.
    std::vector<qint64> pins;
    QObject::connect(&panel, &CodebookPanel::pinRequested, [&](qint64 id) { pins.push_back(id); });
    for (QAction* a : menu->actions())
        if (a->text() == QStringLiteral("Pin as Quick Code")) a->trigger();
    REQUIRE(pins == std::vector<qint64>{funding});
    auto key = QuickCodeRepository(*sample.project).pin(funding);
    REQUIRE(key.ok());
    panel.reload();
    CHECK(panel.quickCodeIds().at(size_t(*key - 1)) == funding);
    CHECK(panel.model()->indexOf(funding).data().toString() == QStringLiteral("[%1]  Funding").arg(*key));
    auto after = panel.contextMenuFor(funding);
    CHECK(texts(*after).contains(QStringLiteral("Unpin Quick Code")));
}

TEST_CASE("The definition editor requests definition and memo edits", "[codebook]") {
    SampleProject sample;
    const qint64 code = sample.codeId(QStringLiteral("Evaluation/Policy learning"));
    auto memo = MemoRepository(*sample.project)
                    .add(MemoTarget::Code, code, QStringLiteral("Seminars"),
                         QStringLiteral("Several speakers mention them."));
    REQUIRE(memo.ok());

    CodebookPanel panel;
    panel.setProject(sample.project.get());
    std::vector<Code> definitions;
    struct MemoEdit {
        qint64 codeId, memoId;
        QString title, body;
    };
    std::vector<MemoEdit> memoEdits;
    QObject::connect(&panel, &CodebookPanel::definitionEditRequested,
                     [&](const Code& c) { definitions.push_back(c); });
    QObject::connect(&panel, &CodebookPanel::memoEditRequested,
                     [&](qint64 c, qint64 m, const QString& t, const QString& b) {
                         memoEdits.push_back({c, m, t, b});
                     });

    panel.selectCode(code);
    CodeDefinitionEditor* editor = panel.definitionEditor();
    editor->exampleEdit()->setPlainText(QStringLiteral("A new example."));
    editor->setColour(QStringLiteral("#123456"));
    editor->apply();
    REQUIRE(definitions.size() == 1);
    CHECK(definitions[0].id == code);
    CHECK(definitions[0].name == QStringLiteral("Policy learning"));
    CHECK(definitions[0].example == QStringLiteral("A new example."));
    CHECK(definitions[0].colour == QStringLiteral("#123456"));
    CHECK(definitions[0].description.startsWith(QStringLiteral("Whether and how")));

    // The code's memo is listed; editing it updates that memo, "New Memo" makes another.
    REQUIRE(editor->memoList()->count() == 1);
    CHECK(editor->memoList()->item(0)->text() == QStringLiteral("Seminars"));
    editor->memoList()->setCurrentRow(0);
    CHECK(editor->memoTitleEdit()->text() == QStringLiteral("Seminars"));
    editor->memoBodyEdit()->setPlainText(QStringLiteral("Revised."));
    editor->saveMemo();
    editor->newMemo();
    editor->memoTitleEdit()->setText(QStringLiteral("Second"));
    editor->memoBodyEdit()->setPlainText(QStringLiteral("More."));
    editor->saveMemo();
    REQUIRE(memoEdits.size() == 2);
    CHECK(memoEdits[0].codeId == code);
    CHECK(memoEdits[0].memoId == *memo);
    CHECK(memoEdits[0].body == QStringLiteral("Revised."));
    CHECK(memoEdits[1].memoId == 0);
    CHECK(memoEdits[1].title == QStringLiteral("Second"));
}

TEST_CASE("The code picker chooses by typed text and creates with Shift+Enter", "[codebook]") {
    SampleProject sample;
    const qint64 political = sample.codeId(QStringLiteral("Political influence"));

    SECTION("Enter applies the best match") {
        CodePickerDialog picker(*sample.project);
        picker.show();
        QTest::keyClicks(picker.lineEdit(), QStringLiteral("polit"));
        REQUIRE_FALSE(picker.matches().empty());
        CHECK(picker.matches().front() == political);
        QTest::keyClick(picker.lineEdit(), Qt::Key_Return);
        REQUIRE(picker.choice().has_value());
        CHECK(picker.choice()->codeId == political);
        CHECK(picker.choice()->newCodeName.isEmpty());
        CHECK(picker.result() == QDialog::Accepted);
    }
    SECTION("Down moves the highlight") {
        CodePickerDialog picker(*sample.project);
        picker.show();
        QTest::keyClicks(picker.lineEdit(), QStringLiteral("LINKAGES"));
        REQUIRE(picker.matches().size() == 3);
        QTest::keyClick(picker.lineEdit(), Qt::Key_Down);
        QTest::keyClick(picker.lineEdit(), Qt::Key_Down);
        QTest::keyClick(picker.lineEdit(), Qt::Key_Up);
        QTest::keyClick(picker.lineEdit(), Qt::Key_Enter);
        REQUIRE(picker.choice().has_value());
        CHECK(picker.choice()->codeId == picker.matches()[1]);
    }
    SECTION("Shift+Enter names a new code") {
        CodePickerDialog picker(*sample.project);
        picker.show();
        QTest::keyClicks(picker.lineEdit(), QStringLiteral("Skills gap"));
        QTest::keyClick(picker.lineEdit(), Qt::Key_Return, Qt::ShiftModifier);
        REQUIRE(picker.choice().has_value());
        CHECK(picker.choice()->codeId == 0);
        CHECK(picker.choice()->newCodeName == QStringLiteral("Skills gap"));
    }
    SECTION("Enter with no match chooses nothing") {
        CodePickerDialog picker(*sample.project);
        picker.show();
        QTest::keyClicks(picker.lineEdit(), QStringLiteral("zzzz"));
        CHECK(picker.matches().empty());
        QTest::keyClick(picker.lineEdit(), Qt::Key_Return);
        CHECK_FALSE(picker.choice().has_value());
        CHECK(picker.isVisible());
    }
}

