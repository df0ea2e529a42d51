#pragma once

#include <QWidget>

class QSortFilterProxyModel;
class QTableView;

namespace warrant {

class ParticipantTableModel;
class Project;

// The participants table beside the sources: attributes editable in place, a CSV import.
class ParticipantsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ParticipantsPanel(QWidget* parent = nullptr);

    void setProject(Project* project);
    void reload();
    QTableView* view() const { return m_view; }
    ParticipantTableModel* model() const { return m_model; }

Q_SIGNALS:
    void attributeEditRequested(const QString& code, const QString& attribute, const QString& value);
    void displayNameEditRequested(const QString& code, const QString& name);
    // The user chose a CSV of participants and attributes to import.
    void csvImportRequested(const QString& path);
    void participantSelected(const QString& code);

private:
    Project* m_project = nullptr;
    ParticipantTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_view = nullptr;
};

} // namespace warrant
