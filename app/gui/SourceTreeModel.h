#pragma once

#include <QStandardItemModel>

namespace warrant {

class Project;

// Sources grouped for the sources panel: by kind, by a participant attribute ("group", "role"…)
// or not at all. Group rows carry their counts; source rows their id, participant and codings.
class SourceTreeModel : public QStandardItemModel {
    Q_OBJECT
public:
    enum Role { SourceIdRole = Qt::UserRole + 1, SearchTextRole };
    static const QString kByKind;
    static const QString kNoGrouping;

    explicit SourceTreeModel(QObject* parent = nullptr);

    // Re-reads the project (nullptr empties the model).
    void rebuild(Project* project, const QString& grouping);
    QModelIndex indexOfSource(qint64 sourceId) const;
};

} // namespace warrant
