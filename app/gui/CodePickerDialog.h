#pragma once

#include "model/Code.h"

#include <QDialog>
#include <optional>
#include <vector>

class QLineEdit;
class QListWidget;

namespace warrant {

class Project;

// The Ctrl+K code picker: type part of a code's path, Up/Down to move, Enter applies the
// highlighted code, Shift+Enter asks for a new code named after the typed text.
class CodePickerDialog : public QDialog {
    Q_OBJECT
  public:
    // Exactly one field is set: an existing code, or the name of a code to create.
    struct Result {
        qint64 codeId = 0;
        QString newCodeName;
    };

    explicit CodePickerDialog(Project& project, QWidget* parent = nullptr);
    // Without a project, for callers that already hold the codebook.
    explicit CodePickerDialog(const std::vector<Code>& codebook, QWidget* parent = nullptr);

    // Runs the dialog; nullopt when cancelled.
    static std::optional<Result> pick(QWidget* parent, Project& project, const QString& title);

    // What the user chose once the dialog was accepted; nullopt before or when cancelled.
    std::optional<Result> choice() const { return m_choice; }
    // The code ids currently listed, best match first.
    std::vector<qint64> matches() const;
    qint64 highlightedCode() const;

    QLineEdit* lineEdit() const { return m_filter; }
    QListWidget* list() const { return m_list; }

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void build();
    void refilter();
    void moveHighlight(int delta);
    void chooseHighlighted();
    void chooseNewCode();

    std::vector<Code> m_codes;
    std::vector<QString> m_paths; // parallel to m_codes
    QLineEdit* m_filter = nullptr;
    QListWidget* m_list = nullptr;
    std::optional<Result> m_choice;
};

} // namespace warrant
