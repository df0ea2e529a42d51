#pragma once

#include <QWidget>

class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace warrant {

class Project;
class ParticipantTableModel;

// The tab beside Sources: participants and their attributes in a sortable, editable table.
// It reads through core and turns every change into a request signal for the main window.
class ParticipantsPanel : public QWidget {
    Q_OBJECT
  public:
    explicit ParticipantsPanel(QWidget* parent = nullptr);

    // The panel does not own the project; pass nullptr before the project is closed.
    void setProject(Project* project);
    // Re-reads the participants, keeping the sort order and the current participant.
    void reload();
    // The current row's participant code, empty when none.
    QString currentCode() const;
    void selectParticipant(const QString& code);

    QTableView* view() const { return m_view; }
    ParticipantTableModel* model() const { return m_model; }
    QSortFilterProxyModel* sortModel() const { return m_proxy; }

    // The button actions, public so menus can offer them too: each asks the user, then emits.
    void chooseCsvFile();
    void askAttributeName();

  Q_SIGNALS:
    // Forwarded from the table after the edit has finished (queued, so the editor is closed
    // before the main window applies the change and reloads):
    // set participant `code`'s `attribute` to `value` (empty clears it).
    void attributeEditRequested(const QString& code, const QString& attribute, const QString& value);
    // Rename participant `code`'s display name to `name`.
    void displayNameEditRequested(const QString& code, const QString& name);
    // Import or update participants from the CSV file at `path` ("Import CSV…").
    void csvImportRequested(const QString& path);
    // Add a new attribute `name` (a new, initially empty column); "Add Attribute…".
    void attributeAddRequested(const QString& name);
    // The user made participant `code` current (e.g. to show their sources or codings).
    void participantSelected(const QString& code);

  private:
    ParticipantTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_view = nullptr;
    QPushButton* m_importCsv = nullptr;
    QPushButton* m_addAttribute = nullptr;
    bool m_restoring = false; // programmatic changes of the current row emit nothing
};

} // namespace warrant
