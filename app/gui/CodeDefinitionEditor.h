#pragma once

#include "model/Code.h"

#include <QWidget>
#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace warrant {

class Project;

// Shows and edits one code's definition (description, inclusion, exclusion, example, colour)
// and its memos. Reads through the repositories; every change is a request signal.
class CodeDefinitionEditor : public QWidget {
    Q_OBJECT
  public:
    explicit CodeDefinitionEditor(QWidget* parent = nullptr);

    void setProject(Project* project);
    // Loads the code and its memos from the project; 0 clears and disables the editor.
    void showCode(qint64 codeId);
    qint64 codeId() const { return m_code ? m_code->id : 0; }

    // The shown code with the fields as currently edited.
    Code editedCode() const;
    void setColour(const QString& colour);

    // Emits definitionEditRequested with editedCode() (the "Apply" button).
    void apply();
    // Emits memoEditRequested for the memo being edited (the "Save Memo" button).
    void saveMemo();
    // Starts a new memo: clears the memo fields, the next saveMemo() creates one.
    void newMemo();
    // Selects the memo in the list and loads it into the memo fields.
    void editMemo(qint64 memoId);
    qint64 editedMemoId() const { return m_memoId; }

    QPlainTextEdit* descriptionEdit() const { return m_description; }
    QPlainTextEdit* inclusionEdit() const { return m_inclusion; }
    QPlainTextEdit* exclusionEdit() const { return m_exclusion; }
    QPlainTextEdit* exampleEdit() const { return m_example; }
    QListWidget* memoList() const { return m_memos; }
    QLineEdit* memoTitleEdit() const { return m_memoTitle; }
    QPlainTextEdit* memoBodyEdit() const { return m_memoBody; }

  Q_SIGNALS:
    // Store these definition fields and colour for `updated.id` (the whole Code is sent; id,
    // parentId, name and position are unchanged).
    void definitionEditRequested(const warrant::Code& updated);
    // Save a memo on code `codeId`: memoId 0 creates a new one, otherwise that memo is updated.
    void memoEditRequested(qint64 codeId, qint64 memoId, const QString& title, const QString& body);

  private:
    void chooseColour();
    void reloadMemos();
    void updateColourButton();

    Project* m_project = nullptr;
    std::optional<Code> m_code;
    QString m_colour;
    qint64 m_memoId = 0;

    QLabel* m_heading = nullptr;
    QPlainTextEdit* m_description = nullptr;
    QPlainTextEdit* m_inclusion = nullptr;
    QPlainTextEdit* m_exclusion = nullptr;
    QPlainTextEdit* m_example = nullptr;
    QPushButton* m_colourButton = nullptr;
    QPushButton* m_apply = nullptr;
    QListWidget* m_memos = nullptr;
    QLineEdit* m_memoTitle = nullptr;
    QPlainTextEdit* m_memoBody = nullptr;
    QPushButton* m_saveMemo = nullptr;
};

} // namespace warrant
