#pragma once

#include "TextLocation.h"
#include "model/Code.h"

#include <QWidget>
#include <memory>
#include <set>
#include <vector>

class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QTreeView;

namespace warrant {

class CodeDefinitionEditor;
class CodebookModel;
class Project;

// The codebook dock: a filter box, the code tree (with counts and quick-code numbers) and the
// selected code's definition and memos below it. It reads the project and only EMITS requests;
// the main window runs each as an undoable command and then calls reload().
class CodebookPanel : public QWidget {
    Q_OBJECT
  public:
    explicit CodebookPanel(QWidget* parent = nullptr);
    ~CodebookPanel() override;

    void setProject(Project* project);
    // Re-reads the codebook, keeping expanded codes, the selection and the current code.
    void reload();

    QTreeView* view() const { return m_view; }
    CodebookModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QLineEdit* filterEdit() const { return m_filter; }
    CodeDefinitionEditor* definitionEditor() const { return m_editor; }

    qint64 currentCodeId() const;
    std::vector<qint64> selectedCodeIds() const;
    // Makes the code current and selected (clearing a filter that hides it) and shows it.
    void selectCode(qint64 codeId);
    void setFilterText(const QString& text);

    // The code on each of keys 1–9 (0: none), as core assigns them (QuickCodeRepository).
    std::vector<qint64> quickCodeIds() const;
    // Emit pinRequested / unpinRequested: the controller makes them undoable edits.
    void pinQuickCode(qint64 codeId);
    void unpinQuickCode(qint64 codeId);

    // Emits createRequested; the testable end of "New Code…" / "New Child Code…".
    void createCode(qint64 parentId, const QString& name);
    // The context-menu actions, also usable from the main window's menus.
    void promptNewCode(qint64 parentId); // asks for a name (QInputDialog)
    void startRename(qint64 codeId);     // opens the inline editor
    void promptMerge(qint64 fromId);     // picks the target with the code picker
    void promptColour(qint64 codeId);    // QColorDialog
    void requestDelete(qint64 codeId);   // emits deleteRequested
    // The context menu for a code (0 = the empty area); shown on right-click.
    std::unique_ptr<QMenu> contextMenuFor(qint64 codeId);

  Q_SIGNALS:
    // The current code changed (0 = none).
    void currentCodeChanged(qint64 codeId);
    void selectedCodesChanged();
    // A code was double-clicked (or activated with Enter).
    void codeActivated(qint64 codeId);
    // Create a code called `name` under `parentId` (0 = top level).
    void createRequested(qint64 parentId, const QString& name);
    // Rename the code (inline edit).
    void renameRequested(qint64 codeId, const QString& newName);
    // Move the code under `newParentId` (0 = top level), by drag and drop.
    void moveRequested(qint64 codeId, qint64 newParentId);
    // Merge `fromId` (its codings, children and memos) into `intoId` and delete `fromId`.
    void mergeRequested(qint64 fromId, qint64 intoId);
    // Delete the code (the main window decides how to treat children).
    void deleteRequested(qint64 codeId);
    // Code the dropped text range with `codeId`.
    void rangeDropped(const warrant::TextLocation& range, qint64 codeId);
    // Store the definition fields and colour of `updated`.
    void definitionEditRequested(const warrant::Code& updated);
    // Save a memo on a code: memoId 0 = new memo.
    void memoEditRequested(qint64 codeId, qint64 memoId, const QString& title, const QString& body);
    // Put the code on a quick-code key, or take it off (stored in the project).
    void pinRequested(qint64 codeId);
    void unpinRequested(qint64 codeId);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void showContextMenu(const QPoint& pos);
    void onCurrentChanged();
    std::set<qint64> expandedCodes() const;
    void expandCodes(const std::set<qint64>& ids);
    QModelIndex viewIndexOf(qint64 codeId) const;

    Project* m_project = nullptr;
    CodebookModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QLineEdit* m_filter = nullptr;
    QTreeView* m_view = nullptr;
    CodeDefinitionEditor* m_editor = nullptr;
    qint64 m_lastCurrent = 0;
    bool m_reloading = false;
    std::set<qint64> m_expandedBeforeFilter; // restored when the filter is cleared
    qint64 m_currentBeforeFilter = 0;
};

} // namespace warrant
