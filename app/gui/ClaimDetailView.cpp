#include "ClaimDetailView.h"

#include "ClaimStatus.h"
#include "VerdictBadge.h"
#include "WordDiffHtml.h"
#include "trace/report/AuditFacts.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <array>
#include <cmath>

namespace warrant {

namespace {

constexpr int kLocationRole = Qt::UserRole + 1;
constexpr int kEvidenceWords = 200;
const QString kLocationScheme = QStringLiteral("loc");

constexpr std::array kStances = {EvidenceStance::Supports, EvidenceStance::Illustrates,
                                 EvidenceStance::Qualifies, EvidenceStance::Contradicts};

TextLocation textLocation(const EvidenceLocation& l) {
    return {l.sourceId, l.start, l.end};
}

// "loc:12/340/380" — the browser hands it back when the user clicks it.
QString locationLink(const EvidenceLocation& l) {
    return QStringLiteral("<a href=\"%1:%2/%3/%4\">%5</a>")
        .arg(kLocationScheme)
        .arg(l.sourceId)
        .arg(l.start)
        .arg(l.end)
        .arg(ClaimDetailView::locationLabel(l).toHtmlEscaped());
}

QString percent(double share) {
    return QStringLiteral("%1%").arg(std::lround(std::isfinite(share) ? share * 100 : 0));
}

QString quoteHtml(const AuditQuote& q) {
    QString html = QStringLiteral("<p>") + VerdictBadge::html(quoteVerdictName(q.verdict));
    if (q.found || q.similarity > 0)
        html += QStringLiteral(" <span style=\"color:#5b636d\">%1 similar</span>").arg(percent(q.similarity));
    html += QStringLiteral("<br/><i>\u201c%1\u201d</i>").arg(q.text.simplified().toHtmlEscaped());
    if (!q.explanation.isEmpty())
        html +=
            QStringLiteral("<br/><span style=\"color:#5b636d\">%1</span>").arg(q.explanation.toHtmlEscaped());
    if (!q.diff.isEmpty() && q.verdict != QuoteVerdict::Verbatim)
        html += QStringLiteral("<br/>") + WordDiffHtml::render(q.diff);
    if (q.found) {
        html += QStringLiteral("<br/>Found at ") + locationLink(*q.found);
        for (const EvidenceLocation& also : q.alsoFound)
            html += QStringLiteral(", ") + locationLink(also);
    }
    return html + QStringLiteral("</p>");
}

QString citationsHtml(const AuditClaim& claim) {
    QStringList parts;
    for (const AuditCitation& c : claim.citations) {
        QString part = c.text.toHtmlEscaped();
        for (const QString& unknown : c.unknown)
            part += QStringLiteral(" ") + VerdictBadge::html(claimCheckName(ClaimCheck::OrphanCitation)) +
                    QStringLiteral(" <b>%1</b> is no participant").arg(unknown.toHtmlEscaped());
        if (!parts.contains(part)) parts << part; // the same citation often closes several sentences
    }
    return parts.join(QStringLiteral("; "));
}

QTreeWidgetItem* evidenceItem(QTreeWidget* tree, const AuditEvidence& e, const QStringList& columns) {
    auto* item = new QTreeWidgetItem(tree, columns);
    item->setData(0, kLocationRole, QVariant::fromValue(textLocation(e.location)));
    item->setToolTip(columns.size() - 1, e.location.context.isEmpty() ? e.location.text : e.location.context);
    return item;
}

} // namespace

ClaimDetailView::ClaimDetailView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    m_header = new QLabel(this);
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true); // a long section title wraps instead of widening the panel
    m_claimText = new QLabel(this);
    m_claimText->setTextFormat(Qt::RichText);
    m_claimText->setWordWrap(true);
    m_claimText->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_quotes = new QTextBrowser(this);
    m_quotes->setObjectName(QStringLiteral("claimQuotes"));
    m_quotes->setOpenLinks(false);
    m_quotes->setOpenExternalLinks(false);
    connect(m_quotes, &QTextBrowser::anchorClicked, this, &ClaimDetailView::followLink);

    m_linkedTitle = new QLabel(tr("<b>Linked evidence</b>"), this);
    m_linked = new QTreeWidget(this);
    m_linked->setHeaderLabels({tr("Where"), tr("Origin"), tr("Stance"), QString(), tr("Words")});
    m_suggestedTitle = new QLabel(tr("<b>Suggested evidence</b>"), this);
    m_suggested = new QTreeWidget(this);
    m_suggested->setHeaderLabels({tr("Where"), tr("Relevance"), QString(), tr("Words")});
    for (QTreeWidget* tree : {m_linked, m_suggested}) {
        tree->setRootIsDecorated(false);
        tree->setUniformRowHeights(true);
        tree->header()->setStretchLastSection(true);
        connect(tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
            const auto location = item->data(0, kLocationRole).value<TextLocation>();
            if (location.isValid()) Q_EMIT locationActivated(location);
        });
    }

    // Each part keeps a readable height; when the panel is short the whole detail scrolls.
    const int line = fontMetrics().lineSpacing();
    m_quotes->setMinimumHeight(6 * line);
    m_linked->setMinimumHeight(5 * line);
    m_suggested->setMinimumHeight(5 * line);
    layout->addWidget(m_header);
    layout->addWidget(m_claimText);
    layout->addWidget(m_quotes, 3);
    layout->addWidget(m_linkedTitle);
    layout->addWidget(m_linked, 1);
    layout->addWidget(m_suggestedTitle);
    layout->addWidget(m_suggested, 1);
    showClaim(nullptr);
}

QString ClaimDetailView::locationLabel(const EvidenceLocation& l) {
    QString who = !l.participant.isEmpty() ? l.participant
                  : l.interviewer          ? QStringLiteral("interviewer")
                  : !l.source.isEmpty()    ? l.source
                                           : tr("source %1").arg(l.sourceId);
    if (l.turn > 0) return tr("%1, turn %2").arg(who).arg(l.turn);
    return QStringLiteral("%1, %2\u2013%3").arg(who).arg(l.start).arg(l.end);
}

void ClaimDetailView::showClaim(const AuditClaim* claim) {
    m_claimId = claim ? claim->id : 0;
    m_linked->clear();
    m_suggested->clear();
    if (!claim) {
        m_header->setText(tr("No claim selected."));
        m_claimText->clear();
        m_quotesHtml.clear();
        m_quotes->clear();
        m_linkedTitle->setText(tr("<b>Linked evidence</b>"));
        m_suggestedTitle->setText(tr("<b>Suggested evidence</b>"));
        return;
    }
    QString header = VerdictBadge::html(ClaimStatus::of(*claim));
    if (!claim->section.isEmpty()) header += QStringLiteral(" <b>%1</b>").arg(claim->section.toHtmlEscaped());
    m_header->setText(header);
    QString text = claim->text.simplified().toHtmlEscaped();
    if (!claim->citations.empty())
        text += QStringLiteral("<br/><small>Cites: %1</small>").arg(citationsHtml(*claim));
    for (const AuditCheck& check : claim->checks)
        text += QStringLiteral("<br/>%1 %2")
                    .arg(VerdictBadge::html(claimCheckName(check.check)), check.message.toHtmlEscaped());
    m_claimText->setText(text);
    showQuotes(*claim);
    showLinked(*claim);
    showSuggested(*claim);
}

void ClaimDetailView::showQuotes(const AuditClaim& claim) {
    if (claim.quotes.empty()) {
        m_quotesHtml = tr("<p style=\"color:#5b636d\">The claim quotes nobody.</p>");
    } else {
        QStringList quotes;
        for (const AuditQuote& q : claim.quotes)
            quotes << quoteHtml(q);
        m_quotesHtml = quotes.join(QStringLiteral("<hr/>"));
    }
    m_quotes->setHtml(m_quotesHtml);
    // Without quotations the evidence lists get the room.
    m_quotes->setVisible(!claim.quotes.empty());
}

void ClaimDetailView::showLinked(const AuditClaim& claim) {
    int count = 0;
    for (const AuditEvidence& e : claim.evidence) {
        if (AuditFacts::isSuggestion(e)) continue;
        ++count;
        QTreeWidgetItem* item = evidenceItem(m_linked, e,
                                             {locationLabel(e.location), e.origin, QString(), QString(),
                                              AuditFacts::shorten(e.location.text, kEvidenceWords)});
        const qint64 linkId = e.linkId;
        const QString current = evidenceStanceName(e.stance);
        auto* stance = new QComboBox(m_linked);
        for (EvidenceStance s : kStances)
            stance->addItem(evidenceStanceName(s), evidenceStanceName(s));
        stance->setCurrentIndex(stance->findData(current));
        connect(stance, &QComboBox::activated, this, [this, stance, linkId, current](int index) {
            const QString chosen = stance->itemData(index).toString();
            if (chosen != current) Q_EMIT stanceChangeRequested(linkId, chosen);
        });
        item->setSizeHint(2, stance->sizeHint()); // so the column and row fit the widget
        m_linked->setItemWidget(item, 2, stance);
        auto* unlink = new QPushButton(tr("Unlink"), m_linked);
        connect(unlink, &QPushButton::clicked, this, [this, linkId] { Q_EMIT unlinkRequested(linkId); });
        item->setSizeHint(3, unlink->sizeHint());
        m_linked->setItemWidget(item, 3, unlink);
    }
    m_linkedTitle->setText(tr("<b>Linked evidence</b> (%1)").arg(count));
    for (int c = 0; c < m_linked->columnCount() - 1; ++c)
        m_linked->resizeColumnToContents(c);
}

void ClaimDetailView::showSuggested(const AuditClaim& claim) {
    int count = 0;
    for (const AuditEvidence& e : claim.evidence) {
        if (!AuditFacts::isSuggestion(e)) continue;
        ++count;
        QTreeWidgetItem* item = evidenceItem(m_suggested, e,
                                             {locationLabel(e.location), percent(e.relevance), QString(),
                                              AuditFacts::shorten(e.location.text, kEvidenceWords)});
        auto* link = new QPushButton(tr("Link"), m_suggested);
        const qint64 claimId = claim.id;
        const TextLocation location = textLocation(e.location);
        const QString stance = evidenceStanceName(e.stance);
        connect(link, &QPushButton::clicked, this,
                [this, claimId, location, stance] { Q_EMIT linkRequested(claimId, location, stance); });
        item->setSizeHint(2, link->sizeHint());
        m_suggested->setItemWidget(item, 2, link);
    }
    m_suggestedTitle->setText(tr("<b>Suggested evidence</b> (%1)").arg(count));
    for (int c = 0; c < m_suggested->columnCount() - 1; ++c)
        m_suggested->resizeColumnToContents(c);
}

void ClaimDetailView::followLink(const QUrl& url) {
    if (url.scheme() != kLocationScheme) return;
    const QStringList parts = url.path().split(u'/');
    if (parts.size() != 3) return;
    const TextLocation location{parts[0].toLongLong(), parts[1].toLongLong(), parts[2].toLongLong()};
    if (location.isValid()) Q_EMIT locationActivated(location);
}

} // namespace warrant
