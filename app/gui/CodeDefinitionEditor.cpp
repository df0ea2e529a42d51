#include "CodeDefinitionEditor.h"

#include "store/CodebookRepository.h"
#include "store/MemoRepository.h"
#include "store/Project.h"

#include <QColorDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace warrant {

namespace {

QPlainTextEdit* shortTextEdit(QWidget* parent, const QString& objectName) {
    auto* edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setTabChangesFocus(true);
    // Definitions are a few lines: keep each field small so the whole form fits a dock.
    edit->setMaximumHeight(edit->fontMetrics().lineSpacing() * 4 + 12);
    return edit;
}

} // namespace

CodeDefinitionEditor::CodeDefinitionEditor(QWidget* parent) : QWidget(parent) {
    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::PlainText);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);

    m_description = shortTextEdit(this, QStringLiteral("codeDescription"));
    m_inclusion = shortTextEdit(this, QStringLiteral("codeInclusion"));
    m_exclusion = shortTextEdit(this, QStringLiteral("codeExclusion"));
    m_example = shortTextEdit(this, QStringLiteral("codeExample"));
    m_colourButton = new QPushButton(QStringLiteral("Colour…"), this);
    m_colourButton->setObjectName(QStringLiteral("codeColour"));
    m_apply = new QPushButton(QStringLiteral("Apply"), this);
    m_apply->setObjectName(QStringLiteral("applyDefinition"));

    auto* form = new QFormLayout;
    form->addRow(QStringLiteral("Description"), m_description);
    form->addRow(QStringLiteral("Include"), m_inclusion);
    form->addRow(QStringLiteral("Exclude"), m_exclusion);
    form->addRow(QStringLiteral("Example"), m_example);
    auto* definitionButtons = new QHBoxLayout;
    definitionButtons->addWidget(m_colourButton);
    definitionButtons->addStretch();
    definitionButtons->addWidget(m_apply);

    m_memos = new QListWidget(this);
    m_memos->setObjectName(QStringLiteral("codeMemos"));
    m_memos->setMaximumHeight(m_memos->fontMetrics().lineSpacing() * 4 + 12);
    m_memoTitle = new QLineEdit(this);
    m_memoTitle->setObjectName(QStringLiteral("memoTitle"));
    m_memoTitle->setPlaceholderText(QStringLiteral("Memo title"));
    m_memoBody = new QPlainTextEdit(this);
    m_memoBody->setObjectName(QStringLiteral("memoBody"));
    m_memoBody->setPlaceholderText(QStringLiteral("Memo"));
    auto* newMemoButton = new QPushButton(QStringLiteral("New Memo"), this);
    m_saveMemo = new QPushButton(QStringLiteral("Save Memo"), this);
    m_saveMemo->setObjectName(QStringLiteral("saveMemo"));
    auto* memoButtons = new QHBoxLayout;
    memoButtons->addWidget(newMemoButton);
    memoButtons->addStretch();
    memoButtons->addWidget(m_saveMemo);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addLayout(form);
    layout->addLayout(definitionButtons);
    layout->addWidget(new QLabel(QStringLiteral("Memos"), this));
    layout->addWidget(m_memos);
    layout->addWidget(m_memoTitle);
    layout->addWidget(m_memoBody, 1);
    layout->addLayout(memoButtons);

    connect(m_colourButton, &QPushButton::clicked, this, &CodeDefinitionEditor::chooseColour);
    connect(m_apply, &QPushButton::clicked, this, &CodeDefinitionEditor::apply);
    connect(newMemoButton, &QPushButton::clicked, this, &CodeDefinitionEditor::newMemo);
    connect(m_saveMemo, &QPushButton::clicked, this, &CodeDefinitionEditor::saveMemo);
    connect(m_memos, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item) editMemo(item->data(Qt::UserRole).toLongLong());
    });
    showCode(0);
}

void CodeDefinitionEditor::setProject(Project* project) {
    m_project = project;
    showCode(0);
}

void CodeDefinitionEditor::showCode(qint64 codeId) {
    m_code.reset();
    if (m_project && codeId) {
        auto found = CodebookRepository(*m_project).get(codeId);
        if (found && found->has_value()) m_code = **found;
    }
    const Code shown = m_code.value_or(Code{});
    m_heading->setText(m_code ? shown.name : QStringLiteral("No code selected"));
    m_description->setPlainText(shown.description);
    m_inclusion->setPlainText(shown.inclusion);
    m_exclusion->setPlainText(shown.exclusion);
    m_example->setPlainText(shown.example);
    m_colour = shown.colour;
    updateColourButton();
    const bool editable = m_code.has_value() && !m_project->readOnly();
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_description, m_inclusion, m_exclusion, m_example, m_colourButton,
                                         m_apply, m_memoTitle, m_memoBody, m_saveMemo})
        w->setEnabled(editable);
    reloadMemos();
}

Code CodeDefinitionEditor::editedCode() const {
    Code edited = m_code.value_or(Code{});
    edited.description = m_description->toPlainText().trimmed();
    edited.inclusion = m_inclusion->toPlainText().trimmed();
    edited.exclusion = m_exclusion->toPlainText().trimmed();
    edited.example = m_example->toPlainText().trimmed();
    edited.colour = m_colour;
    return edited;
}

void CodeDefinitionEditor::setColour(const QString& colour) {
    m_colour = colour;
    updateColourButton();
}

void CodeDefinitionEditor::apply() {
    if (!m_code) return;
    Q_EMIT definitionEditRequested(editedCode());
}

void CodeDefinitionEditor::saveMemo() {
    if (!m_code) return;
    const QString title = m_memoTitle->text().trimmed();
    const QString body = m_memoBody->toPlainText();
    if (title.isEmpty() && body.trimmed().isEmpty()) return;
    Q_EMIT memoEditRequested(m_code->id, m_memoId, title, body);
}

void CodeDefinitionEditor::newMemo() {
    m_memoId = 0;
    const QSignalBlocker block(m_memos);
    m_memos->setCurrentItem(nullptr);
    m_memoTitle->clear();
    m_memoBody->clear();
    m_memoTitle->setFocus();
}

void CodeDefinitionEditor::editMemo(qint64 memoId) {
    if (!m_project || !m_code) return;
    auto memos = MemoRepository(*m_project).list(MemoTarget::Code, m_code->id);
    if (!memos) return;
    for (const Memo& memo : *memos) {
        if (memo.id != memoId) continue;
        m_memoId = memo.id;
        m_memoTitle->setText(memo.title);
        m_memoBody->setPlainText(memo.body);
        for (int i = 0; i < m_memos->count(); ++i)
            if (m_memos->item(i)->data(Qt::UserRole).toLongLong() == memoId) {
                const QSignalBlocker block(m_memos);
                m_memos->setCurrentRow(i);
            }
        return;
    }
}

void CodeDefinitionEditor::reloadMemos() {
    const QSignalBlocker block(m_memos);
    m_memos->clear();
    m_memoId = 0;
    m_memoTitle->clear();
    m_memoBody->clear();
    if (!m_project || !m_code) return;
    auto memos = MemoRepository(*m_project).list(MemoTarget::Code, m_code->id);
    if (!memos) return;
    for (const Memo& memo : *memos) {
        const QString title = memo.title.isEmpty() ? memo.body.section(u'\n', 0, 0).left(60) : memo.title;
        auto* item = new QListWidgetItem(title, m_memos);
        item->setData(Qt::UserRole, memo.id);
        item->setToolTip(QStringLiteral("%1 · %2").arg(memo.coder, memo.updatedAt.toString(Qt::ISODate)));
    }
}

void CodeDefinitionEditor::chooseColour() {
    const QColor chosen = QColorDialog::getColor(QColor(m_colour), this, QStringLiteral("Code Colour"));
    if (chosen.isValid()) setColour(chosen.name());
}

void CodeDefinitionEditor::updateColourButton() {
    QPixmap swatch(14, 14);
    swatch.fill(QColor::isValidColorName(m_colour) ? QColor(m_colour) : QColor(Qt::transparent));
    m_colourButton->setIcon(QIcon(swatch));
}

} // namespace warrant
