#pragma once

#include <QString>

namespace warrant {

// Renders the auditor's word diff ("kept [-printed-]{+said+} kept") as rich text Qt widgets
// display: what the manuscript printed but the participant did not say is struck through in
// red, what the participant said instead is green. Everything else is escaped as plain text.
class WordDiffHtml {
  public:
    static QString render(const QString& diff);

    // The colours, so tests and legends agree with what is rendered.
    static QString deletionColor() { return QStringLiteral("#b42318"); }
    static QString insertionColor() { return QStringLiteral("#1a7f37"); }
};

} // namespace warrant
