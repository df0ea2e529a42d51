#pragma once

#include "TextLocation.h"
#include "trace/AuditReport.h"

#include <QWidget>

class QLabel;
class QTextBrowser;
class QTreeWidget;
class QUrl;

namespace warrant {

// One claim of an audit in full: its text and citations, every quotation with its verdict, the
// explanation, similarity, word diff and where it was found, the evidence linked to it and the
// evidence the auditor suggests. It only shows; every change is a request signal.
class ClaimDetailView : public QWidget {
    Q_OBJECT
  public:
    explicit ClaimDetailView(QWidget* parent = nullptr);

    // Shows `claim` (copied), or nothing for nullptr.
    void showClaim(const AuditClaim* claim);
    qint64 claimId() const { return m_claimId; }

    // The parts, for the panel's tests and for keyboard focus handling.
    QLabel* claimLabel() const { return m_claimText; }
    QTextBrowser* quotesView() const { return m_quotes; }
    QTreeWidget* linkedEvidence() const { return m_linked; }
    QTreeWidget* suggestedEvidence() const { return m_suggested; }
    // The rich text the quotations are shown with.
    QString quotesHtml() const { return m_quotesHtml; }

    // "R8, turn 12", "interviewer, turn 3", "Policy memo, 120–180".
    static QString locationLabel(const EvidenceLocation& location);

  Q_SIGNALS:
    // The user followed a "found at" place or activated an evidence row: show it in its source.
    void locationActivated(const warrant::TextLocation& location);
    // The user picked another stance for an existing evidence link (stance name as in
    // evidenceStanceName: "supports", "illustrates", "qualifies", "contradicts").
    void stanceChangeRequested(qint64 linkId, const QString& stanceName);
    // The user wants an existing evidence link removed.
    void unlinkRequested(qint64 linkId);
    // The user accepted a suggestion: link `location` to `claimId` with that stance.
    void linkRequested(qint64 claimId, const warrant::TextLocation& location, const QString& stanceName);

  private:
    void showQuotes(const AuditClaim& claim);
    void showLinked(const AuditClaim& claim);
    void showSuggested(const AuditClaim& claim);
    void followLink(const QUrl& url);

    qint64 m_claimId = 0;
    QLabel* m_header = nullptr;
    QLabel* m_claimText = nullptr;
    QTextBrowser* m_quotes = nullptr;
    QLabel* m_linkedTitle = nullptr;
    QTreeWidget* m_linked = nullptr;
    QLabel* m_suggestedTitle = nullptr;
    QTreeWidget* m_suggested = nullptr;
    QString m_quotesHtml;
};

} // namespace warrant
