#pragma once

#include <QWidget>

namespace warrant {

class DocumentView;

// The document view's left margin: each turn's number and, for subtitle sources, its media time,
// painted beside the turn's first line so the text itself stays exactly the source text.
class TurnNumberArea : public QWidget {
    Q_OBJECT
  public:
    explicit TurnNumberArea(DocumentView* view);

    int preferredWidth() const;
    QSize sizeHint() const override { return {preferredWidth(), 0}; }

    // "1:02:03" / "02:03" for a media time in milliseconds.
    static QString mediaTimeText(qint64 ms);

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    DocumentView* m_view;
};

} // namespace warrant
