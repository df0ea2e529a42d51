#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace warrant {

class Project;
class SourceTreeModel;

// The sources list: transcripts, documents and manuscripts, grouped by kind or by a participant
// attribute, with a filter box. Reads the project; never writes it.
class SourcesPanel : public QWidget {
    Q_OBJECT
public:
    explicit SourcesPanel(QWidget* parent = nullptr);

    void setProject(Project* project);
    // Re-reads the project, keeping grouping, expansion and the current source.
    void reload();
    // "Kind", "None" or a participant attribute name.
    void setGrouping(const QString& grouping);
    QString grouping() const;
    void selectSource(qint64 sourceId);
    qint64 currentSourceId() const;

    QTreeView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_filter; }
    QComboBox* groupingCombo() const { return m_grouping; }
    SourceTreeModel* model() const { return m_model; }

Q_SIGNALS:
    // The user moved to (or activated) a source.
    void sourceActivated(qint64 sourceId);
    // The user asked to import files.
    void importRequested();

private:
    void fillGroupings();
    Project* m_project = nullptr;
    SourceTreeModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTreeView* m_view = nullptr;
    QLineEdit* m_filter = nullptr;
    QComboBox* m_grouping = nullptr;
    bool m_reloading = false;
};

} // namespace warrant
