#include "CodePickerDialog.h"

#include "store/CodebookRepository.h"
#include "store/Project.h"

#include <QColor>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace warrant {

namespace {

// Lower is better; -1 = no match. Whole name, then name prefix, then any path level's prefix,
// then anywhere in the name, then anywhere in the path.
int matchRank(const QString& name, const QString& path, const QString& query) {
    if (query.isEmpty()) return 0;
    if (name.compare(query, Qt::CaseInsensitive) == 0) return 0;
    if (name.startsWith(query, Qt::CaseInsensitive)) return 1;
    const QStringList levels = path.split(u'/');
    for (const QString& level : levels)
        if (level.startsWith(query, Qt::CaseInsensitive)) return 2;
    if (name.contains(query, Qt::CaseInsensitive)) return 3;
    if (path.contains(query, Qt::CaseInsensitive)) return 4;
    return -1;
}

} // namespace

CodePickerDialog::CodePickerDialog(Project& project, QWidget* parent) : QDialog(parent) {
    if (auto codes = CodebookRepository(project).list()) m_codes = std::move(*codes);
    build();
}

CodePickerDialog::CodePickerDialog(const std::vector<Code>& codebook, QWidget* parent)
    : QDialog(parent), m_codes(codebook) {
    build();
}

void CodePickerDialog::build() {
    setWindowTitle(QStringLiteral("Apply Code"));
    // Paths computed here so the picker also works from a plain codebook vector.
    for (const Code& c : m_codes) {
        QString path = c.name;
        for (qint64 parent = c.parentId; parent;) {
            const auto it = std::find_if(m_codes.begin(), m_codes.end(),
                                         [parent](const Code& p) { return p.id == parent; });
            if (it == m_codes.end()) break;
            path.prepend(it->name + u'/');
            parent = it->parentId;
        }
        m_paths.push_back(path);
    }

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("codePickerFilter"));
    m_filter->setPlaceholderText(QStringLiteral("Type to find a code…"));
    m_filter->installEventFilter(this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("codePickerList"));
    m_list->setFocusPolicy(Qt::NoFocus); // typing always goes to the filter
    auto* hint =
        new QLabel(QStringLiteral("Enter: apply   Shift+Enter: new code named as typed   Esc: cancel"), this);
    hint->setEnabled(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(hint);
    resize(420, 360);

    connect(m_filter, &QLineEdit::textChanged, this, &CodePickerDialog::refilter);
    connect(m_list, &QListWidget::itemActivated, this, [this] { chooseHighlighted(); });
    refilter();
}

std::optional<CodePickerDialog::Result> CodePickerDialog::pick(QWidget* parent, Project& project,
                                                               const QString& title) {
    CodePickerDialog dialog(project, parent);
    if (!title.isEmpty()) dialog.setWindowTitle(title);
    if (dialog.exec() != QDialog::Accepted) return std::nullopt;
    return dialog.choice();
}

std::vector<qint64> CodePickerDialog::matches() const {
    std::vector<qint64> ids;
    for (int i = 0; i < m_list->count(); ++i)
        ids.push_back(m_list->item(i)->data(Qt::UserRole).toLongLong());
    return ids;
}

qint64 CodePickerDialog::highlightedCode() const {
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

void CodePickerDialog::refilter() {
    const QString query = m_filter->text().trimmed();
    struct Candidate {
        int rank;
        size_t order;
    };
    std::vector<Candidate> found;
    for (size_t i = 0; i < m_codes.size(); ++i) {
        const int rank = matchRank(m_codes[i].name, m_paths[i], query);
        if (rank >= 0) found.push_back({rank, i});
    }
    // Stable on codebook order, so equally good matches keep the tree's order.
    std::stable_sort(found.begin(), found.end(),
                     [](const Candidate& a, const Candidate& b) { return a.rank < b.rank; });
    m_list->clear();
    for (const Candidate& c : found) {
        auto* item = new QListWidgetItem(m_paths[c.order], m_list);
        item->setData(Qt::UserRole, m_codes[c.order].id);
        if (QColor::isValidColorName(m_codes[c.order].colour))
            item->setData(Qt::DecorationRole, QColor(m_codes[c.order].colour));
    }
    if (m_list->count() > 0) m_list->setCurrentRow(0);
}

void CodePickerDialog::moveHighlight(int delta) {
    if (m_list->count() == 0) return;
    const int row = std::clamp(m_list->currentRow() + delta, 0, m_list->count() - 1);
    m_list->setCurrentRow(row);
}

void CodePickerDialog::chooseHighlighted() {
    const qint64 id = highlightedCode();
    if (!id) return; // nothing matches: Shift+Enter creates instead
    m_choice = Result{id, {}};
    accept();
}

void CodePickerDialog::chooseNewCode() {
    const QString name = m_filter->text().trimmed();
    if (name.isEmpty()) return;
    m_choice = Result{0, name};
    accept();
}

bool CodePickerDialog::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Up:
            moveHighlight(-1);
            return true;
        case Qt::Key_Down:
            moveHighlight(1);
            return true;
        case Qt::Key_PageUp:
            moveHighlight(-10);
            return true;
        case Qt::Key_PageDown:
            moveHighlight(10);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (key->modifiers().testFlag(Qt::ShiftModifier))
                chooseNewCode();
            else
                chooseHighlighted();
            return true; // never let QDialog's default button accept without a choice
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace warrant
