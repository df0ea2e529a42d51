#pragma once

#include <QSet>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QModelIndex;
class QSortFilterProxyModel;
class QToolButton;
class QTreeView;

namespace warrant {

class Project;
class SourceTreeModel;

// The left dock: the project's transcripts, documents and manuscripts, grouped by kind or by a
// participant attribute, with a filter box. It reads through core and only emits requests.
class SourcesPanel : public QWidget {
    Q_OBJECT
  public:
    explicit SourcesPanel(QWidget* parent = nullptr);

    // The panel does not own the project; pass nullptr before the project is closed.
    void setProject(Project* project);
    // Re-reads the project (after an import or an undoable change), keeping the grouping, the
    // expanded groups and the current source.
    void reload();
    // "Kind", "None" or a participant attribute name, as offered by the "Group by" box.
    void setGrouping(const QString& attributeOrKind);
    QString grouping() const;
    // Makes the source current (clearing the filter when it hides it) without emitting
    // sourceActivated: the caller already knows which source it asked for.
    void selectSource(qint64 sourceId);
    // The current source row's id, 0 when a group row or nothing is current.
    qint64 currentSourceId() const;
    void setFilterText(const QString& text);

    QTreeView* view() const { return m_view; }
    SourceTreeModel* model() const { return m_model; }
    QComboBox* groupingBox() const { return m_groupBy; }
    QLineEdit* filterEdit() const { return m_filter; }

  Q_SIGNALS:
    // The user made a source current or activated it (double-click, Enter): show it.
    void sourceActivated(qint64 sourceId);
    // The user asked to import files into the project ("Import…" button); the main window runs
    // the import dialog and calls reload() afterwards.
    void importRequested();

  private:
    void fillGroupingBox();
    void applyFilter(const QString& text);
    void restoreExpansion();
    QString expansionKey(const QModelIndex& proxyIndex) const;
    void onCurrentChanged(const QModelIndex& current);

    SourceTreeModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTreeView* m_view = nullptr;
    QComboBox* m_groupBy = nullptr;
    QLineEdit* m_filter = nullptr;
    QToolButton* m_import = nullptr;
    // Groups the user collapsed, as "grouping/label": groups start expanded and new ones appear so.
    QSet<QString> m_collapsed;
    bool m_restoring = false; // programmatic changes of the current row emit nothing
};

} // namespace warrant
