#pragma once

#include "model/Source.h"
#include "model/Turn.h"

#include <QString>

#include <vector>

namespace warrant {

// Renders a source as HTML for the document view: the header, then one block per speaker
// turn with its label, interviewer turns set apart, and media times for subtitle sources.
class DocumentRenderer {
public:
    static QString toHtml(const Source& source, const std::vector<Turn>& turns);
};

} // namespace warrant
