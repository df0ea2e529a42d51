#pragma once

#include <QWidget>

namespace warrant {

class DocumentFindBar;
class DocumentView;

// The workbench's central widget: the document view with its find bar underneath (hidden until
// Ctrl+F, or showFindBar()).
class DocumentPane : public QWidget {
    Q_OBJECT
  public:
    explicit DocumentPane(QWidget* parent = nullptr);

    DocumentView* view() const { return m_view; }
    DocumentFindBar* findBar() const { return m_findBar; }
    // Shows the find bar with the cursor in its search field.
    void showFindBar();

  private:
    DocumentView* m_view;
    DocumentFindBar* m_findBar;
};

} // namespace warrant
