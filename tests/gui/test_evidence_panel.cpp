#include "ClaimDetailView.h"
#include "ClaimListModel.h"
#include "EvidencePanel.h"
#include "IndexCandidateFinder.h"
#include "SearchIndex.h"
#include "TestPaths.h"
#include "TextRangeMime.h"
#include "WordDiffHtml.h"
#include "ops/DemoProjectBuilder.h"
#include "store/ClaimRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"
#include "trace/Auditor.h"
#include "trace/report/AuditFacts.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTreeView>
#include <QTreeWidget>
#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <memory>

using namespace warrant;

namespace {

// The sample project and its manuscript audited the way the CLI does it; built once, since
// indexing and auditing the corpus is the slow part and the panel never writes to it.
struct AuditedSample {
    QTemporaryDir dir;
    std::unique_ptr<Project> project;
    qint64 manuscriptId = 0;
    AuditReport report;

    AuditedSample() {
        const QString path = dir.filePath(QStringLiteral("demo.warrant"));
        REQUIRE(DemoProjectBuilder::build(test::sourcePath(QStringLiteral("sample_corpus")), path).ok());
        auto opened = Project::open(path);
        REQUIRE(opened);
        project = std::move(*opened);
        auto sources = SourceRepository(*project).list();
        REQUIRE(sources);
        for (const Source& s : *sources)
            if (s.kind == SourceKind::Manuscript) manuscriptId = s.id;
        REQUIRE(manuscriptId > 0);
        SearchIndex index(SearchIndex::locationFor(path));
        REQUIRE(index.open(*project).ok());
        IndexCandidateFinder finder(index);
        auto audited = Auditor(*project, &finder).audit(manuscriptId, Auditor::defaultFailOn(), Auditor::Save::Yes);
        REQUIRE(audited);
        report = *audited;
        REQUIRE(!report.claims.empty());
    }
};

AuditedSample& sample() {
    static AuditedSample audited;
    return audited;
}

// A panel showing the sample audit, laid out as on screen.
struct ShownPanel {
    EvidencePanel panel;
    ShownPanel() {
        panel.resize(1200, 800);
        panel.setProject(sample().project.get());
        panel.setReport(sample().report);
        panel.show();
        REQUIRE(QTest::qWaitForWindowExposed(&panel));
    }
};

bool hasFinding(const AuditClaim& claim, const QSet<QString>& names) {
    for (const AuditQuote& q : claim.quotes)
        if (names.contains(quoteVerdictName(q.verdict))) return true;
    for (const AuditCheck& c : claim.checks)
        if (names.contains(claimCheckName(c.check))) return true;
    return false;
}

const AuditClaim* firstClaimWhere(const std::function<bool(const AuditClaim&)>& wanted) {
    for (const AuditClaim& c : sample().report.claims)
        if (wanted(c)) return &c;
    return nullptr;
}

bool hasSuggestion(const AuditClaim& c) {
    for (const AuditEvidence& e : c.evidence)
        if (AuditFacts::isSuggestion(e)) return true;
    return false;
}

bool hasLink(const AuditClaim& c) {
    for (const AuditEvidence& e : c.evidence)
        if (e.linkId > 0) return true;
    return false;
}

// Every fragment of a rendered document, so tests look at what is drawn rather than at markup.
std::vector<QTextFragment> fragments(const QTextDocument* doc) {
    std::vector<QTextFragment> all;
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().isValid()) all.push_back(it.fragment());
    return all;
}

// Sends a drag of `mime` onto `point` of the view's viewport, as a drag from another panel ends.
void dropOn(QAbstractItemView* view, const QPoint& point, QMimeData* mime) {
    QDragEnterEvent enter(point, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &enter);
    QDragMoveEvent move(point, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &move);
    QDropEvent drop(point, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &drop);
}

} // namespace

TEST_CASE("WordDiffHtml escapes HTML and renders deletions and insertions", "[evidence]") {
    const QString html =
        WordDiffHtml::render(QStringLiteral("a <b>&amp; [-printed <i>-]{+said & done+} end"));
    CHECK(html.contains(QStringLiteral("a &lt;b&gt;&amp;amp; ")));
    CHECK_FALSE(html.contains(QStringLiteral("<b>")));
    CHECK_FALSE(html.contains(QStringLiteral("<i>")));
    CHECK(html.contains(QStringLiteral("<s ")));
    CHECK(html.contains(QStringLiteral(">printed &lt;i&gt;</s>")));
    CHECK(html.contains(QStringLiteral(">said &amp; done</span>")));
    CHECK(html.contains(WordDiffHtml::deletionColor()));
    CHECK(html.contains(WordDiffHtml::insertionColor()));
    CHECK_FALSE(html.contains(QStringLiteral("[-")));
    CHECK_FALSE(html.contains(QStringLiteral("{+")));

    // An unterminated marker is text, not markup.
    const QString open = WordDiffHtml::render(QStringLiteral("kept [-never closed"));
    CHECK(open == QStringLiteral("kept [-never closed"));
    CHECK(WordDiffHtml::render(QString()).isEmpty());
}

TEST_CASE("The claims list shows the audit and counts its problems", "[evidence]") {
    const AuditReport& report = sample().report;
    EvidencePanel panel;
    new QAbstractItemModelTester(panel.claimModel(), QAbstractItemModelTester::FailureReportingMode::Fatal,
                                 &panel);
    panel.setProject(sample().project.get());
    REQUIRE(panel.manuscriptCombo()->count() >= 1);
    CHECK(panel.currentManuscriptId() == sample().manuscriptId);
    CHECK(panel.auditButton()->isEnabled());

    panel.setReport(report);
    ClaimListModel* model = panel.claimModel();
    REQUIRE(model->rowCount() == int(report.claims.size()));
    for (int row = 0; row < model->rowCount(); ++row)
        CHECK(model->index(row, 0).data(ClaimListModel::ClaimIdRole).toLongLong() ==
              report.claims[size_t(row)].id);

    int problems = 0;
    for (const AuditClaim& c : report.claims)
        problems += hasFinding(c, Auditor::defaultFailOn()) ? 1 : 0;
    REQUIRE(problems > 0);
    REQUIRE(problems < int(report.claims.size()));
    CHECK(model->problemCount() == problems);
    CHECK(panel.countsLabel()->text() ==
          QStringLiteral("%1 claims \u00b7 %2 with problems").arg(report.claims.size()).arg(problems));

    // A claim's status is its worst finding.
    const AuditClaim* misattributed = firstClaimWhere(
        [](const AuditClaim& c) { return hasFinding(c, {quoteVerdictName(QuoteVerdict::Misattributed)}); });
    REQUIRE(misattributed);
    CHECK(model->index(model->rowOf(misattributed->id), ClaimListModel::StatusColumn).data().toString() ==
          QStringLiteral("misattributed"));

    // The first claim is selected and shown.
    CHECK(panel.currentClaimId() == report.claims.front().id);
    CHECK(panel.detailView()->claimId() == report.claims.front().id);

    const auto choices = panel.claimChoices();
    REQUIRE(choices.size() == report.claims.size());
    CHECK(choices.front().first == report.claims.front().id);
    CHECK_FALSE(choices.front().second.isEmpty());
}

TEST_CASE("Selecting a claim with an altered quote shows its word diff", "[evidence]") {
    const AuditQuote* altered = nullptr;
    const AuditClaim* claim = firstClaimWhere([&](const AuditClaim& c) {
        for (const AuditQuote& q : c.quotes)
            if (q.verdict == QuoteVerdict::Altered && q.diff.contains(QStringLiteral("[-")) &&
                q.diff.contains(QStringLiteral("{+"))) {
                altered = &q;
                return true;
            }
        return false;
    });
    REQUIRE(claim);
    ShownPanel shown;
    EvidencePanel& panel = shown.panel;
    QSignalSpy selected(&panel, &EvidencePanel::claimSelected);
    panel.selectClaim(claim->id);
    CHECK(panel.currentClaimId() == claim->id);
    REQUIRE(selected.count() == 1);
    CHECK(selected.front().front().toLongLong() == claim->id);

    ClaimDetailView* detail = panel.detailView();
    CHECK(detail->quotesHtml().contains(WordDiffHtml::render(altered->diff)));
    CHECK(detail->quotesHtml().contains(QStringLiteral("altered")));

    // What the browser draws: a struck-through red deletion and a green insertion.
    bool deletion = false, insertion = false;
    for (const QTextFragment& f : fragments(detail->quotesView()->document())) {
        const QTextCharFormat format = f.charFormat();
        if (format.fontStrikeOut() && format.foreground().color() == QColor(WordDiffHtml::deletionColor()))
            deletion = true;
        if (!format.fontStrikeOut() && format.foreground().color() == QColor(WordDiffHtml::insertionColor()))
            insertion = true;
    }
    CHECK(deletion);
    CHECK(insertion);

    // Clicking where it was found asks to show that place.
    REQUIRE(altered->found);
    QSignalSpy activated(&panel, &EvidencePanel::locationActivated);
    QTextBrowser* browser = detail->quotesView();
    for (const QTextFragment& f : fragments(browser->document())) {
        if (!f.charFormat().isAnchor()) continue;
        QTextCursor cursor(browser->document());
        cursor.setPosition(f.position() + f.length() / 2);
        browser->setTextCursor(cursor);
        browser->ensureCursorVisible();
        const QPoint at = browser->cursorRect(cursor).center();
        QTest::mouseClick(browser->viewport(), Qt::LeftButton, Qt::NoModifier, at);
        break;
    }
    REQUIRE(activated.count() == 1);
    const auto location = activated.front().front().value<TextLocation>();
    CHECK(location == TextLocation{altered->found->sourceId, altered->found->start, altered->found->end});
}

TEST_CASE("Problems only hides the verified claims", "[evidence]") {
    ShownPanel shown;
    EvidencePanel& panel = shown.panel;
    QTreeView* view = panel.claimView();
    const int all = view->model()->rowCount();
    auto statuses = [view] {
        QStringList names;
        for (int row = 0; row < view->model()->rowCount(); ++row)
            names << view->model()->index(row, 0).data(ClaimListModel::StatusRole).toString();
        return names;
    };
    REQUIRE(statuses().contains(QStringLiteral("verified")));

    // The user steps from "All claims" to "Problems only".
    QComboBox* filter = panel.filterCombo();
    REQUIRE(filter->currentIndex() == 0);
    filter->setFocus();
    QTest::keyClick(filter, Qt::Key_Down);
    REQUIRE(filter->currentIndex() == 1);

    const QStringList shownStatuses = statuses();
    CHECK(view->model()->rowCount() == panel.claimModel()->problemCount());
    CHECK(view->model()->rowCount() < all);
    CHECK_FALSE(shownStatuses.contains(QStringLiteral("verified")));
    for (int row = 0; row < view->model()->rowCount(); ++row)
        CHECK(view->model()->index(row, 0).data(ClaimListModel::ProblemRole).toBool());
    CHECK(panel.countsLabel()->text().endsWith(QStringLiteral("%1 shown").arg(view->model()->rowCount())));

    // One status at a time, and selecting a hidden claim shows every claim again.
    const int altered = filter->findData(QStringLiteral("altered"));
    REQUIRE(altered >= 0);
    filter->setCurrentIndex(altered);
    Q_EMIT filter->activated(altered);
    const QStringList alteredOnly = statuses();
    REQUIRE_FALSE(alteredOnly.isEmpty());
    CHECK(alteredOnly.count(QStringLiteral("altered")) == alteredOnly.size());
    const AuditClaim* verified = firstClaimWhere(
        [](const AuditClaim& c) { return !hasFinding(c, Auditor::defaultFailOn()) && !c.quotes.empty(); });
    REQUIRE(verified);
    panel.selectClaim(verified->id);
    CHECK(panel.currentClaimId() == verified->id);
    CHECK(view->model()->rowCount() == all);
}

TEST_CASE("Dropping a text range on a claim row requests a link to that claim", "[evidence]") {
    ShownPanel shown;
    EvidencePanel& panel = shown.panel;
    QTreeView* view = panel.claimView();
    REQUIRE(view->model()->rowCount() > 2);
    const QModelIndex target = view->model()->index(2, ClaimListModel::ClaimColumn);
    const qint64 claimId = target.data(ClaimListModel::ClaimIdRole).toLongLong();
    const QRect rect = view->visualRect(target);
    REQUIRE(rect.isValid());

    QSignalSpy requested(&panel, &EvidencePanel::linkRequested);
    QMimeData plain;
    plain.setText(QStringLiteral("just words"));
    dropOn(view, rect.center(), &plain);
    CHECK(requested.isEmpty());

    QMimeData range;
    const TextLocation location{sample().manuscriptId + 1, 10, 42};
    TextRangeMime::write(range, location);
    dropOn(view, rect.center(), &range);
    REQUIRE(requested.count() == 1);
    CHECK(requested.front().at(0).toLongLong() == claimId);
    CHECK(requested.front().at(1).value<TextLocation>() == location);
    CHECK(requested.front().at(2).toString() == QStringLiteral("supports"));
}

TEST_CASE("The claim detail turns evidence edits into requests", "[evidence]") {
    ShownPanel shown;
    EvidencePanel& panel = shown.panel;
    ClaimDetailView* detail = panel.detailView();

    const AuditClaim* linkedClaim = firstClaimWhere(hasLink);
    REQUIRE(linkedClaim);
    panel.selectClaim(linkedClaim->id);
    QTreeWidget* linked = detail->linkedEvidence();
    REQUIRE(linked->topLevelItemCount() >= 1);
    qint64 linkId = 0;
    EvidenceStance stance = EvidenceStance::Supports;
    for (const AuditEvidence& e : linkedClaim->evidence)
        if (e.linkId > 0) {
            linkId = e.linkId;
            stance = e.stance;
            break;
        }
    REQUIRE(stance == EvidenceStance::Supports);

    QSignalSpy stanceChanges(&panel, &EvidencePanel::stanceChangeRequested);
    auto* combo = qobject_cast<QComboBox*>(linked->itemWidget(linked->topLevelItem(0), 2));
    REQUIRE(combo);
    CHECK(combo->currentText() == QStringLiteral("supports"));
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down);
    REQUIRE(stanceChanges.count() == 1);
    CHECK(stanceChanges.front().at(0).toLongLong() == linkId);
    CHECK(stanceChanges.front().at(1).toString() == QStringLiteral("illustrates"));

    QSignalSpy unlinks(&panel, &EvidencePanel::unlinkRequested);
    auto* unlink = qobject_cast<QPushButton*>(linked->itemWidget(linked->topLevelItem(0), 3));
    REQUIRE(unlink);
    QTest::mouseClick(unlink, Qt::LeftButton);
    REQUIRE(unlinks.count() == 1);
    CHECK(unlinks.front().at(0).toLongLong() == linkId);

    const AuditClaim* suggestedClaim = firstClaimWhere(hasSuggestion);
    REQUIRE(suggestedClaim);
    panel.selectClaim(suggestedClaim->id);
    QTreeWidget* suggested = detail->suggestedEvidence();
    REQUIRE(suggested->topLevelItemCount() >= 1);
    QSignalSpy links(&panel, &EvidencePanel::linkRequested);
    auto* link = qobject_cast<QPushButton*>(suggested->itemWidget(suggested->topLevelItem(0), 2));
    REQUIRE(link);
    QTest::mouseClick(link, Qt::LeftButton);
    REQUIRE(links.count() == 1);
    CHECK(links.front().at(0).toLongLong() == suggestedClaim->id);
    CHECK(links.front().at(1).value<TextLocation>().isValid());
    CHECK(links.front().at(2).toString() == QStringLiteral("supports"));
}

TEST_CASE("Refreshing links shows what the project now links without a new audit", "[evidence]") {
    ShownPanel shown;
    EvidencePanel& panel = shown.panel;
    const AuditClaim* claim = firstClaimWhere(hasSuggestion);
    REQUIRE(claim);
    AuditEvidence suggestion;
    for (const AuditEvidence& e : claim->evidence)
        if (AuditFacts::isSuggestion(e)) suggestion = e;
    panel.selectClaim(claim->id);
    QTreeWidget* linked = panel.detailView()->linkedEvidence();
    QTreeWidget* suggested = panel.detailView()->suggestedEvidence();
    const int linkedBefore = linked->topLevelItemCount();
    const int suggestedBefore = suggested->topLevelItemCount();

    // What the main window's command does when the user accepts the suggestion.
    Project& project = *sample().project;
    ClaimRepository claims(project);
    qint64 linkId = 0;
    REQUIRE(project
                .mutate(QStringLiteral("link"), QString(),
                        [&]() -> Status {
                            auto id = claims.link(claim->id, suggestion.location.sourceId,
                                                  suggestion.location.start, suggestion.location.end,
                                                  EvidenceStance::Qualifies, QStringLiteral("user"));
                            if (!id) return id.error();
                            linkId = *id;
                            return {};
                        })
                .ok());
    panel.refreshLinks();
    CHECK(panel.currentClaimId() == claim->id);
    CHECK(linked->topLevelItemCount() == linkedBefore + 1);
    CHECK(suggested->topLevelItemCount() == suggestedBefore - 1);
    bool found = false;
    for (int i = 0; i < linked->topLevelItemCount(); ++i) {
        auto* combo = qobject_cast<QComboBox*>(linked->itemWidget(linked->topLevelItem(i), 2));
        if (combo && combo->currentText() == QStringLiteral("qualifies")) found = true;
    }
    CHECK(found);

    REQUIRE(project.mutate(QStringLiteral("unlink"), QString(), [&] { return claims.unlink(linkId); }).ok());
    panel.refreshLinks();
    CHECK(linked->topLevelItemCount() == linkedBefore);
    CHECK(suggested->topLevelItemCount() == suggestedBefore);
}

TEST_CASE("Verified quotations are offered for highlighting and busy disables auditing", "[evidence]") {
    ShownPanel shown;
    EvidencePanel& panel = shown.panel;
    const AuditQuote* verbatim = nullptr;
    REQUIRE(firstClaimWhere([&](const AuditClaim& c) {
        for (const AuditQuote& q : c.quotes)
            if (q.verdict == QuoteVerdict::Verbatim && q.found) verbatim = &q;
        return verbatim != nullptr;
    }));
    const auto locations = panel.quoteLocations(verbatim->found->sourceId);
    CHECK(std::find(locations.begin(), locations.end(),
                    TextLocation{verbatim->found->sourceId, verbatim->found->start, verbatim->found->end}) !=
          locations.end());
    for (const TextLocation& l : locations)
        CHECK(l.sourceId == verbatim->found->sourceId);
    CHECK(panel.quoteLocations(sample().manuscriptId).empty());

    QSignalSpy audits(&panel, &EvidencePanel::auditRequested);
    QTest::mouseClick(panel.auditButton(), Qt::LeftButton);
    REQUIRE(audits.count() == 1);
    CHECK(audits.front().front().toLongLong() == sample().manuscriptId);
    panel.setBusy(true);
    CHECK_FALSE(panel.auditButton()->isEnabled());
    CHECK_FALSE(panel.manuscriptCombo()->isEnabled());
    QTest::mouseClick(panel.auditButton(), Qt::LeftButton);
    CHECK(audits.count() == 1);
    panel.setBusy(false);
    CHECK(panel.auditButton()->isEnabled());
}
