#pragma once

#include "model/Source.h"

#include <QAbstractItemModel>
#include <QStringList>
#include <vector>

namespace warrant {

class Project;

// The project's sources as a tree: group rows ("Transcripts (35)", "regional policy (12)") over
// source rows, or a flat list when grouped by "None". Read-only: it reads through the core
// repositories on reload() and never writes.
class SourceTreeModel : public QAbstractItemModel {
    Q_OBJECT
  public:
    enum Column { TitleColumn = 0, SegmentsColumn = 1, ColumnCount = 2 };
    enum Role {
        SourceIdRole = Qt::UserRole + 1, // qint64; 0 on group rows
        IsGroupRole,                     // bool
        GroupLabelRole,                  // group rows: the label without its count
        SearchTextRole,                  // source rows: title, participant code and attribute values
        ParticipantCodeRole,             // source rows: the participant's code, or empty
    };

    // Grouping keys besides participant attribute names.
    static QString kindGrouping() { return QStringLiteral("Kind"); }
    static QString noGrouping() { return QStringLiteral("None"); }
    // Group label for sources whose participant lacks the attribute (or who have no participant).
    static QString noValueLabel() { return QStringLiteral("(none)"); }

    explicit SourceTreeModel(QObject* parent = nullptr);

    void setProject(Project* project);
    // Re-reads sources, participants and coded-segment counts; keeps the grouping.
    void reload();
    // "Kind", "None" or a participant attribute name (case-insensitive); unknown names group as "Kind".
    void setGrouping(const QString& attributeOrKind);
    QString grouping() const { return m_grouping; }
    // Participant attribute names, in creation order, as read by the last reload().
    QStringList attributeNames() const { return m_attributeNames; }
    QModelIndex indexOfSource(qint64 sourceId) const;
    bool isGroup(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  private:
    struct Entry {
        qint64 id = 0;
        QString title;
        SourceKind kind = SourceKind::Transcript;
        QString originalName;
        QString participantCode;
        QString participantName;
        std::vector<std::pair<QString, QString>> attributes; // of the source's participant
        int codedSegments = 0;
        QString attribute(const QString& name) const;
    };
    struct Group {
        QString label;
        std::vector<int> entries; // indexes into m_entries
    };

    void readProject();
    void regroup();
    QString resolveGrouping(const QString& requested) const;
    const Entry* entryAt(const QModelIndex& index) const;
    QVariant entryData(const Entry& entry, int column, int role) const;
    QString toolTip(const Entry& entry) const;

    Project* m_project = nullptr;
    QString m_grouping = kindGrouping();
    QStringList m_attributeNames;
    std::vector<Entry> m_entries; // sorted by title
    std::vector<Group> m_groups;  // empty when flat
    bool m_flat = false;
};

} // namespace warrant
