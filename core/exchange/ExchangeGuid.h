#pragma once

#include <QString>

namespace warrant {

// GUIDs for exported REFI-QDA elements. A name-based (version 5) UUID of what the element is — its
// kind and an identity such as a code's path or a source's text hash — so the same project exported
// twice carries the same GUIDs, and a re-import matches what it matched before.
class ExchangeGuid {
public:
    static QString make(const QString& kind, const QString& identity);
};

} // namespace warrant
