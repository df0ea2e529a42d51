#pragma once

#include "TextLocation.h"
#include "model/Code.h"

#include <QAbstractItemModel>
#include <map>
#include <vector>

namespace warrant {

class Project;

// The codebook as a tree for QTreeView: one row per code, columns Code / Segments /
// Participants (counts include descendants, from CodeCounts). Read-only towards the project:
// renames and drops only emit requests; the main window runs them as undoable commands and
// then calls reload().
class CodebookModel : public QAbstractItemModel {
    Q_OBJECT
  public:
    enum Column { NameColumn = 0, SegmentsColumn, ParticipantsColumn, ColumnCount };
    enum Role {
        CodeIdRole = Qt::UserRole + 1, // qint64 id of the row's code
        CodePathRole,                  // "Parent/Child"
        QuickNumberRole,               // 1–9, or 0 without a quick-code number
    };
    // Drag format for codes dragged inside the tree: space-separated ids.
    static constexpr const char* kCodeIdsFormat = "application/x-warrant-code-ids";

    explicit CodebookModel(QObject* parent = nullptr);

    void setProject(Project* project);
    // Re-reads codes, counts and quick-code numbers (a model reset).
    void reload();
    // Why the last reload showed nothing, or empty.
    QString lastError() const { return m_error; }

    const std::vector<Code>& codes() const { return m_codes; }
    const Code* code(qint64 codeId) const;
    QString path(qint64 codeId) const;
    qint64 codeId(const QModelIndex& index) const;
    QModelIndex indexOf(qint64 codeId, int column = NameColumn) const;
    // True when `codeId` is `ancestorId` or lies below it.
    bool isWithin(qint64 codeId, qint64 ancestorId) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // Never changes the data: a new name becomes renameRequested.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    // Codes dropped on a code: Qt::LinkAction (the panel's Shift-drop) = merge into it, otherwise move
    // under it (onto empty space = to the top level). A text range dropped on a code =
    // apply it. Only emits requests; returns whether one was emitted.
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

  Q_SIGNALS:
    // The user renamed a code inline.
    void renameRequested(qint64 codeId, const QString& newName);
    // The user dragged a code under another (newParentId 0 = top level).
    void moveRequested(qint64 codeId, qint64 newParentId);
    // The user dragged a code onto another with Shift: fold `fromId` into `intoId`.
    void mergeRequested(qint64 fromId, qint64 intoId);
    // A text selection was dropped on a code: code that range with it.
    void rangeDropped(const warrant::TextLocation& range, qint64 codeId);

  private:
    struct Node {
        Code code;
        int parentNode = -1; // index into m_nodes, -1 for top level
        int row = 0;
        std::vector<int> children;
        int segments = 0;
        int participants = 0;
        int quickNumber = 0;
    };
    const Node* nodeOf(const QModelIndex& index) const;
    static QString toolTip(const Node& node);
    qint64 dropTarget(int row, const QModelIndex& parent) const;
    std::vector<qint64> draggedCodes(const QMimeData* data) const;

    Project* m_project = nullptr;
    std::vector<Code> m_codes;
    std::vector<Node> m_nodes;
    std::vector<int> m_topLevel;
    std::map<qint64, int> m_nodeById;
    QString m_error;
};

} // namespace warrant
