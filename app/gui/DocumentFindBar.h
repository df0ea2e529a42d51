#pragma once

#include <QWidget>
#include <vector>

class QLabel;
class QLineEdit;
class QToolButton;

namespace warrant {

class DocumentView;

// Ctrl+F in the document: finds text in the shown source (case-insensitive) as it is typed.
// Enter goes to the next match, Shift+Enter to the previous one, Esc closes the bar; the label
// says "3 of 12". Matches are selected in the view, which scrolls to them.
class DocumentFindBar : public QWidget {
    Q_OBJECT
  public:
    explicit DocumentFindBar(DocumentView* view, QWidget* parent = nullptr);

    // Shows the bar and puts the cursor in the search field (its text selected).
    void activate();
    void findNext();
    void findPrevious();

    QLineEdit* searchField() const { return m_field; }
    QLabel* countLabel() const { return m_count; }
    int matchCount() const { return int(m_matches.size()); }
    int currentMatch() const { return m_current; } // 0-based; -1 when none

  Q_SIGNALS:
    // The bar was closed (Esc or the close button); the view has the focus again.
    void closed();

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void search();
    void go(int index);
    void close();
    void updateLabel();

    DocumentView* m_view;
    QLineEdit* m_field;
    QLabel* m_count;
    std::vector<int> m_matches; // document positions of each match's start
    int m_matchLength = 0;
    int m_current = -1;
};

} // namespace warrant
