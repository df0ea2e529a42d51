#include "DisagreementBrowser.h"

#include "Counted.h"
#include "store/SourceRepository.h"
#include "text/TextOffsets.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace warrant {

namespace {

// "alewis and bosei", "a, b and c".
QString listed(const QStringList& names) {
    if (names.size() < 2) return names.join(QString());
    return names.mid(0, names.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") + names.back();
}

QStringList codersOf(const Disagreement& d) {
    QStringList names;
    for (const Disagreement::Version& v : d.versions) names << v.coder;
    return names;
}

QStandardItem* versionItem(const Disagreement::Version& v) {
    auto* item = new QStandardItem;
    if (v.coded) {
        item->setText(v.texts.join(QStringLiteral(" … ")).simplified());
        item->setToolTip(QStringLiteral("%1 coded: %2").arg(v.coder, v.texts.join(QStringLiteral("\n…\n"))));
    } else {
        // Said in words and set apart, so "nothing" never reads as an empty cell.
        item->setText(DisagreementBrowser::tr("not coded"));
        QFont italic = item->font();
        italic.setItalic(true);
        item->setFont(italic);
        item->setForeground(QColor(0x77, 0x77, 0x77));
        item->setToolTip(DisagreementBrowser::tr("%1 did not code this passage with the code").arg(v.coder));
    }
    return item;
}

// Code points of context kept around the codings of a long passage: a line or so.
constexpr qint64 kContext = 60;

// The span shown for a passage, the same for every coder: the unit and every coding of it, with
// a long turn cut down to its coded part and a few lines around it, on word boundaries, so that
// the coders' headings and versions are in view together.
struct Span {
    qint64 from = 0, to = 0;
    bool cutBefore = false, cutAfter = false;
};

Span spanOf(const QString& text, const Disagreement& d) {
    qint64 from = d.start, to = d.end, first = d.end, last = d.start;
    for (const Disagreement::Version& v : d.versions)
        for (const auto& [start, end] : v.ranges) {
            from = std::min(from, start);
            to = std::max(to, end);
            first = std::min(first, start);
            last = std::max(last, end);
        }
    if (first >= last) return {from, to};
    const TextOffsets offsets(text);
    const auto spaceAt = [&](qint64 p) { return text.at(offsets.utf16FromCodePoint(p)).isSpace(); };
    qint64 a = std::max(from, first - kContext), b = std::min(to, last + kContext);
    while (a > from && a < first && !spaceAt(a - 1)) ++a;
    while (b < to && b > last && !spaceAt(b)) --b;
    return {a, b, a > from, b < to};
}

// The span's text as one coder marked it: their coded parts highlighted.
QString markedHtml(const QString& text, const Span& span, const Disagreement::Version& v) {
    const qint64 from = span.from, to = span.to;
    std::vector<std::pair<qint64, qint64>> marks;
    for (const auto& [start, end] : v.ranges) marks.emplace_back(std::max(start, from), std::min(end, to));
    std::sort(marks.begin(), marks.end());
    QString html;
    qint64 at = from;
    const auto plain = [&](qint64 a, qint64 b) { return TextOffsets::midCodePoints(text, a, b).toHtmlEscaped(); };
    for (const auto& [start, end] : marks) {
        if (end <= at) continue;
        html += plain(at, std::max(at, start));
        html += QStringLiteral("<span style=\"background-color:#ffe08a\"><b>%1</b></span>").arg(plain(std::max(at, start), end));
        at = end;
    }
    html += plain(at, to);
    if (span.cutBefore) html.prepend(QStringLiteral("… "));
    if (span.cutAfter) html += QStringLiteral(" …");
    return html.replace(u'\n', QStringLiteral("<br>"));
}

} // namespace

DisagreementBrowser::DisagreementBrowser(QWidget* parent) : QWidget(parent) {
    m_model = new QStandardItemModel(this);
    buildUi();
    clear(tr("Select a code in the table to see where the coders differ."));
}

void DisagreementBrowser::buildUi() {
    m_heading = new QLabel(this);
    m_heading->setWordWrap(true); // a long code name wraps rather than pushing the buttons out
    m_show = new QPushButton(tr("Show in Document"), this);
    m_show->setToolTip(tr("Show the selected passage in the document (or double-click it)"));
    m_show->setMinimumWidth(m_show->sizeHint().width());
    connect(m_show, &QPushButton::clicked, this, [this] { activate(currentRow()); });
    auto* headingRow = new QHBoxLayout;
    headingRow->addWidget(m_heading, 1);
    headingRow->addWidget(m_show);

    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& at) { activate(at.row()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showVersions(current.row()); });

    m_versions = new QTextBrowser(this);
    m_versions->setObjectName(QStringLiteral("disagreementVersions"));
    m_versions->setPlaceholderText(tr("Select a passage to compare the coders' versions."));
    // Tight paragraphs: the versions share a small pane with the list.
    m_versions->document()->setDefaultStyleSheet(QStringLiteral("p { margin-top: 0; margin-bottom: 4px; }"));
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_view);
    splitter->addWidget(m_versions);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    m_adoptRow = new QHBoxLayout;
    m_adoptRow->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(headingRow);
    layout->addWidget(splitter, 1);
    layout->addLayout(m_adoptRow);
}

void DisagreementBrowser::setProject(Project* project) {
    m_project = project;
    m_texts.clear();
    clear(tr("Select a code in the table to see where the coders differ."));
}

void DisagreementBrowser::showDisagreements(qint64 codeId, const QString& codePath, std::vector<Disagreement> list) {
    const int keep = codeId == m_codeId ? currentRow() : 0;
    m_codeId = codeId;
    m_codePath = codePath;
    m_items = std::move(list);
    m_texts.clear(); // the adoption that led here may have changed nothing in the texts, but cheap
    fillList();
    syncAdoptButtons();
    const QString code = codePath.section(u'/', -1);
    const QString coders = m_items.empty() ? QString() : listed(codersOf(m_items.front()));
    m_heading->setText(m_items.empty() ? tr("The coders coded '%1' alike everywhere.").arg(code)
                                       : tr("%1 where %2 differ on '%3'")
                                             .arg(counted(qsizetype(m_items.size()), tr("passage"), tr("passages")), coders, code));
    m_heading->setToolTip(codePath);
    if (!m_items.empty()) selectRow(std::clamp(keep, 0, int(m_items.size()) - 1));
    else showVersions(-1);
}

void DisagreementBrowser::clear(const QString& hint) {
    m_codeId = 0;
    m_codePath.clear();
    m_items.clear();
    fillList();
    syncAdoptButtons();
    m_heading->setText(hint);
    m_heading->setToolTip(QString());
    showVersions(-1);
}

void DisagreementBrowser::fillList() {
    m_model->clear();
    QStringList headers{tr("Passage")};
    if (!m_items.empty()) headers << codersOf(m_items.front());
    m_model->setHorizontalHeaderLabels(headers);
    for (const Disagreement& d : m_items) {
        QList<QStandardItem*> row;
        auto* citation = new QStandardItem(d.citation);
        citation->setToolTip(d.text);
        row << citation;
        for (const Disagreement::Version& v : d.versions) row << versionItem(v);
        m_model->appendRow(row);
    }
    QHeaderView* header = m_view->horizontalHeader();
    header->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    for (int column = 1; column < m_model->columnCount(); ++column) header->setSectionResizeMode(column, QHeaderView::Stretch);
}

void DisagreementBrowser::syncAdoptButtons() {
    std::vector<std::pair<qint64, QString>> coders;
    if (!m_items.empty())
        for (const Disagreement::Version& v : m_items.front().versions) coders.emplace_back(v.coderId, v.coder);
    const bool same = coders.size() == m_adopt.size() &&
                      std::equal(coders.begin(), coders.end(), m_adopt.begin(), [](const auto& c, const auto& b) { return c.first == b.first; });
    if (!same) {
        // deleteLater: this may run inside the click of one of these buttons (adopt → refresh).
        for (auto& [id, button] : m_adopt) {
            button->hide();
            button->deleteLater();
        }
        m_adopt.clear();
        for (const auto& [id, name] : coders) {
            auto* button = new QPushButton(tr("Adopt %1's version").arg(name), this);
            button->setToolTip(tr("Make every other compared coder's coding of this code in the passage exactly %1's "
                                  "(one change; Edit ▸ Undo takes it back)").arg(name));
            button->setMinimumWidth(button->sizeHint().width()); // the coder's name is never cut
            connect(button, &QPushButton::clicked, this, [this, coder = id] {
                if (const AdoptRequest r = adoptRequest(coder); r.codeId) Q_EMIT adoptRequested(r);
            });
            m_adoptRow->addWidget(button);
            m_adopt.emplace_back(id, button);
        }
    }
    const bool chosen = currentRow() >= 0;
    for (auto& [id, button] : m_adopt) button->setEnabled(chosen);
    m_show->setEnabled(chosen);
}

int DisagreementBrowser::currentRow() const {
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() && current.row() < int(m_items.size()) ? current.row() : -1;
}

void DisagreementBrowser::selectRow(int row) {
    if (row < 0 || row >= m_model->rowCount()) return;
    m_view->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(m_model->index(row, 0));
}

AdoptRequest DisagreementBrowser::adoptRequest(qint64 fromCoderId) const {
    const int row = currentRow();
    if (row < 0) return {};
    const Disagreement& d = m_items[size_t(row)];
    AdoptRequest r{d.sourceId, d.start, d.end, m_codeId, fromCoderId, {}, {}, m_codePath, d.citation};
    for (const Disagreement::Version& v : d.versions) {
        if (v.coderId == fromCoderId) r.fromCoder = v.coder;
        else r.otherCoderIds.push_back(v.coderId);
    }
    return r.fromCoder.isEmpty() ? AdoptRequest{} : r;
}

QPushButton* DisagreementBrowser::adoptButton(const QString& coder) const {
    for (const auto& [id, button] : m_adopt)
        if (button->text() == tr("Adopt %1's version").arg(coder)) return button;
    return nullptr;
}

void DisagreementBrowser::showVersions(int row) {
    for (auto& [id, button] : m_adopt) button->setEnabled(row >= 0);
    m_show->setEnabled(row >= 0);
    if (row < 0 || row >= int(m_items.size())) {
        m_versions->clear();
        return;
    }
    const Disagreement& d = m_items[size_t(row)];
    const QString text = sourceText(d.sourceId);
    const Span span = text.isEmpty() ? Span{d.start, d.end} : spanOf(text, d);
    // One column per coder: the same passage, as each of them coded it.
    QString cells;
    const int width = 100 / std::max<int>(1, int(d.versions.size()));
    for (const Disagreement::Version& v : d.versions) {
        cells += QStringLiteral("<td width=\"%1%\" valign=\"top\"><p><b>%2</b> — %3</p><p>%4</p></td>")
                     .arg(width)
                     .arg(v.coder.toHtmlEscaped(),
                          v.coded ? tr("coded") : QStringLiteral("<i style=\"color:#777\">%1</i>").arg(tr("not coded")),
                          text.isEmpty() ? d.text.toHtmlEscaped() : markedHtml(text, span, v));
    }
    // The list names the passage and the heading the code: the pane is all versions.
    m_versions->setHtml(QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\"><tr>%1</tr></table>").arg(cells));
}

void DisagreementBrowser::activate(int row) {
    if (row < 0 || row >= int(m_items.size())) return;
    const Disagreement& d = m_items[size_t(row)];
    Q_EMIT locationActivated(TextLocation{d.sourceId, qsizetype(d.start), qsizetype(d.end)});
}

QString DisagreementBrowser::sourceText(qint64 sourceId) {
    if (auto cached = m_texts.constFind(sourceId); cached != m_texts.constEnd()) return *cached;
    QString text;
    if (m_project)
        if (auto source = SourceRepository(*m_project).get(sourceId); source && source->has_value()) text = (*source)->text;
    m_texts.insert(sourceId, text);
    return text;
}

} // namespace warrant
