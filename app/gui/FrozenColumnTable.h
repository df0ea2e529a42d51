#pragma once

#include <QTableView>

namespace warrant {

// A table whose first column stays in place while the rest scrolls sideways, so a row keeps
// its name (a participant's code) however many attribute columns follow. The frozen column is
// a second view laid over the first, sharing its model, selection and vertical scrolling.
class FrozenColumnTable : public QTableView {
public:
    explicit FrozenColumnTable(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;
    QTableView* frozenView() const { return m_frozen; }

protected:
    void resizeEvent(QResizeEvent* event) override;
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    void scrollTo(const QModelIndex& index, ScrollHint hint = EnsureVisible) override;

private:
    void placeFrozen();
    void syncColumns();
    QTableView* m_frozen;
};

} // namespace warrant
