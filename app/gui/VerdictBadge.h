#pragma once

#include <QColor>
#include <QSize>
#include <QString>

class QFontMetrics;
class QPainter;
class QRect;

namespace warrant {

// The coloured pill that names a verdict ("altered"), a check ("orphan-citation") or a claim's
// overall status ("verified"), drawn the same way in the claims list and the claim detail.
// The colours follow the HTML audit report: red problems, amber notes, green verified, grey
// for what was not checked.
class VerdictBadge {
  public:
    enum class Tone { Ok, Neutral, Note, Problem };

    static Tone tone(const QString& name);
    // What the pill reads: "not-found" → "not found".
    static QString label(const QString& name);
    static QColor foreground(Tone tone);
    static QColor background(Tone tone);

    // A rich-text pill for labels and text browsers.
    static QString html(const QString& name);
    // Painted pill for item delegates, vertically centred and left-aligned in `rect`.
    static QSize sizeHint(const QFontMetrics& metrics, const QString& name);
    static void paint(QPainter* painter, const QRect& rect, const QString& name);
};

} // namespace warrant
